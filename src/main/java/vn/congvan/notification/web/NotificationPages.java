package vn.congvan.notification.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import vn.congvan.notification.Notifications;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;

/** The bell's count, the page of the official's notices, and marking them read. */
@Controller
class NotificationPages {

    static final int PAGE_SIZE = 50;

    /** The htmx event the bell listens to, so that its count follows a notice marked read. */
    static final String CHANGED = "notices-changed";

    private final Notifications notifications;
    private final MessageSource messages;

    NotificationPages(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @GetMapping("/notifications")
    String page(@AuthenticationPrincipal Official official, Locale locale, Model model) {
        list(official, locale, model);
        return "notification/notices";
    }

    @GetMapping("/notifications/bell")
    String bell(@AuthenticationPrincipal Official official, Model model) {
        model.addAttribute("count", notifications.unreadCount(official.personId()));
        return "notification/bell :: count";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(
            @PathVariable UUID id,
            @AuthenticationPrincipal Official official,
            @RequestHeader(name = "HX-Request", defaultValue = "false") boolean htmx,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        notifications.markRead(official.personId(), id);
        return answer(official, htmx, locale, model, response);
    }

    @PostMapping("/notifications/read")
    String markAllRead(
            @AuthenticationPrincipal Official official,
            @RequestHeader(name = "HX-Request", defaultValue = "false") boolean htmx,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        notifications.markAllRead(official.personId());
        return answer(official, htmx, locale, model, response);
    }

    /** With htmx the list is replaced in place and the bell told; without, the page is shown again. */
    private String answer(Official official, boolean htmx, Locale locale, Model model, HttpServletResponse response) {
        if (!htmx) {
            return "redirect:/notifications";
        }
        response.setHeader("HX-Trigger", CHANGED);
        list(official, locale, model);
        return "notification/notices :: notices";
    }

    private void list(Official official, Locale locale, Model model) {
        model.addAttribute(
                "notices", ShownNotice.of(notifications.latest(official.personId(), PAGE_SIZE), messages, locale));
        model.addAttribute("unread", notifications.unreadCount(official.personId()));
        model.addAttribute("zone", VietnamTime.ZONE);
    }
}
