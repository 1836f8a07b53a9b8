package vn.congvan.statistics.usage;

import java.sql.Timestamp;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.directory.Directory;
import vn.congvan.directory.UnitLevel;
import vn.congvan.directory.UnitView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;
import vn.congvan.statistics.figures.Period;

/**
 * Counts what each official of a unit did in the software in a period, from the audit trail (every
 * registration, assignment, completion, draft, signature and return is recorded there, with its
 * actor, unit and time), scores it and ranks it inside the unit and the district. Officials who
 * did nothing are listed with zeros: they are the ones the training plan is for.
 */
@Service
class UsageScores {

    /** A quarter is what the checks ask for; a year is the longest period that still makes sense. */
    static final long MAX_DAYS = 366;

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final JdbcClient jdbc;
    private final Directory directory;
    private final UsageScope scope;
    private final UsageFormula configured;
    private final Clock clock;

    UsageScores(JdbcClient jdbc, Directory directory, UsageScope scope, UsageFormula configured, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.scope = scope;
        this.configured = configured;
        this.clock = clock;
    }

    /**
     * The scores of the unit's officials (its whole subtree: a district with its communes, the
     * province with everyone) over the period, up to today when it is still running, by the
     * configured formula or by {@code formula} when given.
     */
    @Transactional(readOnly = true)
    UsageReport scores(Official official, UUID unitId, Supplier<Period> periodAsked, @Nullable String formula) {
        UnitView unit = directory.unit(unitId);
        Map<UUID, UnitNode> units = unitsAbove(unitId);
        // The reader's scope first: the period and the formula are read only for a reader who may see the unit.
        scope.require(official, unitId);
        Period period = periodAsked.get();
        UsageFormula scoring = formula == null || formula.isBlank() ? configured : UsageFormula.parse(formula);
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        period.requireStartedBy(today);
        if (period.days() > MAX_DAYS) {
            throw DomainException.invalid("statistics.usage.period.too-long", MAX_DAYS);
        }
        LocalDate from = period.from();
        LocalDate to = period.to().isAfter(today) ? today : period.to();
        UnitNode node = Objects.requireNonNull(units.get(unitId), "the first of the units above");
        UUID district = districtOf(node, units);
        // Ranks in the district are over all its officials, even when one commune is asked for.
        UUID universe = district != null ? district : unitId;
        Map<UUID, UnitNode> tree = subtree(universe);
        Set<UUID> asked = subtree(unitId).keySet();
        List<UsageRow> rows = count(tree, from, to, scoring);
        List<UsageRow> kept = rows.stream()
                .filter(r -> asked.contains(r.unitId()))
                // Equal scores in the order of the Vietnamese alphabet (Hà before Hoàng, Đ after D).
                .sorted(Comparator.comparing(UsageRow::score)
                        .reversed()
                        .thenComparing(UsageRow::fullName, Collator.getInstance(VIETNAMESE)))
                .toList();
        return new UsageReport(unitId, unit.name(), from, to, scoring.text(), kept);
    }

    private record UnitNode(UUID id, @Nullable UUID parentId, String name, UnitLevel level) {}

    private Map<UUID, UnitNode> unitsAbove(UUID unitId) {
        return units("""
                with recursive up as (
                  select id, parent_id, name, level from directory_units where id = ?
                  union all select u.id, u.parent_id, u.name, u.level from directory_units u join up on u.id = up.parent_id)
                select * from up""", unitId);
    }

    private Map<UUID, UnitNode> subtree(UUID unitId) {
        return units("""
                with recursive down as (
                  select id, parent_id, name, level from directory_units where id = ?
                  union all select u.id, u.parent_id, u.name, u.level from directory_units u join down on u.parent_id = down.id)
                select * from down""", unitId);
    }

    private Map<UUID, UnitNode> units(String sql, UUID unitId) {
        Map<UUID, UnitNode> units = new HashMap<>();
        jdbc.sql(sql)
                .param(unitId)
                .query((rs, n) -> new UnitNode(
                        rs.getObject("id", UUID.class),
                        rs.getObject("parent_id", UUID.class),
                        rs.getString("name"),
                        UnitLevel.valueOf(rs.getString("level"))))
                .list()
                .forEach(u -> units.put(u.id(), u));
        return units;
    }

    /** The district-level unit the unit is or belongs to, if any. */
    private static @Nullable UUID districtOf(UnitNode unit, Map<UUID, UnitNode> known) {
        for (UnitNode u = unit; u != null; u = u.parentId() == null ? null : known.get(u.parentId())) {
            if (u.level() == UnitLevel.DISTRICT) {
                return u.id();
            }
        }
        return null;
    }

