package vn.congvan.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@HubTest
class HubDirectoryTests {

    private final AxisCaller officeA = new AxisCaller(HubTest.Settings.PORT, HubTest.SELF, HubTest.SELF_SECRET);
    private final AxisCaller officeB = new AxisCaller(HubTest.Settings.PORT, HubTest.OTHER, HubTest.OTHER_SECRET);

    @Test
    void theAgenciesASystemPublishesAreListedWithTheSystemServingThem() {
        String committee = AxisPackages.anOrganId();
        String department = AxisPackages.anOrganId();

        AxisCaller.Answer published = officeA.putJson(
                "/api/v1/axis/agencies",
                List.of(
                        Map.of("organId", committee, "name", "UBND tỉnh Bắc Giang"),
                        Map.of("organId", department, "name", "Sở Tài chính", "parentOrganId", committee)));

        assertThat(published.status()).isEqualTo(204);
        assertThat(officeB.get("/api/v1/axis/agencies").list())
                .filteredOn(a -> List.of(committee, department).contains(a.get("organId")))
                .extracting(a ->
                        a.get("organId") + " " + a.get("name") + " " + a.get("systemId") + " " + a.get("parentOrganId"))
                .containsExactlyInAnyOrder(
                        committee + " UBND tỉnh Bắc Giang office-a null",
                        department + " Sở Tài chính office-a " + committee);
    }

    @Test
    void anAgencyNoLongerDeclaredLeavesTheDirectory() {
        String kept = AxisPackages.anOrganId();
        String dropped = AxisPackages.anOrganId();
        officeA.publish(kept, "Sở Nội vụ", dropped, "Sở cũ");

        officeA.publish(kept, "Sở Nội vụ tỉnh");

        assertThat(officeA.get("/api/v1/axis/agencies").list())
                .filteredOn(a -> List.of(kept, dropped).contains(a.get("organId")))
                .extracting(a -> a.get("name"))
                .containsExactly("Sở Nội vụ tỉnh");
    }

    @Test
    void anAgencyServedByAnotherSystemIsRefusedAndTheDeclarationChangesNothing() {
        String ministry = AxisPackages.anOrganId();
        String mine = AxisPackages.anOrganId();
        officeB.publish(ministry, "Bộ Tài chính");

        AxisCaller.Answer refused = officeA.publish(mine, "Sở Xây dựng", ministry, "Bộ Tài chính");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json()).containsEntry("code", "exchange.hub.organ-taken");
        assertThat(refused.json().get("detail").toString()).contains(ministry);
        assertThat(officeA.get("/api/v1/axis/agencies").list())
                .filteredOn(a -> List.of(ministry, mine).contains(a.get("organId")))
                .extracting(a -> a.get("organId") + " " + a.get("systemId"))
                .containsExactly(ministry + " office-b");
    }

    @Test
    void anAgencyWithoutAnOrganIdIsRefused() {
        AxisCaller.Answer refused = officeA.putJson("/api/v1/axis/agencies", List.of(Map.of("name", "Không mã")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()).containsEntry("code", "exchange.hub.agency-invalid");
    }
}
