package vn.congvan.registry.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/** A fresh unit with its clerk, leader and two specialists, each calling the API. */
final class TestOffice {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final TestProvince.Unit unit;
    final String clerkUsername;
    final ApiClient clerk;
    final ApiClient leader;
    final ApiClient specialist;
    final ApiClient colleague;
    private final int port;

    TestOffice(TestProvince province, int port, String name, String abbreviation) {
        this.port = port;
        unit = province.aUnit(name, abbreviation);
        clerkUsername = province.anOfficial("Trần Thị Văn Thư", Role.CLERK, unit.id());
        clerk = new ApiClient(port, province.tokenFor(clerkUsername));
        leader = client(province, "Lê Văn Giám Đốc", Role.LEADER);
        specialist = client(province, "Phạm Thị Chuyên Viên", Role.SPECIALIST);
        colleague = client(province, "Hoàng Văn Đồng Nghiệp", Role.SPECIALIST);
    }

    private ApiClient client(TestProvince province, String fullName, Role role) {
        return new ApiClient(port, province.tokenFor(province.anOfficial(fullName, role, unit.id())));
    }

    /** An arriving document of this unit, registered by its clerk. */
    Arrival anArrival() {
        return new Arrival();
    }

    /** Opens a dossier on its own as the given member; returns its id. */
    String opens(ApiClient member, String notation, String title) {
        var opened = member.postJson(
                "/api/v1/dossiers",
                Map.of(
                        "unitId",
                        unit.id().toString(),
                        "fileNotation",
                        notation,
                        "title",
                        title,
                        "maintenance",
                        "10 năm"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return (String) opened.get("id");
    }

    static ApiClient.Answer files(ApiClient member, String dossierId, String documentId) {
        return member.postJson("/api/v1/dossiers/" + dossierId + "/documents", Map.of("documentId", documentId));
    }

    static List<Map<String, Object>> documentsOf(ApiClient.Answer dossier) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> documents = (List<Map<String, Object>>) dossier.get("documents");
        return documents;
    }

    /** The facts of an arriving document, with defaults; {@link #registered()} registers it. */
    final class Arrival {

        private final Map<String, Object> metadata = new HashMap<>();
        private int pages = 1;
        private String text = "CÔNG VĂN";

        Arrival() {
            metadata.put("unitId", unit.id().toString());
            metadata.put("typeName", "Công văn");
            metadata.put("codeNumber", Integer.toString(100 + (int) (Math.random() * 800)));
            metadata.put("codeNotation", "UBND-VP");
            metadata.put("issuedDate", LocalDate.now().minusDays(10).toString());
            metadata.put("organName", "Ủy ban nhân dân tỉnh");
            metadata.put("subject", "Về việc triển khai công tác văn thư");
        }

        Arrival numbered(String number, String notation) {
            metadata.put("codeNumber", number);
            metadata.put("codeNotation", notation);
            return this;
        }

        Arrival issuedDaysAgo(int days) {
            metadata.put("issuedDate", LocalDate.now().minusDays(days).toString());
            return this;
        }

        Arrival about(String subject) {
            metadata.put("subject", subject);
            return this;
        }

        Arrival signedBy(String position, String fullName) {
            metadata.put("signerPosition", position);
            metadata.put("signerFullName", fullName);
            return this;
        }

        Arrival onPages(int count, String firstLine) {
            pages = count;
            text = firstLine;
            return this;
        }

        Arrival secret() {
            metadata.put("confidentiality", 1);
            return this;
        }

        /** Registers it as the clerk; returns its id. */
        String registered() {
            metadata.putIfAbsent("confirmDuplicate", true);
            var answer = clerk.multipart(
                    "/api/v1/documents/incoming",
                    metadata,
                    FilePart.pdf("van-ban.pdf", SamplePdf.withPages(pages, text)),
                    List.of());
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            return (String) answer.get("id");
        }
    }

    UUID unitId() {
        return unit.id();
    }
}
