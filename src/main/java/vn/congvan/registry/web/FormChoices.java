package vn.congvan.registry.web;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.congvan.directory.Directory;
import vn.congvan.directory.UnitView;
import vn.congvan.registry.Confidentiality;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.Priority;
import vn.congvan.registry.SignerAuthority;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/** The lists a registration form offers: types, urgency, confidentiality, the clerk's units. */
@Component
class FormChoices {

    private final Directory directory;

    FormChoices(Directory directory) {
        this.directory = directory;
    }

    void addTo(Model model, Official official) {
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("confidentialities", Confidentiality.values());
        model.addAttribute("authorities", SignerAuthority.values());
        model.addAttribute("clerkUnits", clerkUnits(official));
    }

    List<UnitView> clerkUnits(Official official) {
        return official.unitsWhere(Role.CLERK).stream()
                .map(directory::findUnit)
                .flatMap(java.util.Optional::stream)
                .sorted(Comparator.comparing(UnitView::name))
                .toList();
    }

    List<UnitView> readableUnits(Official official) {
        return official.unitIds().stream()
                .map(directory::findUnit)
                .flatMap(java.util.Optional::stream)
                .sorted(Comparator.comparing(UnitView::name))
                .toList();
    }
}
