package vn.congvan.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.search.DocumentTabs;
import vn.congvan.registry.search.Glance;
import vn.congvan.registry.search.ListTab;
import vn.congvan.registry.search.SearchQuery;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;

/** The lists of incoming and of outgoing documents of the official's units, one tab at a time, with their filters. */
@Controller
class DocumentLists {

    private final DocumentTabs tabs;
    private final FormChoices choices;
    private final Clock clock;

    DocumentLists(DocumentTabs tabs, FormChoices choices, Clock clock) {
        this.tabs = tabs;
        this.choices = choices;
        this.clock = clock;
    }

    @GetMapping("/{list:incoming|outgoing}")
    String list(
            @PathVariable String list,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID unitId,
            @RequestParam(required = false) @Nullable DocumentType type,
            @ModelAttribute("days") Days days,
            BindingResult unreadableDays,
            @RequestParam(required = false) @Nullable String show,
            @RequestParam(required = false) @Nullable String tab,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal Official official,
            HttpServletRequest request,
            Model model) {
        Direction direction = list.equals("incoming") ? Direction.INCOMING : Direction.OUTGOING;
        // A tile of the home page opens its list: the same set it counted.
        Glance glance = show == null ? null : Glance.ofParameter(show).orElse(null);
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        model.addAttribute("glance", glance);
        DocumentTabs.Listing listing = tabs.list(
                official,
                new SearchQuery(q, unitId, direction, type, days.from(), days.to(), null, page, 20),
                glance == null ? null : glance.condition(official, today),
                ListTab.named(tab, direction),
                today);
        model.addAttribute("listing", listing);
        model.addAttribute("tabLinks", tabLinks(request, listing.tabs()));
        model.addAttribute("result", listing.result());
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("units", choices.readableUnits(official));
        model.addAttribute("canRegister", !choices.clerkUnits(official).isEmpty());
        model.addAttribute("direction", direction.name());
        model.addAttribute("listPath", direction == Direction.INCOMING ? "/incoming" : "/outgoing");
        return "registry/document-list";
    }

    /** Each tab's address: the list as filtered now, from its first page; every document without a tab parameter. */
    private static Map<ListTab, String> tabLinks(HttpServletRequest request, List<ListTab> tabs) {
        Map<ListTab, String> links = new EnumMap<>(ListTab.class);
        for (ListTab t : tabs) {
            UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getServletPath())
                    .query(request.getQueryString())
                    .replaceQueryParam("page")
                    .replaceQueryParam("tab");
            if (t != ListTab.ALL) {
                link.queryParam("tab", t.parameter());
            }
            links.put(t, link.build(true).toUriString());
        }
        return links;
    }
}