    private List<UsageRow> count(Map<UUID, UnitNode> tree, LocalDate from, LocalDate to, UsageFormula formula) {
        Timestamp start = Timestamp.from(from.atStartOfDay(VietnamTime.ZONE).toInstant());
        Timestamp end =
                Timestamp.from(to.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant());
        String unitIds = tree.keySet().stream().map(UUID::toString).collect(Collectors.joining(","));
        record Counted(UUID personId, String fullName, UUID unitId, Map<UsageVariable, Long> counts) {}
        List<Counted> counted = jdbc.sql("""
                        with scope as (select unnest(string_to_array(?, ',')::uuid[]) as unit_id),
                        acts as (
                          select a.actor_id as person_id, a.unit_id,
                            count(*) filter (where a.action in ('document.incoming.registered',
                              'document.outgoing.issued')) as registered,
                            count(*) filter (where a.action in ('handling.assigned', 'handling.delegated')) as assigned,
                            count(*) filter (where a.action = 'handling.completed'
                              and coalesce(a.details::jsonb ->> 'onTime', 'true') = 'true') as on_time,
                            count(*) filter (where a.action = 'draft.created') as drafts,
                            count(*) filter (where a.action = 'signature.applied') as signatures,
                            count(*) filter (where a.action = 'handling.returned') as returns
                          from audit_trail_entries a join scope s on s.unit_id = a.unit_id
                          where a.recorded_at >= ? and a.recorded_at < ? and a.actor_id is not null
                            and a.action in ('document.incoming.registered', 'document.outgoing.issued',
                              'handling.assigned', 'handling.delegated', 'handling.completed', 'draft.created',
                              'signature.applied', 'handling.returned')
                          group by a.actor_id, a.unit_id),
                        members as (
                          select distinct m.person_id, m.unit_id from directory_memberships m join scope s on s.unit_id = m.unit_id
                          where m.role <> 'ADMINISTRATOR')
                        select p.id as person_id, p.full_name, coalesce(m.unit_id, x.unit_id) as unit_id,
                          coalesce(x.registered, 0) as registered, coalesce(x.assigned, 0) as assigned,
                          coalesce(x.on_time, 0) as on_time, coalesce(x.drafts, 0) as drafts,
                          coalesce(x.signatures, 0) as signatures, coalesce(x.returns, 0) as returns
                        from members m full join acts x on x.person_id = m.person_id and x.unit_id = m.unit_id
                          join directory_people p on p.id = coalesce(m.person_id, x.person_id)""")
                .params(unitIds, start, end)
                .query((rs, n) -> {
                    Map<UsageVariable, Long> counts = new EnumMap<>(UsageVariable.class);
                    counts.put(UsageVariable.REGISTERED, rs.getLong("registered"));
                    counts.put(UsageVariable.ASSIGNED, rs.getLong("assigned"));
                    counts.put(UsageVariable.ON_TIME, rs.getLong("on_time"));
                    counts.put(UsageVariable.DRAFTS, rs.getLong("drafts"));
                    counts.put(UsageVariable.SIGNATURES, rs.getLong("signatures"));
                    counts.put(UsageVariable.RETURNS, rs.getLong("returns"));
                    return new Counted(
                            rs.getObject("person_id", UUID.class),
                            rs.getString("full_name"),
                            rs.getObject("unit_id", UUID.class),
                            counts);
                })
                .list();

        List<UsageRow> unranked = new ArrayList<>();
        for (Counted c : counted) {
            UnitNode unit = Objects.requireNonNull(tree.get(c.unitId()), "counted in one of these units");
            Map<UsageVariable, Long> n = c.counts();
            unranked.add(new UsageRow(
                    c.personId(),
                    c.fullName(),
                    unit.id(),
                    unit.name(),
                    districtOf(unit, tree),
                    counted(n, UsageVariable.REGISTERED),
                    counted(n, UsageVariable.ASSIGNED),
                    counted(n, UsageVariable.ON_TIME),
                    counted(n, UsageVariable.DRAFTS),
                    counted(n, UsageVariable.SIGNATURES),
                    counted(n, UsageVariable.RETURNS),
                    formula.score(n),
                    0,
                    null));
        }
        return ranked(unranked);
    }

    private static long counted(Map<UsageVariable, Long> counts, UsageVariable variable) {
        return Objects.requireNonNull(counts.get(variable), "every variable is counted");
    }

    /** Competition ranks (1, 1, 3) by score, inside each unit and each district. */
    private static List<UsageRow> ranked(List<UsageRow> rows) {
        Map<UsageRow, Integer> inUnit = ranks(rows, UsageRow::unitId);
        Map<UsageRow, Integer> inDistrict =
                ranks(rows.stream().filter(r -> r.districtId() != null).toList(), UsageRow::districtId);
        List<UsageRow> ranked = new ArrayList<>();
        for (UsageRow r : rows) {
            ranked.add(new UsageRow(
                    r.personId(),
                    r.fullName(),
                    r.unitId(),
                    r.unitName(),
                    r.districtId(),
                    r.registered(),
                    r.assigned(),
                    r.onTime(),
                    r.drafts(),
                    r.signatures(),
                    r.returns(),
                    r.score(),
                    Objects.requireNonNull(inUnit.get(r), "every row is ranked in its unit"),
                    inDistrict.get(r)));
        }
        return ranked;
    }

    private static Map<UsageRow, Integer> ranks(
            List<UsageRow> rows, java.util.function.Function<UsageRow, UUID> group) {
        Map<UUID, List<UsageRow>> groups = rows.stream().collect(Collectors.groupingBy(group));
        Map<UsageRow, Integer> ranks = new HashMap<>();
        for (List<UsageRow> members : groups.values()) {
            List<UsageRow> sorted = new ArrayList<>(members);
            sorted.sort(Comparator.comparing(UsageRow::score).reversed());
            for (int i = 0; i < sorted.size(); i++) {
                UsageRow r = sorted.get(i);
                boolean tied = i > 0 && sorted.get(i - 1).score().compareTo(r.score()) == 0;
                ranks.put(r, tied ? Objects.requireNonNull(ranks.get(sorted.get(i - 1)), "ranked just before") : i + 1);
            }
        }
        return ranks;
    }
}
