package vn.congvan.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.notification.Notifications;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;

/** The caller's own notices over the API: list them with the unread count, mark them read. */
@RestController
@Tag(name = "notifications")
class NotificationApi {

    static final int MAX_LIMIT = 200;

    private final Notifications notifications;
    private final MessageSource messages;

    NotificationApi(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    /** The caller's unread count and newest notices, texts in the language of Accept-Language. */
    record NoticesJson(long unreadCount, List<ShownNotice> notices) {}

    @GetMapping("/api/v1/notifications")
    @Operation(
            operationId = "listNotifications",
            summary = "The caller's newest notices (read or not) and how many are unread")
    NoticesJson listNotifications(
            @RequestParam(defaultValue = "50") int limit, @AuthenticationPrincipal Official official, Locale locale) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("notification.invalid-limit", MAX_LIMIT);
        }
        return new NoticesJson(
                notifications.unreadCount(official.personId()),
                ShownNotice.of(notifications.latest(official.personId(), limit), messages, locale));
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    @Operation(
            operationId = "markNotificationRead",
            summary = "Mark one of the caller's notices read (404 for a notice of someone else)")
    ResponseEntity<Void> markNotificationRead(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        notifications.markRead(official.personId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/notifications/read")
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark every notice of the caller read")
    ResponseEntity<Void> markAllNotificationsRead(@AuthenticationPrincipal Official official) {
        notifications.markAllRead(official.personId());
        return ResponseEntity.noContent().build();
    }
}
