package vn.congvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
import vn.congvan.SamplePdf;
import vn.congvan.TestPki;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.signing.pades.PadesSigner;
import vn.congvan.signing.validation.TrustAnchors;

/** Validation while the certificate authority's CRL and OCSP server is down, from what was fetched before. */
@CongVanTest
class OfflineValidationTests {

    static final String UNIT = "Sở Nội vụ tỉnh Bắc Giang";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    PadesSigner signer;

    @Autowired
    TrustAnchors anchors;

    ApiClient anyone;
    SignedPdfs pdfs;

    @BeforeEach
    void anyOfficialChecksFiles() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Ủy ban nhân dân xã Hồng Thái", "UBND");
        anyone = new ApiClient(
                port, province.tokenFor(province.anOfficial("Trịnh Văn Kiểm", Role.SPECIALIST, unit.id())));
        pdfs = new SignedPdfs(signer);
    }

    @Test
    void aSignatureValidatedOnceStaysValidFromTheCachedRevocationDataWhileTheAuthorityIsDown() {
        TestPki authority = trusted(TestPki.started("offline-cached", "Offline Cached"));
        byte[] signed = pdfs.signedBy(authority.person("Phan Văn Lâm", UNIT), SamplePdf.withText("Tờ trình"));
        assertThat(onlySignature(signed).get("result")).isEqualTo("TOTAL_PASSED");

        authority.stop();

        Map<String, Object> offline = onlySignature(signed);
        assertThat(offline.get("result")).as(offline.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(offline.get("reasonCode")).isEqualTo("signing.reason.valid");
    }

    @Test
    void withoutCachedRevocationDataAndTheAuthorityDownTheSignatureIsIndeterminateForWantOfRevocationData() {
        TestPki authority = trusted(TestPki.started("offline-empty", "Offline Empty"));
        byte[] signed = pdfs.signedBy(authority.person("Phan Thị Mai", UNIT), SamplePdf.withText("Tờ trình"));
        authority.stop();
        jdbc.sql("delete from revocation_data_cache where url like ?")
                .param(authority.baseUrl() + "%")
                .update();

        Map<String, Object> offline = onlySignature(signed);

        assertThat(offline.get("result")).as(offline.toString()).isEqualTo("INDETERMINATE");
        assertThat(offline.get("reasonCode")).isEqualTo("signing.reason.revocation-unavailable");
        assertThat(offline.get("reason"))
                .isEqualTo("The revocation status of the certificate (CRL, OCSP) could "
                        + "not be checked; try again later.");
    }

    private TestPki trusted(TestPki authority) {
        anchors.trust(authority.root());
        return authority;
    }

    private Map<String, Object> onlySignature(byte[] pdf) {
        var report = anyone.inEnglish()
                .upload(HttpMethod.POST, "/api/v1/signature-validations", "file", FilePart.pdf("to-trinh.pdf", pdf));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return DocumentSigningTests.signatures(report.json()).get(0);
    }
}
