package vn.congvan.platform.web;

import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congvan.platform.MyWork;
import vn.congvan.platform.NextTask;
import vn.congvan.platform.Shortcut;
import vn.congvan.platform.WorkTile;
import vn.congvan.shared.Official;

/**
 * The sign-in page and the home page: what the official can start, the work counts, and the first
 * things waiting (and, for a clerk, the first electronic arrivals), each one click from being done.
 */
@Controller
class HomeController {

    /** As many waiting things as a phone shows without scrolling far; the rest is one link away. */
    static final int NEXT_TASKS = 5;

    static final int FIRST_ARRIVALS = 3;

    private final List<MyWork> work;
    private final ArrivalTrays trays;

    HomeController(List<MyWork> work, ArrivalTrays trays) {
        this.work = work;
        this.trays = trays;
    }

    /** {@code throttled}: seconds to wait after too many failed sign-ins, as the form's failure sent them. */
    @GetMapping("/login")
    String login(@RequestParam(required = false) @Nullable String throttled, Model model) {
        if (throttled != null && throttled.matches("\\d{1,6}")) {
            long seconds = Long.parseLong(throttled);
            model.addAttribute("throttledKey", seconds < 120 ? "login.throttled.seconds" : "login.throttled.minutes");
            model.addAttribute("throttledFor", seconds < 120 ? seconds : (seconds + 59) / 60);
        }
        return "platform/login";
    }

    /** What the service worker shows for a page asked for while the line is down. */
    @GetMapping("/offline")
    String offline() {
        return "platform/offline";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Official official, Model model) {
        List<WorkTile> tiles = work.stream()
                .flatMap(w -> w.tilesFor(official).stream())
                .sorted(Comparator.comparingInt(WorkTile::order))
                .toList();
        model.addAttribute("tiles", tiles);
        model.addAttribute(
                "shortcuts",
                work.stream()
                        .flatMap(w -> w.shortcutsFor(official).stream())
                        .sorted(Comparator.comparingInt(Shortcut::order))
                        .toList());
        List<NextTask> next = work.stream()
                .flatMap(w -> w.nextFor(official, NEXT_TASKS).stream())
                .limit(NEXT_TASKS)
                .toList();
        model.addAttribute("next", next);
        model.addAttribute("arrivals", trays.firstFor(official, FIRST_ARRIVALS));
        return "platform/home";
    }
}
