package vn.congvan.directory.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congvan.directory.Directory;
import vn.congvan.directory.DivisionView;
import vn.congvan.directory.PersonView;
import vn.congvan.directory.UnitLevel;
import vn.congvan.directory.UnitView;
import vn.congvan.shared.Role;

/** The directory's pages for every official: units by level, and one unit with its people. */
@Controller
@RequestMapping("/directory")
class UnitPages {

    private final Directory directory;

    UnitPages(Directory directory) {
        this.directory = directory;
    }

    /** Units of one level, for the list. */
    record LevelGroup(UnitLevel level, List<UnitView> units) {}

    /** One role held in the unit shown, as a row of its people table. */
    record RoleRow(
            UUID personId,
            String fullName,
            String username,
            Role role,
            @Nullable String division,
            @Nullable String title) {}

    @GetMapping("/units")
    String units(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UnitLevel level,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        List<UnitView> found = directory.findUnits(level, null, q);
        Map<UnitLevel, List<UnitView>> byLevel = new EnumMap<>(UnitLevel.class);
        for (UnitView unit : found) {
            byLevel.computeIfAbsent(unit.level(), l -> new ArrayList<>()).add(unit);
        }
        model.addAttribute(
                "groups",
                byLevel.entrySet().stream()
                        .map(e -> new LevelGroup(e.getKey(), e.getValue()))
                        .toList());
        model.addAttribute(
                "parents",
                directory.findUnits(null, null, null).stream()
                        .collect(Collectors.toMap(UnitView::id, UnitView::shortName)));
        model.addAttribute("total", found.size());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("level", level);
        model.addAttribute("levels", UnitLevel.values());
        return htmx != null ? "directory/unit-results :: results" : "directory/units";
    }

    @GetMapping("/units/{id}")
    String unit(@PathVariable UUID id, Model model) {
        UnitView unit = directory.unit(id);
        List<DivisionView> divisions = directory.divisions(id);
        Map<UUID, String> divisionNames =
                divisions.stream().collect(Collectors.toMap(DivisionView::id, DivisionView::name));
        model.addAttribute("unit", unit);
        model.addAttribute(
                "parent",
                unit.parentId() == null
                        ? null
                        : directory.findUnit(unit.parentId()).orElse(null));
        model.addAttribute(
                "predecessor",
                unit.predecessorId() == null
                        ? null
                        : directory.findUnit(unit.predecessorId()).orElse(null));
        model.addAttribute("successors", directory.successors(id));
        model.addAttribute("history", directory.history(id));
        model.addAttribute("divisions", divisions);
        model.addAttribute("children", directory.children(id));
        model.addAttribute("roles", roles(unit, directory.people(id), divisionNames::get));
        return "directory/unit";
    }

    private static List<RoleRow> roles(
            UnitView unit, List<PersonView> people, Function<UUID, @Nullable String> divisionName) {
        return people.stream()
                .flatMap(person -> person.positions().stream()
                        .filter(p -> p.unitId().equals(unit.id()))
                        .map(p -> new RoleRow(
                                person.id(),
                                person.fullName(),
                                person.username(),
                                p.role(),
                                p.divisionId() == null ? null : divisionName.apply(p.divisionId()),
                                p.title())))
                .sorted(Comparator.comparing(RoleRow::role).thenComparing(RoleRow::fullName))
                .toList();
    }
}
