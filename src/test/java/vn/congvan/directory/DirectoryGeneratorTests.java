package vn.congvan.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congvan.CongVanTest;

@CongVanTest
class DirectoryGeneratorTests {

    @Autowired
    DirectoryGenerator generator;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGeneratedProvinceHasACommitteeAgenciesDistrictsAndCommunesEachWithAClerk() {
        List<UUID> ids = generator.generate(120, 600);

        assertThat(ids).hasSize(120).doesNotHaveDuplicates();
        UnitView committee = directory.unit(ids.get(0));
        assertThat(committee.kind()).isEqualTo(UnitKind.PROVINCIAL_COMMITTEE);
        assertThat(committee.parentId()).isNull();
        List<UnitView> units = ids.stream().map(directory::unit).toList();
        Map<UnitLevel, Long> levels =
                units.stream().collect(Collectors.groupingBy(UnitView::level, Collectors.counting()));
        assertThat(levels.get(UnitLevel.PROVINCE)).isGreaterThan(5);
        assertThat(levels.get(UnitLevel.DISTRICT)).isGreaterThan(3);
        assertThat(levels.get(UnitLevel.COMMUNE)).isGreaterThan(levels.get(UnitLevel.DISTRICT) * 3);
        for (UnitView unit : units.subList(1, units.size())) {
            UnitView parent = directory.unit(unit.parentId());
            if (unit.level() == UnitLevel.COMMUNE) {
                assertThat(parent.level()).isEqualTo(UnitLevel.DISTRICT);
            } else {
                assertThat(parent.id()).isEqualTo(committee.id());
            }
        }
        assertThat(units).extracting(UnitView::code).doesNotHaveDuplicates().allMatch(c -> c.length() <= 35);
        assertThat(units).extracting(UnitView::abbreviation).doesNotHaveDuplicates();
        assertThat(unitsWithoutAClerk(ids)).isZero();
        assertThat(directory.countPeopleOf(ids)).isEqualTo(600);
    }

    @Test
    void fewerPeopleThanUnitsStillGiveEveryUnitAClerk() {
        List<UUID> ids = generator.generate(30, 7);

        assertThat(ids).hasSize(30);
        assertThat(unitsWithoutAClerk(ids)).isZero();
        assertThat(directory.countPeopleOf(ids)).isEqualTo(7);
    }

    @Test
    void twoThousandUnitsAndFiftyThousandPeopleTakeSeconds() {
        long started = System.nanoTime();
        List<UUID> ids = generator.generate(2_000, 50_000);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(ids).hasSize(2_000);
        assertThat(unitsWithoutAClerk(ids)).isZero();
        assertThat(directory.countPeopleOf(ids)).isEqualTo(50_000);
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }

    private long unitsWithoutAClerk(List<UUID> ids) {
        return jdbc.sql("select count(*) from unit u where u.id = any(?) and not exists "
                        + "(select 1 from membership m where m.unit_id = u.id and m.role = 'CLERK')")
                .param(ids.toArray(new UUID[0]))
                .query(Long.class)
                .single();
    }
}
