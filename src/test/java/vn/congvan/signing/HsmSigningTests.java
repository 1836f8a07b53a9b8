package vn.congvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.Poppler;
import vn.congvan.SamplePdf;
import vn.congvan.TestHsm;
import vn.congvan.TestPki;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.pki.IssuedCertificate;

/** The organization seal held in a hardware security module (here SoftHSM2) and used through PKCS#11. */
@CongVanTest
class HsmSigningTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SigningCertificates certificates;

    final TestHsm hsm = TestHsm.shared();
    TestProvince.Unit committee;
    ApiClient chairman;
    ApiClient clerk;
    ApiClient itOfficer;
    IssuedCertificate seal;
    String alias;

    @BeforeEach
    void aCommitteeWhoseChairmanHasAServerKeyAndWhoseSealKeyWasPutInTheHsm() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        committee = province.aUnit("Ủy ban nhân dân huyện Lạng Giang", "UBND");
        String chairmanName = province.anOfficial("Phạm Văn Chủ Tịch", Role.LEADER, committee.id());
        new TestSigners(jdbc, certificates).personal(chairmanName, committee.id(), committee.name());
        chairman = new ApiClient(port, province.tokenFor(chairmanName));
        clerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Lê Thị Văn Thư", Role.CLERK, committee.id())));
        itOfficer = new ApiClient(
                port, province.tokenFor(province.anOfficial("Trần Văn Kỹ Thuật", Role.IT_OFFICER, committee.id())));
        seal = TestPki.shared().organization(committee.name());
        alias = "seal-" + committee.id();
        hsm.keep(alias, seal);
    }

    @Test
    void theClerkSealsWithTheUnitKeyInTheHsmAndTheSignatureIsValidForDssAndPoppler() {
        var enrolled = itOfficer.postJson(enrolment(), body(alias, seal));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        assertThat(enrolled.get("medium")).isEqualTo("HSM");
        String id = issueSignedDecision(committee.id(), clerk, chairman);

        var sealed = clerk.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "ORGANIZATION"));

        assertThat(sealed.status()).as(sealed.body()).isEqualTo(201);
        assertThat(sealed.get("version")).isEqualTo(3);
        byte[] pdf = Decisions.mainFile(clerk, id);
        var report =
                clerk.upload(HttpMethod.POST, "/api/v1/signature-validations", "file", FilePart.pdf("qd.pdf", pdf));
        var signatures = DocumentSigningTests.signatures(report.json());
        assertThat(signatures)
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.get("result")).as(s.toString()).isEqualTo("TOTAL_PASSED"));
        assertThat(signatures.get(1).get("signerName")).isEqualTo(committee.name());
        assertThat(Poppler.pdfsig(pdf))
                .hasSize(2)
                .allSatisfy(s -> assertThat(s).contains("Signature Validation: Signature is Valid."));
        assertThat(jdbc.sql("select details from audit_record where action = 'signature.applied' and subject_id = ? "
                                + "order by seq desc limit 1")
                        .param(id)
                        .query(String.class)
                        .single())
                .contains("\"medium\":\"HSM\"")
                .contains(seal.certificate().getSerialNumber().toString(16).toUpperCase());
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'certificate.enrolled' "
                                + "and subject_id = ?")
                        .param(committee.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void onlyTheItOfficerEnrolsAndOnlyAKeyTheHsmHoldsForThatCertificate() {
        var byTheClerk = clerk.postJson(enrolment(), body(alias, seal));
        assertThat(byTheClerk.status()).isEqualTo(403);
        assertThat(byTheClerk.get("code")).isEqualTo("signing.hsm.it-only");

        var unknownAlias = itOfficer.postJson(enrolment(), body("no-such-key", seal));
        assertThat(unknownAlias.status()).isEqualTo(409);
        assertThat(unknownAlias.get("code")).isEqualTo("signing.hsm.key-missing");

        var anotherCertificate =
                itOfficer.postJson(enrolment(), body(alias, TestPki.shared().organization(committee.name())));
        assertThat(anotherCertificate.status()).isEqualTo(400);
        assertThat(anotherCertificate.get("code")).isEqualTo("signing.hsm.key-mismatch");

        assertThat(jdbc.sql("select count(*) from signing_certificate where unit_id = ? and kind = 'ORGANIZATION'")
                        .param(committee.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    String enrolment() {
        return "/api/v1/units/" + committee.id() + "/hsm-certificates";
    }

    static Map<String, Object> body(String alias, IssuedCertificate issued) {
        Map<String, Object> body = new HashMap<>();
        body.put("keyAlias", alias);
        body.put("certificate", TestPki.pem(issued.certificate()));
        body.put("chain", issued.chain().stream().skip(1).map(TestPki::pem).toList());
        return body;
    }

    /** A decision the chairman has signed, ready for the seal. */
    static String issueSignedDecision(UUID unitId, ApiClient clerk, ApiClient chairman) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", unitId.toString());
        metadata.put("typeName", "Quyết định");
        metadata.put("subject", "Về việc thành lập tổ công tác chuyển đổi số");
        metadata.put("signerPosition", "Chủ tịch");
        var issued = clerk.multipart(
                "/api/v1/documents/outgoing",
                metadata,
                FilePart.pdf("quyet-dinh.pdf", SamplePdf.withText("QUYẾT ĐỊNH", "Về việc thành lập tổ công tác")),
                List.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String id = (String) issued.get("id");
        var signed = chairman.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "PERSONAL"));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        return id;
    }
}
