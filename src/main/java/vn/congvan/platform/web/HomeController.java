package vn.congvan.platform.web;

import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.congvan.platform.MyWork;
import vn.congvan.platform.WorkTile;
import vn.congvan.shared.Official;

/** The sign-in page and the home page with the official's work counts. */
@Controller
class HomeController {

    private final List<MyWork> work;

    HomeController(List<MyWork> work) {
        this.work = work;
    }

    @GetMapping("/login")
    String login() {
        return "platform/login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Official official, Model model) {
        List<WorkTile> tiles = work.stream()
                .flatMap(w -> w.tilesFor(official).stream())
                .sorted(Comparator.comparingInt(WorkTile::order))
                .toList();
        model.addAttribute("tiles", tiles);
        return "platform/home";
    }
}
