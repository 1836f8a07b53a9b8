package vn.congvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import vn.congvan.TestPki;
import vn.congvan.TestProvince;
import vn.congvan.audit.AuditRecordView;
import vn.congvan.audit.AuditTrail;
import vn.congvan.shared.Role;
import vn.congvan.signing.keys.SigningCertificate;
import vn.congvan.signing.keys.SigningCertificates;

@CongVanTest
class SigningRulesTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SigningCertificates certificates;

    @Autowired
    AuditTrail audit;

    TestProvince province;
    TestProvince.Unit department;
    TestSigners signers;
    String directorName;
    ApiClient director;
    ApiClient clerk;

    @BeforeEach
    void aDepartmentWithADirectorAndAClerk() {
        province = new TestProvince(jdbc, encoder, port);
        signers = new TestSigners(jdbc, certificates);
        department = province.aUnit("Sở Nội vụ tỉnh Bắc Giang", "SNV");
        directorName = province.anOfficial("Phạm Thị Giám Đốc", Role.LEADER, department.id());
        director = new ApiClient(port, province.tokenFor(directorName));
        clerk = new ApiClient(port, province.tokenFor(province.anOfficial("Vũ Văn Thư", Role.CLERK, department.id())));
        signers.organization(department.id(), department.name());
    }

    @Test
    void everyUseOfAKeyIsAuditedWithTheCertificateAndTheOriginalFileIsKept() {
        SigningCertificate certificate = signers.personal(directorName, department.id(), department.name());
        Map<String, Object> letter = issue("Công văn");
        String id = (String) letter.get("id");

        var signed = director.postJson(signaturesOf(id), Map.of("kind", "PERSONAL"));

        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        List<AuditRecordView> history = audit.history("document", id);
        assertThat(history)
                .filteredOn(r -> r.action().equals("signature.applied"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.details())
                            .containsEntry("kind", "PERSONAL")
                            .containsEntry("certificate", certificate.serialNumber())
                            .containsEntry("version", "2");
                    assertThat(r.actorName()).isEqualTo("Phạm Thị Giám Đốc");
                });
        var versions = jdbc.sql("select version, sha256, reason from document_file_version where file_id = ? "
                        + "order by version")
                .param(UUID.fromString(DocumentSigningTests.fileId(letter, "MAIN")))
                .query((rs, n) -> List.of(rs.getInt(1), rs.getString(2), rs.getString(3)))
                .list();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0)).containsExactly(1, mainSha256(letter), "registered");
        assertThat(versions.get(1).get(2)).isEqualTo("signature.personal");
        assertThat(versions.get(1).get(1)).isEqualTo(signed.get("sha256"));
    }

    @Test
    void anExpiredCertificateRefusesToSignAndNothingIsStored() {
        Instant now = Instant.now();
        signers.personal(
                directorName,
                department.id(),
                department.name(),
                now.minus(Duration.ofDays(300)),
                now.minus(Duration.ofDays(1)));
        Map<String, Object> letter = issue("Công văn");
        String id = (String) letter.get("id");

        var refused = director.inEnglish().postJson(signaturesOf(id), Map.of("kind", "PERSONAL"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.get("code")).isEqualTo("signing.certificate.expired");
        assertThat((String) refused.get("detail")).contains("has expired and cannot sign");
        assertThat(audit.history("document", id)).noneMatch(r -> r.action().equals("signature.applied"));
        assertThat(currentSha256(id)).isEqualTo(mainSha256(letter));
    }

    @Test
    void aRevokedCertificateRefusesToSign() {
        SigningCertificate certificate = signers.personal(directorName, department.id(), department.name());
        TestPki.shared().revoke(certificate.x509());
        String id = (String) issue("Công văn").get("id");

        var refused = director.postJson(signaturesOf(id), Map.of("kind", "PERSONAL"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.get("code")).isEqualTo("signing.certificate.revoked");
    }

    @Test
    void onlyTheUnitsClerkAppliesTheOrganizationSignature() {
        signers.personal(directorName, department.id(), department.name());
        String id = (String) issue("Công văn").get("id");
        director.postJson(signaturesOf(id), Map.of("kind", "PERSONAL"));
        TestProvince.Unit other = province.aUnit("Sở Tài chính tỉnh Bắc Giang", "STC");
        ApiClient otherClerk =
                new ApiClient(port, province.tokenFor(province.anOfficial("Đinh Văn Khác", Role.CLERK, other.id())));

        var byTheDirector = director.postJson(signaturesOf(id), Map.of("kind", "ORGANIZATION"));
        var byAnotherUnitsClerk = otherClerk.postJson(signaturesOf(id), Map.of("kind", "ORGANIZATION"));

        assertThat(byTheDirector.status()).isEqualTo(403);
        assertThat(byTheDirector.get("code")).isEqualTo("signing.organization.clerk-only");
        // Another unit's clerk does not even see the document.
        assertThat(byAnotherUnitsClerk.status()).isEqualTo(404);
    }

    @Test
    void theSealIsRefusedOnADocumentWithoutAValidPersonalSignature() {
        String id = (String) issue("Công văn").get("id");

        var refused = clerk.postJson(signaturesOf(id), Map.of("kind", "ORGANIZATION"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.get("code")).isEqualTo("signing.organization.needs-personal-signature");
    }

    @Test
    void aDeputyCannotSignADocumentThatNamesTheDirectorAsItsSigner() {
        String deputyName = province.anOfficial("Hoàng Văn Phó", Role.DEPUTY_LEADER, department.id());
        signers.personal(deputyName, department.id(), department.name());
        Map<String, Object> letter = issue("Công văn");
        String id = (String) letter.get("id");

        var refused = new ApiClient(port, province.tokenFor(deputyName))
                .inEnglish()
                .postJson(signaturesOf(id), Map.of("kind", "PERSONAL"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.get("code")).isEqualTo("signing.personal.not-the-named-signer");
        assertThat((String) refused.get("detail")).contains("Phạm Thị Giám Đốc");
        assertThat(audit.history("document", id)).noneMatch(r -> r.action().equals("signature.applied"));
        assertThat(currentSha256(id)).isEqualTo(mainSha256(letter));
    }

    @Test
    void aCertificateNamingSomeoneElseDoesNotSignForTheSignerTheDocumentNames() {
        // Enrolled straight into the key store, as certificates were before their subject was checked.
        certificates.enrolPersonal(
                signers.personId(directorName),
                department.id(),
                TestPki.shared().person("Lê Văn Người Khác", department.name()));
        Map<String, Object> letter = issue("Công văn");
        String id = (String) letter.get("id");

        var refused = director.postJson(signaturesOf(id), Map.of("kind", "PERSONAL"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.get("code")).isEqualTo("signing.personal.certificate-names-another");
        assertThat(currentSha256(id)).isEqualTo(mainSha256(letter));
    }

    @Test
    void theDirectorAddsNoSecondSignatureAndTheClerkNoSecondSealToASealedDocument() {
        signers.personal(directorName, department.id(), department.name());
        String id = (String) issue("Công văn").get("id");
        assertThat(director.postJson(signaturesOf(id), Map.of("kind", "PERSONAL"))
                        .status())
                .isEqualTo(201);
        assertThat(clerk.postJson(signaturesOf(id), Map.of("kind", "ORGANIZATION"))
                        .status())
                .isEqualTo(201);
        String sealed = currentSha256(id);

        var personal = director.postJson(signaturesOf(id), Map.of("kind", "PERSONAL"));
        var seal = clerk.postJson(signaturesOf(id), Map.of("kind", "ORGANIZATION"));

        assertThat(personal.status()).as(personal.body()).isEqualTo(409);
        assertThat(personal.get("code")).isEqualTo("signing.document.sealed");
        assertThat(seal.status()).as(seal.body()).isEqualTo(409);
        assertThat(seal.get("code")).isEqualTo("signing.document.sealed");
        assertThat(currentSha256(id)).isEqualTo(sealed);
    }

    @Test
    void theDirectorWhoHasSignedIsRefusedASecondIdenticalSignatureAndNothingChanges() {
        signers.personal(directorName, department.id(), department.name());
        String id = (String) issue("Công văn").get("id");
        assertThat(director.postJson(signaturesOf(id), Map.of("kind", "PERSONAL"))
                        .status())
                .isEqualTo(201);
        String signed = currentSha256(id);

        var again = director.inEnglish().postJson(signaturesOf(id), Map.of("kind", "PERSONAL"));

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.get("code")).isEqualTo("signing.personal.signed-already");
        assertThat((String) again.get("detail")).contains("signature is on this document already");
        assertThat(currentSha256(id)).isEqualTo(signed);
        assertThat(audit.history("document", id).stream()
                        .filter(r -> r.action().equals("signature.applied"))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aSpecialistDoesNotSignPersonally() {
        String specialist = province.anOfficial("Ngô Văn Chuyên", Role.SPECIALIST, department.id());
        signers.personal(specialist, department.id(), department.name());
        String id = (String) issue("Công văn").get("id");

        var refused = new ApiClient(port, province.tokenFor(specialist))
                .postJson(signaturesOf(id), Map.of("kind", "PERSONAL"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.get("code")).isEqualTo("signing.personal.not-competent");
    }

    @Test
    void aLeaderWithoutACertificateIsToldSo() {
        String id = (String) issue("Công văn").get("id");

        var refused = director.postJson(signaturesOf(id), Map.of("kind", "PERSONAL"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.get("code")).isEqualTo("signing.certificate.none");
    }

    @Test
    void aRequestWithoutAKindIsRefused() {
        String id = (String) issue("Công văn").get("id");

        var refused = director.postJson(signaturesOf(id), Map.of("x", 100));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("code")).isEqualTo("signing.kind.required");
    }

    Map<String, Object> issue(String type) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", department.id().toString());
        metadata.put("typeName", type);
        metadata.put("subject", "Về việc tuyển dụng công chức năm 2026");
        metadata.put("signerAuthority", "NONE");
        metadata.put("signerPosition", "Giám đốc");
        metadata.put("signerFullName", "Phạm Thị Giám Đốc");
        var issued = clerk.multipart(
                "/api/v1/documents/outgoing",
                metadata,
                FilePart.pdf(
                        "cv.pdf",
                        SamplePdf.withText(
                                "Về việc tuyển dụng công chức năm 2026",
                                "GIÁM ĐỐC",
                                "",
                                "",
                                "",
                                "",
                                "Phạm Thị Giám Đốc")),
                List.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json();
    }

    String currentSha256(String documentId) {
        return jdbc.sql("select sha256 from document_file where document_id = ? and role = 'MAIN'")
                .param(UUID.fromString(documentId))
                .query(String.class)
                .single();
    }

    static String mainSha256(Map<String, Object> document) {
        return ((List<?>) document.get("files"))
                .stream()
                        .map(f -> (Map<?, ?>) f)
                        .filter(f -> "MAIN".equals(f.get("role")))
                        .map(f -> (String) f.get("sha256"))
                        .findFirst()
                        .orElseThrow();
    }

    static String signaturesOf(String id) {
        return "/api/v1/documents/" + id + "/signatures";
    }
}
