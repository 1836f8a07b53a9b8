package vn.congvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
import vn.congvan.Poppler;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.pki.IssuedCertificate;

/** The chairman signs with the key on his own token, through a middleware that speaks the two-step API. */
@CongVanTest
class TwoStepSigningTests {

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
    ApiClient deputy;
    ApiClient clerk;
    Decisions decisions;
    IssuedCertificate chairmansToken;

    @BeforeEach
    void aChairmanWhoseKeyStaysOnHisToken() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestSigners signers = new TestSigners(jdbc, certificates);
        committee = province.aUnit("Ủy ban nhân dân huyện Lạng Giang", "UBND");
        String chairmanName = province.anOfficial("Trần Văn Hùng", Role.LEADER, committee.id());
        String deputyName = province.anOfficial("Lê Thị Phó", Role.DEPUTY_LEADER, committee.id());
        String clerkName = province.anOfficial("Phạm Thị Văn Thư", Role.CLERK, committee.id());
        chairmansToken = signers.personalKeptByTheSigner(chairmanName, committee.id(), committee.name());
        signers.personal(deputyName, committee.id(), committee.name());
        chairman = new ApiClient(port, province.tokenFor(chairmanName));
        deputy = new ApiClient(port, province.tokenFor(deputyName));
        clerk = new ApiClient(port, province.tokenFor(clerkName));
        decisions = new Decisions(clerk, jdbc, committee.id(), "Trần Văn Hùng");
    }

    @Test
    void theChairmansMiddlewareSignsThePreparedDataAndTheSignatureIsValidForDssAndPoppler() {
        String id = decisions.issue();

        var prepared = prepare(chairman, id);
        assertThat(prepared.status()).as(prepared.body()).isEqualTo(201);
        assertThat(prepared.get("digestAlgorithm")).isEqualTo("SHA256");
        assertThat(prepared.get("expiresAt")).isNotNull();

        var completed = complete(chairman, prepared, signedByToken(prepared));
        assertThat(completed.status()).as(completed.body()).isEqualTo(201);
        assertThat(completed.get("appearance")).isEqualTo("PERSONAL");
        assertThat(completed.get("version")).isEqualTo(2);
        assertThat(completed.get("signerName")).isEqualTo("Trần Văn Hùng");

        byte[] main = decisions.mainFile(id);
        var report =
                clerk.upload(HttpMethod.POST, "/api/v1/signature-validations", "file", FilePart.pdf("qd.pdf", main));
        List<Map<String, Object>> signatures = DocumentSigningTests.signatures(report.json());
        assertThat(signatures).singleElement().satisfies(s -> {
            assertThat(s.get("result")).as(s.toString()).isEqualTo("TOTAL_PASSED");
            assertThat(s.get("signerName")).isEqualTo("Trần Văn Hùng");
        });
        assertThat(Poppler.pdfsig(main))
                .singleElement()
                .satisfies(s -> assertThat(s).contains("Signature Validation: Signature is Valid."));
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'signature.applied' and subject_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aWrongSignatureValueIsRefusedAndNothingIsStored() {
        String id = decisions.issue();
        var prepared = prepare(chairman, id);
        byte[] wrong = Base64.getDecoder().decode(signedByToken(prepared));
        wrong[wrong.length / 2] ^= 0x55;

        var refused = complete(chairman, prepared, Base64.getEncoder().encodeToString(wrong));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.get("code")).isEqualTo("signing.session.wrong-signature-value");
        assertThat(Poppler.pdfsig(decisions.mainFile(id))).isEmpty();
        assertThat(decisions.laterVersionsOf(id)).isZero();
    }

    @Test
    void aCompletedSessionCannotBeReplayed() {
        String id = decisions.issue();
        var prepared = prepare(chairman, id);
        String value = signedByToken(prepared);
        assertThat(complete(chairman, prepared, value).status()).isEqualTo(201);

        var replayed = complete(chairman, prepared, value);

        assertThat(replayed.status()).as(replayed.body()).isEqualTo(409);
        assertThat(replayed.get("code")).isEqualTo("signing.session.used");
        assertThat(decisions.laterVersionsOf(id)).isEqualTo(1);
    }

    @Test
    void anotherUsersSessionIsUnknownToTheCaller() {
        String id = decisions.issue();
        var prepared = prepare(chairman, id);

        var refused = complete(deputy, prepared, signedByToken(prepared));

        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(refused.get("code")).isEqualTo("signing.session.not-found");
        assertThat(decisions.laterVersionsOf(id)).isZero();
    }

    @Test
    void anExpiredSessionIsRefused() {
        String id = decisions.issue();
        var prepared = prepare(chairman, id);
        jdbc.sql("update signature_session set expires_at = now() - interval '1 minute' where id = ?::uuid")
                .param(prepared.get("sessionId"))
                .update();

        var refused = complete(chairman, prepared, signedByToken(prepared));

        assertThat(refused.status()).as(refused.body()).isEqualTo(410);
        assertThat(refused.get("code")).isEqualTo("signing.session.expired");
        assertThat(decisions.laterVersionsOf(id)).isZero();
    }

    @Test
    void sessionsExpiredForADayAreForgotten(@Autowired org.springframework.context.ApplicationContext context) {
        String id = decisions.issue();
        var stale = prepare(chairman, id);
        var fresh = prepare(chairman, decisions.issue());
        jdbc.sql("update signature_session set expires_at = now() - interval '2 days' where id = ?::uuid")
                .param(stale.get("sessionId"))
                .update();

        org.springframework.test.util.ReflectionTestUtils.invokeMethod(
                context.getBean("signatureSessions"), "forgetExpired");

        assertThat(jdbc.sql("select count(*) from signature_session where id = ?::uuid")
                        .param(stale.get("sessionId"))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from signature_session where id = ?::uuid")
                        .param(fresh.get("sessionId"))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aFileSignedMeanwhileIsNotSignedAgainOverThePreparedData() {
        // A second session of the chairman's (another tab, another device) finishes first.
        String id = decisions.issue();
        var prepared = prepare(chairman, id);
        var meanwhile = prepare(chairman, id);
        assertThat(complete(chairman, meanwhile, signedByToken(meanwhile)).status())
                .isEqualTo(201);

        var refused = complete(chairman, prepared, signedByToken(prepared));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.get("code")).isEqualTo("signing.session.file-changed");
        assertThat(decisions.laterVersionsOf(id)).isEqualTo(1);
    }

    @Test
    void aCertificateThatIsNotTheCallersIsRefused() {
        // A decision the deputy is to sign: only the certificate is wrong.
        String id = (String) decisions.issue("Lê Thị Phó").get("id");

        var refused = deputy.postJson(
                "/api/v1/documents/" + id + "/signature-sessions",
                Map.of("kind", "PERSONAL", "certificate", der(chairmansToken.certificate())));

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.get("code")).isEqualTo("signing.certificate.not-holder");
    }

    @Test
    void theChairmansTokenAddsNoSignatureToADecisionIssuedAndSealed() {
        new TestSigners(jdbc, certificates).organization(committee.id(), committee.name());
        String id = decisions.issue();
        var first = prepare(chairman, id);
        assertThat(complete(chairman, first, signedByToken(first)).status()).isEqualTo(201);
        assertThat(clerk.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "ORGANIZATION"))
                        .status())
                .isEqualTo(201);

        var refused = prepare(chairman, id);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.get("code")).isEqualTo("signing.document.sealed");
        assertThat(decisions.laterVersionsOf(id)).isEqualTo(2);
    }

    @Test
    void theDeputysTokenCannotSignADecisionThatNamesTheChairman() {
        String id = decisions.issue();

        var refused = deputy.postJson(
                "/api/v1/documents/" + id + "/signature-sessions",
                Map.of("kind", "PERSONAL", "certificate", der(chairmansToken.certificate())));

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.get("code")).isEqualTo("signing.personal.not-the-named-signer");
        assertThat(decisions.laterVersionsOf(id)).isZero();
    }

    @Test
    void anUnknownSessionIsRefused() {
        var refused = chairman.postJson(
                "/api/v1/signature-sessions/" + java.util.UUID.randomUUID(), Map.of("signatureValue", "AAAA"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(refused.get("code")).isEqualTo("signing.session.not-found");
    }

    ApiClient.Answer prepare(ApiClient client, String documentId) {
        List<String> chain = new ArrayList<>();
        for (X509Certificate certificate : chairmansToken.chain()) {
            chain.add(der(certificate));
        }
        return client.postJson(
                "/api/v1/documents/" + documentId + "/signature-sessions",
                Map.of("kind", "PERSONAL", "certificate", der(chairmansToken.certificate()), "chain", chain));
    }

    ApiClient.Answer complete(ApiClient client, ApiClient.Answer prepared, String signatureValue) {
        return client.postJson(
                "/api/v1/signature-sessions/" + prepared.get("sessionId"), Map.of("signatureValue", signatureValue));
    }

    /** What the token does with the data it is given: signs it with the key that never leaves it. */
    String signedByToken(ApiClient.Answer prepared) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(chairmansToken.privateKey());
            signature.update(Base64.getDecoder().decode((String) prepared.get("dataToSign")));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String der(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
