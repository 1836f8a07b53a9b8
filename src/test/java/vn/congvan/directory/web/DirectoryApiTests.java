package vn.congvan.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.congvan.CongVanTest;

@CongVanTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryApiTests {

    static final String PASSWORD = "Mat-khau-thu-2026";

    @LocalServerPort
    int port;

    ApiClient admin;
    String tag;
    String province;
    String district;
    String commune;
    String otherCommune;
    String communeClerk;
    String otherCommuneClerk;
    String communeOffice;

    @BeforeAll
    void aTestProvinceWithOneDistrictAndTwoCommunes() {
        admin = ApiClient.administrator(port);
        tag = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        province = created(admin.post(
                "/api/v1/units",
                unit(null, "PROVINCIAL_COMMITTEE", "Ủy ban nhân dân tỉnh Thử Nghiệm " + tag, "UBND", legacyCode())));
        district = created(admin.post(
                "/api/v1/units",
                unit(province, "DISTRICT", "Ủy ban nhân dân huyện Xuân Trường " + tag, "UBND", legacyCode())));
        commune = created(admin.post(
                "/api/v1/units",
                unit(district, "COMMUNE", "Ủy ban nhân dân xã Hải Đường " + tag, "UBND", legacyCode())));
        otherCommune = created(admin.post(
                "/api/v1/units",
                unit(district, "WARD", "Ủy ban nhân dân phường Lộc Vượng " + tag, "UBND", legacyCode())));
        communeOffice = created(admin.post(
                "/api/v1/units/" + commune + "/divisions",
                Map.of("name", "Văn phòng - Thống kê", "abbreviation", "VPTK")));
        communeClerk = "vanthu.haiduong" + tag;
        otherCommuneClerk = "vanthu.locvuong" + tag;
        created(admin.post("/api/v1/users", person(communeClerk, "Trần Thị Thu Hà", commune, "CLERK")));
        created(admin.post("/api/v1/users", person("chuyenvien.haiduong" + tag, "Lê Văn Nam", commune, "SPECIALIST")));
        created(admin.post("/api/v1/users", person(otherCommuneClerk, "Phạm Thị Hằng", otherCommune, "CLERK")));
    }

    @Test
    void anyOfficialFindsUnitsByNameWithoutDiacritics() {
        ApiClient clerk = ApiClient.signedIn(port, communeClerk, PASSWORD);

        ApiClient.Reply found = clerk.get("/api/v1/units?q=xuan truong " + tag);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).singleElement().satisfies(unit -> {
            assertThat(unit.get("id").asString()).isEqualTo(district);
            assertThat(unit.get("name").asString()).isEqualTo("Ủy ban nhân dân huyện Xuân Trường " + tag);
            assertThat(unit.get("kind").asString()).isEqualTo("DISTRICT");
            assertThat(unit.get("level").asString()).isEqualTo("DISTRICT");
            assertThat(unit.get("parentId").asString()).isEqualTo(province);
            assertThat(unit.get("organId").asString())
                    .isEqualTo(unit.get("legacyCode").asString());
            assertThat(unit.has("validFrom")
                            && unit.has("validTo")
                            && unit.has("predecessorId")
                            && unit.has("shortName")
                            && unit.has("abbreviation")
                            && unit.has("code"))
                    .isTrue();
        });
        assertThat(ids(clerk.get("/api/v1/units?parent=" + district).body())).contains(commune, otherCommune);
        assertThat(ids(clerk.get("/api/v1/units?level=COMMUNE&q=HAI DUONG " + tag)
                        .body()))
                .containsExactly(commune);
        assertThat(clerk.get("/api/v1/units?level=PROVINCE&q=hai duong " + tag).body())
                .isEmpty();
    }

    @Test
    void aUnitComesWithItsDivisionsAndTheUnitsUnderIt() {
        JsonNode unit = admin.get("/api/v1/units/" + commune).body();
        assertThat(unit.get("name").asString()).startsWith("Ủy ban nhân dân xã Hải Đường");
        assertThat(unit.get("divisions")).singleElement().satisfies(d -> {
            assertThat(d.get("abbreviation").asString()).isEqualTo("VPTK");
            assertThat(d.get("id").asString()).isEqualTo(communeOffice);
        });

        assertThat(ids(admin.get("/api/v1/units/" + district).body().get("children")))
                .contains(commune, otherCommune);
        ApiClient.Reply missing = admin.get("/api/v1/units/00000000-0000-0000-0000-000000000000");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("code").asString()).isEqualTo("directory.unit.not-found");
    }

    @Test
    void aCommuneClerkSeesOnlyThePeopleOfTheirCommune() {
        ApiClient clerk = ApiClient.signedIn(port, communeClerk, PASSWORD);

        JsonNode page = clerk.get("/api/v1/users?size=200").body();

        assertThat(usernames(page.get("items")))
                .contains(communeClerk, "chuyenvien.haiduong" + tag)
                .doesNotContain(otherCommuneClerk, "admin");
        assertThat(page.get("total").asLong()).isEqualTo(2);
        ApiClient.Reply otherCommunesPeople = clerk.get("/api/v1/users?unitId=" + otherCommune);
        assertThat(otherCommunesPeople.status()).isEqualTo(403);
        assertThat(otherCommunesPeople.body().get("code").asString()).isEqualTo("directory.users.other-unit");
    }

    @Test
    void administratorsSeeEveryoneAndNeverAPassword() {
        ApiClient.Reply everyone = admin.get("/api/v1/users?size=2&page=1");
        assertThat(everyone.status()).isEqualTo(200);
        assertThat(everyone.body().get("items")).hasSize(2);
        assertThat(everyone.body().get("page").asInt()).isEqualTo(1);
        assertThat(everyone.body().get("total").asLong()).isGreaterThanOrEqualTo(4);

        JsonNode otherCommunesPeople =
                admin.get("/api/v1/users?unitId=" + otherCommune).body();
        assertThat(usernames(otherCommunesPeople.get("items"))).containsExactly(otherCommuneClerk);
        JsonNode clerk = otherCommunesPeople.get("items").get(0);
        assertThat(clerk.get("fullName").asString()).isEqualTo("Phạm Thị Hằng");
        assertThat(clerk.get("positions").get(0).get("role").asString()).isEqualTo("CLERK");
        assertThat(everyone.body().toString() + otherCommunesPeople)
                .doesNotContainIgnoringCase("password")
                .doesNotContain("$argon2");
    }

    @Test
    void onlyAdministratorsCreateUnits() {
        ApiClient clerk = ApiClient.signedIn(port, communeClerk, PASSWORD);

        ApiClient.Reply refused = clerk.inLanguage("en")
                .post("/api/v1/units", unit(district, "COMMUNE", "Ủy ban nhân dân xã Lạ " + tag, "UBND", legacyCode()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("code").asString()).isEqualTo("error.forbidden");
        assertThat(refused.body().get("status").asInt()).isEqualTo(403);
        assertThat(clerk.get("/api/v1/units?q=xa la " + tag).body()).isEmpty();
        assertThat(clerk.post("/api/v1/units/" + commune + "/divisions", Map.of("name", "Phòng", "abbreviation", "P"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void invalidFieldsAreExplainedInTheReadersLanguage() {
        Map<String, Object> tooLong = unit(district, "COMMUNE", "X".repeat(201), "UBND", "12.34");

        ApiClient.Reply vietnamese = admin.inLanguage("vi").post("/api/v1/units", tooLong);
        ApiClient.Reply english = admin.inLanguage("en").post("/api/v1/units", tooLong);

        assertThat(vietnamese.status()).isEqualTo(400);
        assertThat(vietnamese.body().get("code").asString()).isEqualTo("error.validation");
        assertThat(messages(vietnamese.body()))
                .containsExactlyInAnyOrder(
                        "Tên đơn vị dài quá 200 ký tự.",
                        "Mã định danh phải có dạng 000.00.00.H10 (3 chữ số, 2 chữ số, 2 chữ số, một chữ in hoa và 2 chữ số).");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body().get("detail").asString()).isEqualTo("Some fields are not valid.");
        assertThat(messages(english.body()))
                .containsExactlyInAnyOrder(
                        "The unit name is longer than 200 characters.",
                        "The identifier must look like 000.00.00.H10 (3 digits, 2 digits, 2 digits, a capital letter and 2 digits).");

        ApiClient.Reply longName = admin.inLanguage("en")
                .post(
                        "/api/v1/users",
                        person("ten.dai" + tag, "Nguyễn " + "Văn ".repeat(12) + "An", commune, "SPECIALIST"));
        assertThat(messages(longName.body())).containsExactly("The full name is longer than 50 characters.");
        ApiClient.Reply longAbbreviation = admin.inLanguage("vi")
                .post(
                        "/api/v1/units/" + commune + "/divisions",
                        Map.of("name", "Phòng", "abbreviation", "A".repeat(21)));
        assertThat(messages(longAbbreviation.body())).containsExactly("Chữ viết tắt dài quá 20 ký tự.");
    }

    @Test
    void anUnknownParentIsNotFoundAndATakenCodeOrUserNameConflicts() {
        ApiClient.Reply orphan = admin.inLanguage("en")
                .post(
                        "/api/v1/units",
                        unit(
                                "6f1c1d3a-0000-4000-8000-000000000000",
                                "COMMUNE",
                                "Xã Mồ Côi " + tag,
                                "UBND",
                                legacyCode()));
        assertThat(orphan.status()).isEqualTo(404);
        assertThat(orphan.body().get("code").asString()).isEqualTo("directory.unit.parent-not-found");
        assertThat(orphan.body().get("detail").asString()).startsWith("No parent unit");

        String takenCode =
                admin.get("/api/v1/units/" + commune).body().get("legacyCode").asString();
        ApiClient.Reply sameCode =
                admin.post("/api/v1/units", unit(district, "COMMUNE", "Xã Trùng Mã " + tag, "UBND", takenCode));
        assertThat(sameCode.status()).isEqualTo(409);
        assertThat(sameCode.body().get("code").asString()).isEqualTo("directory.unit.duplicate-code");
        assertThat(sameCode.body().get("detail").asString()).contains(takenCode).contains("đã được dùng");

        ApiClient.Reply sameUser = admin.post("/api/v1/users", person(communeClerk, "Ai Đó", commune, "CLERK"));
        assertThat(sameUser.status()).isEqualTo(409);
        assertThat(sameUser.body().get("code").asString()).isEqualTo("directory.person.duplicate-username");

        ApiClient.Reply communeAlone =
                admin.post("/api/v1/units", unit(null, "COMMUNE", "Xã Không Huyện " + tag, "UBND", legacyCode()));
        assertThat(communeAlone.status()).isEqualTo(400);
        assertThat(communeAlone.body().get("code").asString()).isEqualTo("directory.unit.parent-required");
    }

    @Test
    void rolesAreGrantedOnceAndRevoked() {
        String username = "phochutich.haiduong" + tag;
        String person = created(admin.post("/api/v1/users", person(username, "Đỗ Quang Huy", commune, "SPECIALIST")));
        Map<String, Object> deputy = new LinkedHashMap<>();
        deputy.put("unitId", commune);
        deputy.put("role", "DEPUTY_LEADER");
        deputy.put("positionTitle", "Phó Chủ tịch");

        ApiClient.Reply granted = admin.post("/api/v1/users/" + person + "/roles", deputy);
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.body()
                        .get("positions")
                        .valueStream()
                        .map(p -> p.get("role").asString()))
                .containsExactlyInAnyOrder("SPECIALIST", "DEPUTY_LEADER");
        assertThat(admin.post("/api/v1/users/" + person + "/roles", deputy).status())
                .isEqualTo(409);

        ApiClient.Reply revoked =
                admin.delete("/api/v1/users/" + person + "/roles?unitId=" + commune + "&role=DEPUTY_LEADER");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body()
                        .get("positions")
                        .valueStream()
                        .map(p -> p.get("role").asString()))
                .containsExactly("SPECIALIST");
        assertThat(admin.delete("/api/v1/users/" + person + "/roles?unitId=" + commune + "&role=DEPUTY_LEADER")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aUnitClosedIntoASuccessorKeepsItsNameInTheSuccessorsHistory() {
        String oldCode = legacyCode();
        String old = created(admin.post(
                "/api/v1/units",
                unitValidFrom(district, "COMMUNE", "Ủy ban nhân dân xã Cũ " + tag, oldCode, "2010-01-01")));
        String successor = created(admin.post(
                "/api/v1/units",
                unitValidFrom(district, "COMMUNE", "Ủy ban nhân dân xã Mới " + tag, legacyCode(), "2025-07-01")));
        Map<String, Object> closing = new LinkedHashMap<>();
        closing.put("name", "Ủy ban nhân dân xã Cũ " + tag);
        closing.put("abbreviation", "UBND");
        closing.put("legacyCode", oldCode);
        closing.put("validTo", "2025-06-30");
        closing.put("successorId", successor);

        ApiClient.Reply closed = admin.put("/api/v1/units/" + old, closing);

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.body().get("validTo").asString()).isEqualTo("2025-06-30");
        JsonNode next = admin.get("/api/v1/units/" + successor).body();
        assertThat(next.get("predecessorId").asString()).isEqualTo(old);
        assertThat(next.get("history")).singleElement().satisfies(h -> {
            assertThat(h.get("name").asString()).isEqualTo("Ủy ban nhân dân xã Cũ " + tag);
            assertThat(h.get("legacyCode").asString()).isEqualTo(oldCode);
            assertThat(h.get("validFrom").asString()).isEqualTo("2010-01-01");
            assertThat(h.get("validTo").asString()).isEqualTo("2025-06-30");
        });
        assertThat(ids(admin.get("/api/v1/units/" + old).body().get("successorIds")))
                .containsExactly(successor);
    }

    @Test
    void aRenamedUnitRemembersItsEarlierName() {
        String code = legacyCode();
        String unit = created(admin.post(
                "/api/v1/units",
                unitValidFrom(district, "TOWNSHIP", "Ủy ban nhân dân thị trấn Cũ " + tag, code, "2001-01-01")));
        Map<String, Object> renaming = new LinkedHashMap<>();
        renaming.put("name", "Ủy ban nhân dân phường Mới " + tag);
        renaming.put("abbreviation", "UBND");
        renaming.put("legacyCode", code);

        assertThat(admin.put("/api/v1/units/" + unit, renaming).status()).isEqualTo(200);

        JsonNode renamed = admin.get("/api/v1/units/" + unit).body();
        assertThat(renamed.get("name").asString()).isEqualTo("Ủy ban nhân dân phường Mới " + tag);
        assertThat(renamed.get("validTo").isNull()).isTrue();
        assertThat(renamed.get("history"))
                .singleElement()
                .satisfies(h -> assertThat(h.get("name").asString()).isEqualTo("Ủy ban nhân dân thị trấn Cũ " + tag));
    }

    @Test
    void everyChangeOfTheDirectoryIsInTheAuditTrailWithTheAdministratorsName() {
        ApiClient.Reply history = admin.get("/api/v1/audit/records?subjectType=directory&subjectId=" + commune);

        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().toString()).contains("directory.unit.created").contains(commune);
        assertThat(admin.get("/api/v1/audit/records?subjectType=directory&subjectId=" + communeOffice)
                        .body()
                        .toString())
                .contains("directory.division.created");
    }

    @Test
    void theOperationsKeepTheirPublishedIds() {
        String openApi = admin.get("/v3/api-docs").body().toString();
        assertThat(openApi)
                .contains(
                        "\"listUnits\"",
                        "\"getUnit\"",
                        "\"listUsers\"",
                        "\"createUnit\"",
                        "\"updateUnit\"",
                        "\"createDivision\"",
                        "\"createUser\"",
                        "\"grantRole\"",
                        "\"revokeRole\"");
    }

    private static Map<String, Object> unit(
            String parent, String kind, String name, String abbreviation, String legacyCode) {
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("parentId", parent);
        unit.put("kind", kind);
        unit.put("name", name);
        unit.put("abbreviation", abbreviation);
        unit.put("legacyCode", legacyCode);
        return unit;
    }

    private static Map<String, Object> unitValidFrom(
            String parent, String kind, String name, String legacyCode, String validFrom) {
        Map<String, Object> unit = unit(parent, kind, name, "UBND", legacyCode);
        unit.put("validFrom", validFrom);
        return unit;
    }

    private static Map<String, Object> person(String username, String fullName, String unitId, String role) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("username", username);
        person.put("fullName", fullName);
        person.put("password", PASSWORD);
        person.put("unitId", unitId);
        person.put("role", role);
        return person;
    }

    /** A random legacy code with the letter T, which no real or demo unit uses. */
    private static String legacyCode() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format(
                "%03d.%02d.%02d.T%02d",
                random.nextInt(1000), random.nextInt(100), random.nextInt(100), random.nextInt(100));
    }

    private static String created(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.body().get("id").asString();
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node ->
                ids.add(node.isString() ? node.asString() : node.get("id").asString()));
        return ids;
    }

    private static List<String> usernames(JsonNode people) {
        List<String> names = new ArrayList<>();
        people.forEach(p -> names.add(p.get("username").asString()));
        return names;
    }

    private static List<String> messages(JsonNode problem) {
        List<String> messages = new ArrayList<>();
        problem.get("errors").forEach(e -> messages.add(e.get("message").asString()));
        return messages;
    }
}
