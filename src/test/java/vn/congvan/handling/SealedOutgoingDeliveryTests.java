package vn.congvan.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.congvan.handling.OutgoingFlowTests.eventually;
import static vn.congvan.handling.OutgoingFlowTests.unreadNoticesAbout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.signing.DocumentSigningTests;
import vn.congvan.signing.TestSigners;
import vn.congvan.signing.keys.SigningCertificates;

/**
 * An outgoing document the clerk numbers without a draft reaches the units of the installation it
 * names once it is sealed, as a draft's document does when it is issued.
 */
@CongVanTest
class SealedOutgoingDeliveryTests {

    static final String SUBJECT = "Về việc kiểm tra an toàn công trình trước mùa mưa bão";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SigningCertificates certificates;

    TestProvince.Unit committee;
    TestProvince.Unit department;
    ApiClient chairman;
    ApiClient clerk;
    ApiClient theirClerk;

    @BeforeEach
    void aCommitteeSendingToADepartmentOfTheInstallation() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        committee = province.aUnit("Ủy ban nhân dân huyện Hiệp Hòa", "UBND");
        department = province.aUnit("Phòng Kinh tế và Hạ tầng huyện Hiệp Hòa", "KTHT");
        String chairmanName = province.anOfficial("Ngô Văn Hòa", Role.LEADER, committee.id());
        String clerkName = province.anOfficial("Lê Thị Phát", Role.CLERK, committee.id());
        String theirClerkName = province.anOfficial("Hà Thị Nhận", Role.CLERK, department.id());
        TestSigners signers = new TestSigners(jdbc, certificates);
        signers.personal(chairmanName, committee.id(), committee.name());
        signers.organization(committee.id(), committee.name());
        chairman = new ApiClient(port, province.tokenFor(chairmanName));
        clerk = new ApiClient(port, province.tokenFor(clerkName));
        theirClerk = new ApiClient(port, province.tokenFor(theirClerkName));
    }

    @Test
    void aDocumentNumberedByTheClerkReachesTheUnitItNamesWhenSealedAndItsClerkIsToldOnce() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", committee.id().toString());
        metadata.put("typeName", "Công văn");
        metadata.put("subject", SUBJECT);
        metadata.put("signerAuthority", "NONE");
        metadata.put("signerPosition", "Chủ tịch");
        metadata.put("signerFullName", "Ngô Văn Hòa");
        metadata.put("recipients", List.of(Map.of("unitId", department.id().toString())));
        var numbered = clerk.multipart(
                "/api/v1/documents/outgoing",
                metadata,
                FilePart.pdf("cong-van.pdf", SamplePdf.withText(SUBJECT, "CHỦ TỊCH", "", "", "Ngô Văn Hòa")),
                List.of(FilePart.pdf("phu-luc.pdf", SamplePdf.withText("Danh mục công trình cần kiểm tra"))));
        assertThat(numbered.status()).as(numbered.body()).isEqualTo(201);
        String id = (String) numbered.get("id");
        assertThat(clerk.get("/api/v1/documents/" + id + "/recipients").list())
                .as("numbered, not yet sealed: nothing has left")
                .isEmpty();

        var signed = chairman.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "PERSONAL"));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        var sealed = clerk.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "ORGANIZATION"));
        assertThat(sealed.status()).as(sealed.body()).isEqualTo(201);

        eventually(() ->
                !clerk.get("/api/v1/documents/" + id + "/recipients").list().isEmpty());
        assertThat(clerk.get("/api/v1/documents/" + id + "/recipients").list())
                .singleElement()
                .satisfies(state -> {
                    assertThat(((Map<?, ?>) state).get("state")).isEqualTo("ARRIVED");
                    assertThat(((Map<?, ?>) state).get("recipientName")).isEqualTo(department.name());
                });
        assertThat(theirClerk.get("/api/v1/arrivals").list())
                .anySatisfy(arrival ->
                        assertThat(((Map<?, ?>) arrival).get("documentId")).isEqualTo(id));
        eventually(() -> !unreadNoticesAbout(theirClerk, SUBJECT).isEmpty());

        // Its attachment sealed too: the unit reached already is neither reached nor told twice.
        var again = clerk.postJson(
                "/api/v1/documents/" + id + "/signatures",
                Map.of("kind", "ORGANIZATION", "fileId", DocumentSigningTests.fileId(numbered.json(), "ATTACHMENT")));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        eventually(() -> jdbc.sql("select count(*) from event_publication where completion_date is null"
                                + " and serialized_event like ?")
                        .param("%" + id + "%")
                        .query(Long.class)
                        .single()
                == 0);
        assertThat(unreadNoticesAbout(theirClerk, SUBJECT)).hasSize(1);
        assertThat(clerk.get("/api/v1/documents/" + id + "/recipients").list()).hasSize(1);
    }
}
