package vn.congvan.registry.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.congvan.directory.UnitView;
import vn.congvan.registry.RegisterFormat;
import vn.congvan.registry.report.RegisterCatalog;
import vn.congvan.registry.report.RegisterExport;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;

/** The page where a clerk chooses a register and a period and prints it. */
@Controller
class RegisterPages {

    private final RegisterCatalog catalog;
    private final RegisterExport export;
    private final FormChoices choices;

    RegisterPages(RegisterCatalog catalog, RegisterExport export, FormChoices choices) {
        this.catalog = catalog;
        this.export = export;
        this.choices = choices;
    }

    @GetMapping("/registers")
    String registers(
            @RequestParam(required = false) @Nullable UUID unitId,
            @AuthenticationPrincipal Official official,
            Model model) {
        var units = choices.readableUnits(official);
        UUID chosen = unitId != null && official.belongsTo(unitId)
                ? unitId
                : units.stream().findFirst().map(UnitView::id).orElse(null);
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        model.addAttribute("units", units);
        model.addAttribute("unitId", chosen);
        model.addAttribute("registers", chosen == null ? java.util.List.of() : catalog.of(chosen));
        model.addAttribute("from", today.withDayOfYear(1));
        model.addAttribute("isClerk", chosen != null && official.holds(vn.congvan.shared.Role.CLERK, chosen));
        model.addAttribute("documentTypes", vn.congvan.registry.DocumentType.values());
        model.addAttribute("to", today);
        return "registry/registers";
    }

    /** A clerk opens a register kept for some document types (the unit's rules on legal documents). */
    @org.springframework.web.bind.annotation.PostMapping("/registers")
    String openTypeRegister(
            @RequestParam UUID unitId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "types", required = false)
                    java.util.@Nullable List<vn.congvan.registry.DocumentType> types,
            @AuthenticationPrincipal Official official) {
        if (name.isBlank() || name.length() > 200 || types == null || types.isEmpty()) {
            throw new vn.congvan.shared.InvalidFieldsException(
                    java.util.List.of(new vn.congvan.shared.InvalidFieldsException.FieldProblem(
                            "name", "registry.registers.open.invalid")));
        }
        catalog.openTypeRegister(official, unitId, name, types);
        return "redirect:/registers?unitId=" + unitId;
    }

    @GetMapping("/registers/{registerId}/print")
    ResponseEntity<StreamingResponseBody> print(
            @PathVariable UUID registerId,
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam(defaultValue = "PDF") RegisterFormat format,
            @AuthenticationPrincipal Official official,
            Locale locale) {
        return RegisterApi.RegisterDownload.of(export, official, registerId, from, to, format, locale);
    }
}
