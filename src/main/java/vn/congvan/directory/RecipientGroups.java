package vn.congvan.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.congvan.shared.VietnamTime;

/**
 * Who a document can be addressed to (nơi nhận), in the groups a clerk thinks in: the province's
 * agencies, the districts, the communes (each in force today), and the agencies outside reached over
 * the axis. Every form that addresses a document shows them as one picker
 * ({@code templates/directory/recipient-picker.html}).
 */
@Component
public class RecipientGroups {

    /** A long group (a province's communes) starts folded: the search opens what it finds. */
    static final int FOLDED_FROM = 41;

    /** One recipient to tick: its value in the form (a unit's id, an outside agency's code), its name and code to search by. */
    public record Choice(String value, String name, String code) {}

    /** The units of one level ({@code name} PROVINCE, DISTRICT, COMMUNE), or the agencies outside (OUTSIDE). */
    public record Group(String name, boolean outside, List<Choice> choices, boolean folded) {

        public String messageKey() {
            return "directory.recipients.group." + name;
        }
    }

    /** The picker as a form shows it: its groups, and what is ticked (units by id, agencies outside by code). */
    public record Picker(List<Group> groups, Set<String> tickedUnits, Set<String> tickedAgencies) {

        public boolean ticked(Group group, Choice choice) {
            return (group.outside() ? tickedAgencies : tickedUnits).contains(choice.value());
        }

        /** Unfolded when short, or when it holds a recipient ticked already, so that the official sees it ticked. */
        public boolean open(Group group) {
            return !group.folded() || group.choices().stream().anyMatch(c -> ticked(group, c));
        }

        /** How many of the boxes shown are ticked. */
        public int count() {
            int n = 0;
            for (Group g : groups) {
                for (Choice c : g.choices()) {
                    n += ticked(g, c) ? 1 : 0;
                }
            }
            return n;
        }
    }

    private final Directory directory;
    private final ObjectProvider<AgenciesOutside> outside;

    RecipientGroups(Directory directory, ObjectProvider<AgenciesOutside> outside) {
        this.directory = directory;
        this.outside = outside;
    }

    public List<Group> groups() {
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        Map<UnitLevel, List<Choice>> byLevel = directory.units().stream()
                .filter(u -> u.activeOn(today))
                .sorted(Comparator.comparing(UnitView::name))
                .collect(Collectors.groupingBy(
                        UnitView::level,
                        () -> new EnumMap<>(UnitLevel.class),
                        Collectors.mapping(
                                u -> new Choice(u.id().toString(), u.name(), u.organId()), Collectors.toList())));
        List<Group> groups = new ArrayList<>();
        for (UnitLevel level : UnitLevel.values()) {
            List<Choice> choices = byLevel.getOrDefault(level, List.of());
            if (!choices.isEmpty()) {
                groups.add(new Group(level.name(), false, choices, choices.size() >= FOLDED_FROM));
            }
        }
        AgenciesOutside agencies = outside.getIfAvailable();
        List<Choice> far = agencies == null
                ? List.of()
                : agencies.agencies().stream()
                        .map(a -> new Choice(a.organId(), a.name(), a.organId()))
                        .toList();
        if (!far.isEmpty()) {
            groups.add(new Group("OUTSIDE", true, far, true));
        }
        return groups;
    }

    /** The picker with these units (by id) and agencies outside (by code) ticked. */
    public Picker picker(Collection<String> unitIds, Collection<String> organIds) {
        return new Picker(groups(), Set.copyOf(unitIds), Set.copyOf(organIds));
    }
}
