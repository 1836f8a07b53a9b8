package vn.congvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.Poppler;
import vn.congvan.TestPki;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.signing.pki.IssuedCertificate;
import vn.congvan.signing.remote.RemoteSignaturePolling;

/**
 * The chairman signs with the key on his PKI SIM, kept by a remote signing service speaking the
 * CSC API v2: CongVan asks, he confirms (or refuses) on his phone, CongVan finishes the PDF.
 */
@CongVanTest
class RemoteSigningTests {

    static final CscService SERVICE = new CscService();

    @DynamicPropertySource
    static void theRemoteSigningService(DynamicPropertyRegistry properties) {
        properties.add("congvan.signing.remote.base-url", SERVICE::baseUrl);
        properties.add("congvan.signing.remote.username", () -> CscService.USERNAME);
        properties.add("congvan.signing.remote.password", () -> CscService.PASSWORD);
        properties.add("congvan.signing.remote.poll-interval", () -> "PT0.2S");
        properties.add("congvan.signing.remote.request-timeout", () -> "PT5S");
    }

    @AfterAll
    static void stopTheService() {
        SERVICE.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    RemoteSignaturePolling polling;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    vn.congvan.signing.keys.SigningCertificates certificates;

    final TestPki pki = TestPki.shared();
    TestProvince.Unit committee;
    ApiClient chairman;
    ApiClient deputy;
    ApiClient clerk;
    Decisions decisions;
    IssuedCertificate chairmansSim;
    String credential;

    @BeforeEach
    void aChairmanWhoseKeyIsOnHisPkiSim() {
        SERVICE.reset();
        TestProvince province = new TestProvince(jdbc, encoder, port);
        committee = province.aUnit("Ủy ban nhân dân huyện Yên Thế", "UBND");
        String chairmanName = province.anOfficial("Nguyễn Văn Thế", Role.LEADER, committee.id());
        chairman = new ApiClient(port, province.tokenFor(chairmanName));
        deputy = new ApiClient(
                port, province.tokenFor(province.anOfficial("Hoàng Thị Phó", Role.DEPUTY_LEADER, committee.id())));
        clerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Đinh Thị Văn Thư", Role.CLERK, committee.id())));
        decisions = new Decisions(clerk, jdbc, committee.id(), "Nguyễn Văn Thế");
        chairmansSim = pki.person("Nguyễn Văn Thế", committee.name());
        credential = SERVICE.holds(chairmansSim);
        String personId = jdbc.sql("select id::text from person where username = ?")
                .param(chairmanName)
                .query(String.class)
                .single();
        var registered = chairman.postJson(
                "/api/v1/people/" + personId + "/certificates",
                CertificateRegisterTests.body(chairmansSim, "PKI_SIM", credential));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }

    @Test
    void theChairmanConfirmsOnHisPhoneAndTheSignatureIsValidForDssAndPoppler() {
        String id = decisions.issue();

        var started = start(id);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.get("state")).isEqualTo("PENDING");
        assertThat(started.get("message")).isEqualTo("Hãy xác nhận ký trên điện thoại.");
        String rid = (String) started.get("id");
        eventually(() -> SERVICE.pollsOf(rid) >= 2);
        assertThat(chairman.get("/api/v1/remote-signatures/" + rid).get("state"))
                .isEqualTo("PENDING");

        SERVICE.confirmOnThePhone();

        var signed = outcome(rid);
        assertThat(signed.get("state")).as(signed.body()).isEqualTo("SIGNED");
        @SuppressWarnings("unchecked")
        Map<String, Object> file = (Map<String, Object>) signed.get("signedFile");
        assertThat(file.get("version")).isEqualTo(2);
        assertThat(file.get("signerName")).isEqualTo("Nguyễn Văn Thế");
        byte[] main = decisions.mainFile(id);
        var report =
                clerk.upload(HttpMethod.POST, "/api/v1/signature-validations", "file", FilePart.pdf("qd.pdf", main));
        assertThat(DocumentSigningTests.signatures(report.json()))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.get("result")).as(s.toString()).isEqualTo("TOTAL_PASSED");
                    assertThat(s.get("signerName")).isEqualTo("Nguyễn Văn Thế");
                });
        assertThat(Poppler.pdfsig(main))
                .singleElement()
                .satisfies(s -> assertThat(s).contains("Signature Validation: Signature is Valid."));
    }

    @Test
    void theChairmanRefusesOnHisPhoneAndNothingIsStored() {
        String id = decisions.issue();
        String rid = (String) start(id).get("id");

        SERVICE.refuseOnThePhone();

        var refused = outcome(rid);
        assertThat(refused.get("state")).as(refused.body()).isEqualTo("REFUSED");
        assertThat(refused.get("code")).isEqualTo("signing.remote.refused");
        assertThat(refused.get("serviceMessage")).isEqualTo("The user refused the signature on the phone");
        assertThat(decisions.laterVersionsOf(id)).isZero();
    }

    @Test
    void aServicePresentingAnotherCertificateThanTheRegisteredOneIsRefusedBeforeAnythingIsSigned() {
        String id = decisions.issue();
        SERVICE.presents(
                credential, pki.person("Nguyễn Văn Thế", committee.name()).chain());
        int signHashCalls = SERVICE.signHashCalls();

        var refused = start(id);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.get("code")).isEqualTo("signing.remote.certificate-mismatch");
        assertThat(SERVICE.signHashCalls()).isEqualTo(signHashCalls);
        assertThat(jdbc.sql("select count(*) from signature_session where document_id = ?::uuid")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(decisions.laterVersionsOf(id)).isZero();
    }

    @Test
    void aServiceThatStopsAnsweringFailsTheSignatureWithAPlainReason() {
        String id = decisions.issue();
        String rid = (String) start(id).get("id");

        SERVICE.goesDown();

        var failed = outcome(rid);
        assertThat(failed.get("state")).as(failed.body()).isEqualTo("FAILED");
        assertThat(failed.get("code")).isEqualTo("signing.remote.unreachable");
        assertThat(chairman.inEnglish().get("/api/v1/remote-signatures/" + rid).get("message"))
                .isEqualTo("The remote signing service cannot be reached; nothing was signed.");
        assertThat(decisions.laterVersionsOf(id)).isZero();
    }

    @Test
    void aServiceThatCannotBeReachedRefusesTheStartWithAPlainReason() {
        String id = decisions.issue();
        SERVICE.goesDown();

        var refused = start(id);

        assertThat(refused.status()).as(refused.body()).isEqualTo(502);
        assertThat(refused.get("code")).isEqualTo("signing.remote.unreachable");
        assertThat(refused.get("detail"))
                .isEqualTo("Không kết nối được với dịch vụ ký số từ xa; văn bản chưa được ký.");
    }

    @Test
    void aSignatureNobodyConfirmsBeforeItsDeadlineFailsAndNothingIsStored() {
        String id = decisions.issue();
        String rid = (String) start(id).get("id");
        jdbc.sql("update remote_signature set deadline = now() - interval '1 second' where id = ?::uuid")
                .param(rid)
                .update();

        var failed = outcome(rid);

        assertThat(failed.get("state")).as(failed.body()).isEqualTo("FAILED");
        assertThat(failed.get("code")).isEqualTo("signing.remote.timed-out");
        assertThat(decisions.laterVersionsOf(id)).isZero();
    }

    @Test
    void aSignatureClaimedByANodeThatStoppedIsFinishedOnceItsLeaseRunsOut() {
        String id = decisions.issue();
        String rid = (String) start(id).get("id");
        jdbc.sql("update remote_signature set leased_until = now() + interval '1 hour' where id = ?::uuid")
                .param(rid)
                .update();
        SERVICE.confirmOnThePhone();
        int polls = SERVICE.pollsOf(rid);
        jdbc.sql("update remote_signature set leased_until = now() - interval '1 second' where id = ?::uuid")
                .param(rid)
                .update();

        var signed = outcome(rid);

        assertThat(signed.get("state")).as(signed.body()).isEqualTo("SIGNED");
        assertThat(SERVICE.pollsOf(rid)).isGreaterThan(polls);
        assertThat(decisions.laterVersionsOf(id)).isEqualTo(1);
    }

    @Test
    void anotherOfficialCannotReadTheChairmansRemoteSignature() {
        String rid = (String) start(decisions.issue()).get("id");

        var refused = deputy.get("/api/v1/remote-signatures/" + rid);

        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(refused.get("code")).isEqualTo("signing.remote.not-found");
    }

    @Test
    void aWrongSignatureValueFromTheServiceFailsTheSignatureAndNothingIsStored() {
        String id = decisions.issue();
        String rid = (String) start(id).get("id");
        SERVICE.signsWrongly();

        SERVICE.confirmOnThePhone();

        var failed = outcome(rid);
        assertThat(failed.get("state")).as(failed.body()).isEqualTo("FAILED");
        assertThat(failed.get("code")).isEqualTo("signing.session.wrong-signature-value");
        assertThat(Poppler.pdfsig(decisions.mainFile(id))).isEmpty();
        assertThat(decisions.laterVersionsOf(id)).isZero();
    }

    @Test
    void aSealedDecisionIsRefusedBeforeTheServiceIsAskedToSignItAgain() {
        new TestSigners(jdbc, certificates).organization(committee.id(), committee.name());
        String id = decisions.issue();
        String rid = (String) start(id).get("id");
        SERVICE.confirmOnThePhone();
        assertThat(outcome(rid).get("state")).isEqualTo("SIGNED");
        assertThat(clerk.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "ORGANIZATION"))
                        .status())
                .isEqualTo(201);
        int signHashCalls = SERVICE.signHashCalls();

        var refused = start(id);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.get("code")).isEqualTo("signing.document.sealed");
        assertThat(SERVICE.signHashCalls()).isEqualTo(signHashCalls);
        assertThat(decisions.laterVersionsOf(id)).isEqualTo(2);
    }

    ApiClient.Answer start(String documentId) {
        return chairman.postJson("/api/v1/documents/" + documentId + "/remote-signatures", Map.of("kind", "PERSONAL"));
    }

    /** The remote signature once it is no longer pending. */
    ApiClient.Answer outcome(String rid) {
        String path = "/api/v1/remote-signatures/" + rid;
        eventually(() -> !"PENDING".equals(chairman.get(path).get("state")));
        return chairman.get(path);
    }

    /**
     * Runs the poller as its schedule would until the condition holds, giving up after a minute (a
     * bound against hanging, not a speed claim).
     */
    void eventually(BooleanSupplier condition) {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        while (!condition.getAsBoolean()) {
            polling.pollDue();
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("The condition never held");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
