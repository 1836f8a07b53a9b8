package vn.congvan.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.search.DocumentSearch;
import vn.congvan.registry.search.SearchQuery;
import vn.congvan.shared.Official;

/** The lists of incoming and of outgoing documents of the official's units, with their filters. */
@Controller
class DocumentLists {

    private final DocumentSearch search;
    private final FormChoices choices;

    DocumentLists(DocumentSearch search, FormChoices choices) {
        this.search = search;
        this.choices = choices;
    }

    @GetMapping({"/incoming", "/outgoing"})
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID unitId,
            @RequestParam(required = false) @Nullable DocumentType type,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal Official official,
            HttpServletRequest request,
            Model model) {
        Direction direction =
                request.getServletPath().startsWith("/incoming") ? Direction.INCOMING : Direction.OUTGOING;
        model.addAttribute(
                "result",
                search.search(official, new SearchQuery(q, unitId, direction, type, from, to, null, page, 20)));
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("units", choices.readableUnits(official));
        model.addAttribute("canRegister", !choices.clerkUnits(official).isEmpty());
        model.addAttribute("direction", direction.name());
        model.addAttribute("listPath", direction == Direction.INCOMING ? "/incoming" : "/outgoing");
        return "registry/document-list";
    }
}
