package vn.congvan.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.congvan.shared.Role;

class DemoProvinceTests {

    @Test
    void everyDemoUnitHasAUniqueKeyAValidCodeAndAParentSeededBeforeIt() {
        Set<String> seen = new TreeSet<>();
        for (DemoProvince.Unit unit : DemoProvince.units()) {
            assertThat(unit.legacyCode()).matches("^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$");
            assertThat(unit.name()).hasSizeLessThanOrEqualTo(200);
            assertThat(unit.shortName()).hasSizeLessThanOrEqualTo(100);
            assertThat(unit.abbreviation()).hasSizeLessThanOrEqualTo(20);
            if (unit.code() != null) {
                assertThat(unit.code()).hasSizeLessThanOrEqualTo(35);
            }
            if (unit.parentKey() != null) {
                assertThat(seen).contains(unit.parentKey());
            }
            assertThat(seen.add(unit.key())).as(unit.key()).isTrue();
        }
        assertThat(DemoProvince.units())
                .extracting(DemoProvince.Unit::legacyCode)
                .doesNotHaveDuplicates();
    }

    @Test
    void everyDemoUnitHasAClerkAHeadAndADeputy() {
        for (DemoProvince.Unit unit : DemoProvince.units()) {
            Set<Role> roles = DemoProvince.accounts().stream()
                    .filter(a -> a.unitKey().equals(unit.key()))
                    .map(DemoProvince.Account::role)
                    .collect(Collectors.toSet());
            assertThat(roles)
                    .as(unit.name())
                    .contains(
                            Role.CLERK,
                            Role.LEADER,
                            Role.DEPUTY_LEADER,
                            Role.DIVISION_HEAD,
                            Role.SPECIALIST,
                            Role.IT_OFFICER);
        }
        assertThat(DemoProvince.clerkOf(DemoProvince.COMMITTEE)).isEqualTo("vanthu.ubnd");
        assertThat(DemoProvince.leaderOf(DemoProvince.COMMITTEE)).isEqualTo("chutich.ubnd");
        assertThat(DemoProvince.leaderOf(DemoProvince.NATURAL_RESOURCES)).isEqualTo("giamdoc.stnmt");
        assertThat(DemoProvince.leaderOf(DemoProvince.OFFICE)).isEqualTo("chanhvp.vpubnd");
        assertThat(DemoProvince.account("truongphong.vx.ubnd")).hasValueSatisfying(a -> {
            assertThat(a.role()).isEqualTo(Role.DIVISION_HEAD);
            assertThat(a.title()).isEqualTo("Trưởng phòng");
        });
    }

    @Test
    void theReadmeAndTheDemoAccountsPageListOnlyRealDemoAccounts() throws IOException {
        String page = Files.readString(Path.of("docs/demo-accounts.md"));
        String readme = Files.readString(Path.of("README.md"));
        String readmeSection = readme.substring(readme.indexOf("## Accounts"), readme.indexOf("## Modules"));
        Set<String> accounts = DemoProvince.accounts().stream()
                .map(DemoProvince.Account::username)
                .collect(Collectors.toSet());

        assertThat(usernamesIn(page)).hasSizeGreaterThan(150);
        assertThat(accounts).containsAll(usernamesIn(page));
        assertThat(usernamesIn(readmeSection)).isNotEmpty();
        assertThat(accounts).containsAll(usernamesIn(readmeSection));
    }

    private static List<String> usernamesIn(String text) {
        Matcher usernames = Pattern.compile("`([a-z0-9]+(?:\\.[a-z0-9]+)+)`").matcher(text);
        return usernames.results().map(m -> m.group(1)).toList();
    }
}
