package vn.congvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import vn.congvan.ApiClient;
import vn.congvan.CongVanTest;
import vn.congvan.Poppler;
import vn.congvan.TestHsm;
import vn.congvan.TestPki;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.signing.keys.CertificateKind;
import vn.congvan.signing.keys.KeyMedium;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.pki.IssuedCertificate;

/**
 * A server configured with a PIN the HSM refuses (say the token's PIN was changed and the setting
 * was not): nothing is signed or enrolled, and the people are told why. SoftHSM2 keeps a token's
 * PIN for the life of the process that loaded it, hence a server of its own with the wrong PIN.
 */
@CongVanTest
@TestPropertySource(properties = "congvan.signing.pkcs11.pin=00000000")
class HsmPinTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SigningCertificates certificates;

    TestProvince.Unit committee;
    ApiClient chairman;
    ApiClient clerk;
    ApiClient itOfficer;
    String itOfficerName;
    TestSigners signers;
    IssuedCertificate seal;
    String alias;

    @BeforeEach
    void aCommitteeWhoseSealKeyIsInTheHsm() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        committee = province.aUnit("Ủy ban nhân dân huyện Yên Dũng", "UBND");
        String chairmanName = province.anOfficial("Vũ Văn Chủ Tịch", Role.LEADER, committee.id());
        String clerkName = province.anOfficial("Hà Thị Văn Thư", Role.CLERK, committee.id());
        signers = new TestSigners(jdbc, certificates);
        signers.personal(chairmanName, committee.id(), committee.name());
        chairman = new ApiClient(port, province.tokenFor(chairmanName));
        clerk = new ApiClient(port, province.tokenFor(clerkName));
        itOfficerName = province.anOfficial("Đinh Văn Kỹ Thuật", Role.IT_OFFICER, committee.id());
        itOfficer = new ApiClient(port, province.tokenFor(itOfficerName));
        seal = TestPki.shared().organization(committee.name());
        alias = "seal-" + committee.id();
        TestHsm.shared().keep(alias, seal);
    }

    @Test
    void theSealIsRefusedWithAClearMessageAndNothingIsStored() {
        enrolledWhenThePinWasRight();
        String id = HsmSigningTests.issueSignedDecision(committee.id(), clerk, chairman);

        var inVietnamese = clerk.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "ORGANIZATION"));
        var inEnglish =
                clerk.inEnglish().postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "ORGANIZATION"));

        assertThat(inVietnamese.status()).as(inVietnamese.body()).isEqualTo(409);
        assertThat(inVietnamese.get("code")).isEqualTo("signing.hsm.login-failed");
        assertThat((String) inVietnamese.get("detail")).startsWith("Thiết bị HSM từ chối mã PIN");
        assertThat((String) inEnglish.get("detail")).startsWith("The HSM refused the configured PIN");
        assertThat(Poppler.pdfsig(Decisions.mainFile(clerk, id)))
                .as("the chairman's signature only")
                .hasSize(1);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'signature.applied' and subject_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void noKeyIsEnrolledWhileTheHsmRefusesThePin() {
        var refused = itOfficer.postJson(
                "/api/v1/units/" + committee.id() + "/hsm-certificates", HsmSigningTests.body(alias, seal));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.get("code")).isEqualTo("signing.hsm.login-failed");
        assertThat(certificates.hasOrganization(committee.id())).isFalse();
    }

    /** The unit's HSM key as enrolled before the PIN changed. */
    private void enrolledWhenThePinWasRight() {
        var registered = certificates.register(
                CertificateKind.ORGANIZATION,
                null,
                committee.id(),
                seal.certificate(),
                KeyMedium.USB_TOKEN,
                null,
                signers.personId(itOfficerName));
        jdbc.sql("update signing_certificate set medium = 'HSM', key_store = ? where id = ?")
                .params("pkcs11:" + alias, registered.id())
                .update();
    }
}
