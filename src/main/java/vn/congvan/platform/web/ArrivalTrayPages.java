package vn.congvan.platform.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congvan.platform.WaitingArrival;
import vn.congvan.shared.Official;

/**
 * The clerk's one tray of electronic arrivals: what other units of the installation and other
 * agencies over the axis sent, urgent first, then the longest waiting, each with a badge saying how
 * it came; a tab per way when both are there.
 */
@Controller
class ArrivalTrayPages {

    private final ArrivalTrays trays;

    ArrivalTrayPages(ArrivalTrays trays) {
        this.trays = trays;
    }

    @GetMapping("/arrivals")
    String tray(
            @RequestParam(required = false) @Nullable String source,
            @AuthenticationPrincipal Official official,
            Model model) {
        List<WaitingArrival> all = trays.waitingFor(official);
        Map<WaitingArrival.Source, Long> bySource = new EnumMap<>(WaitingArrival.Source.class);
        all.forEach(a -> bySource.merge(a.source(), 1L, Long::sum));
        WaitingArrival.Source shown = parse(source);
        model.addAttribute(
                "arrivals",
                shown == null
                        ? all
                        : all.stream().filter(a -> a.source() == shown).toList());
        model.addAttribute("total", all.size());
        model.addAttribute("bySource", bySource);
        model.addAttribute("shown", shown);
        return "platform/arrivals";
    }

    private static WaitingArrival.@Nullable Source parse(@Nullable String source) {
        for (WaitingArrival.Source s : WaitingArrival.Source.values()) {
            if (s.name().equalsIgnoreCase(source)) {
                return s;
            }
        }
        return null;
    }
}
