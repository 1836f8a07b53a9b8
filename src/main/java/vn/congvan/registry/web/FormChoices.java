package vn.congvan.registry.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.congvan.directory.AgenciesOutside;
import vn.congvan.directory.Directory;
import vn.congvan.directory.PersonView;
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
    private final org.springframework.beans.factory.ObjectProvider<AgenciesOutside> outside;

    FormChoices(Directory directory, org.springframework.beans.factory.ObjectProvider<AgenciesOutside> outside) {
        this.directory = directory;
        this.outside = outside;
    }

    void addTo(Model model, Official official) {
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("confidentialities", Confidentiality.values());
        model.addAttribute("authorities", SignerAuthority.values());
        model.addAttribute("clerkUnits", clerkUnits(official));
    }

    /** An issuer a clerk may pick for an arrival: a unit of the directory in force, with its code. */
    record Issuer(
            String name, @org.jspecify.annotations.Nullable String code) {}

    /**
     * The issuers an arrival's form suggests: the units of the directory in force, by name, then the
     * agencies outside the province the axis's directory knows (free text stays possible for an
     * agency in neither).
     */
    void addIssuers(Model model) {
        java.time.LocalDate today = java.time.LocalDate.now(vn.congvan.shared.VietnamTime.ZONE);
        List<Issuer> issuers = new java.util.ArrayList<>(directory.units().stream()
                .filter(u -> u.validTo() == null || !u.validTo().isBefore(today))
                .sorted(Comparator.comparing(UnitView::name))
                .map(u -> new Issuer(u.name(), u.code() != null ? u.code() : u.legacyCode()))
                .toList());
        AgenciesOutside agencies = outside.getIfAvailable();
        if (agencies != null) {
            agencies.agencies().forEach(a -> issuers.add(new Issuer(a.name(), a.organId())));
        }
        model.addAttribute("issuers", issuers);
    }

    /** A leader or deputy leader an arrival may be presented to as it is registered, with the title held. */
    record Leader(
            UUID id, String fullName, Role role, @Nullable String title) {}

    /** The leaders of one of the clerk's units, the ones the handling section's presentation offers. */
    record UnitLeaders(UnitView unit, List<Leader> leaders) {}

    /** The leaders and deputy leaders of each unit the clerk registers arrivals of. */
    void addLeaders(Model model, Official official) {
        List<UnitLeaders> units = new ArrayList<>();
        for (UnitView unit : clerkUnits(official)) {
            List<Leader> leaders = new ArrayList<>();
            for (PersonView person : directory.people(unit.id())) {
                if (!person.enabled()) {
                    continue;
                }
                person.positions().stream()
                        .filter(p -> p.unitId().equals(unit.id())
                                && (p.role() == Role.LEADER || p.role() == Role.DEPUTY_LEADER))
                        .min(Comparator.comparing(PersonView.Position::role))
                        .ifPresent(p -> leaders.add(new Leader(person.id(), person.fullName(), p.role(), p.title())));
            }
            // The head of the unit first, then the deputies, by name.
            leaders.sort(Comparator.comparing(Leader::role).thenComparing(Leader::fullName));
            units.add(new UnitLeaders(unit, leaders));
        }
        model.addAttribute("unitLeaders", units);
    }

    /** The name of an agency outside the installation by its code, as the axis's directory has it. */
    Optional<String> agencyName(String organId) {
        AgenciesOutside agencies = outside.getIfAvailable();
        return agencies == null ? Optional.empty() : agencies.find(organId).map(AgenciesOutside.Agency::name);
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
