package vn.congvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.PagesAs;
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

    static final JsonMapper JSON = JsonMapper.builder().build();

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

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService officials;

    final TestPki pki = TestPki.shared();
    TestProvince province;
    TestProvince.Unit committee;
    String chairmanName;
    String deputyName;
    ApiClient chairman;
    ApiClient deputy;
    ApiClient clerk;
    Decisions decisions;
    IssuedCertificate chairmansSim;
    String credential;

    @BeforeEach
    void aChairmanWhoseKeyIsOnHisPkiSim() {
        SERVICE.reset();
        province = new TestProvince(jdbc, encoder, port);
        committee = province.aUnit("Ủy ban nhân dân huyện Yên Thế", "UBND");
        chairmanName = province.anOfficial("Nguyễn Văn Thế", Role.LEADER, committee.id());
        chairman = new ApiClient(port, province.tokenFor(chairmanName));
        deputyName = province.anOfficial("Hoàng Thị Phó", Role.DEPUTY_LEADER, committee.id());
        deputy = new ApiClient(port, province.tokenFor(deputyName));
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

    // The signing page: the same signatures started and followed by a signed-in official's browser.

    @Test
    void theChairmanSignsWithHisSimFromTheDocumentPageWaitsAndIsLedToTheSignedDocument() throws Exception {
        String id = decisions.issue();
        PagesAs pages = new PagesAs(context);
        var section = pages.page("/documents/" + id + "/signing", chairmanName);
        assertThat(section.select("form.remote-signing button").text()).isEqualTo("Ký bằng SIM PKI");
        assertThat(section.text())
                .as("his key is on the SIM only: no server signature that could only be refused")
                .doesNotContain("Ký số cá nhân");

        var started = pressTheSimButton(id, chairmanName);

        String waitPage = started.redirectedTo();
        assertThat(waitPage).as(started.flash().toString()).startsWith("/remote-signatures/");
        String rid = rid(waitPage);
        var wait = pages.page(waitPage, chairmanName);
        assertThat(wait.select("#remote-wait h2").text()).isEqualTo("Xác nhận trên điện thoại của bạn");
        assertThat(wait.select("#remote-time-left").text()).matches("[45]:[0-5]\\d");
        assertThat(wait.select("#remote-wait").attr("data-status-url")).isEqualTo(waitPage + "/status");
        assertThat(wait.select("script"))
                .as("CSP: no inline script")
                .allSatisfy(script -> assertThat(script.attr("src")).isNotBlank());
        Map<String, Object> status = status(rid, chairmanName, "vi");
        assertThat(status.get("state")).isEqualTo("PENDING");
        assertThat(status.get("message")).isEqualTo("Hãy xác nhận ký trên điện thoại.");
        assertThat(((Number) status.get("secondsLeft")).longValue()).isBetween(200L, 300L);
        var whileWaiting = pages.page("/documents/" + id + "/signing", chairmanName);
        assertThat(whileWaiting.select(".waiting-on-phone a").attr("href")).isEqualTo(waitPage);
        assertThat(whileWaiting.select("form.remote-signing"))
                .as("one wait at a time")
                .isEmpty();

        SERVICE.confirmOnThePhone();
        eventually(() -> "SIGNED".equals(status(rid, chairmanName, "vi").get("state")));

        MvcResult signed = getAs(waitPage, chairmanName);
        assertThat(signed.getResponse().getRedirectedUrl()).isEqualTo("/documents/" + id + "#step-done");
        assertThat(Map.copyOf(signed.getFlashMap()))
                .containsEntry("stepDoneMessage", "Đã ký số bằng SIM PKI: chữ ký đã được thêm vào văn bản.");
        assertThat(decisions.laterVersionsOf(id)).isEqualTo(1);
        assertThat(Poppler.pdfsig(decisions.mainFile(id)))
                .singleElement()
                .satisfies(s -> assertThat(s).contains("Signature Validation: Signature is Valid."));
        assertThat(pages.page("/documents/" + id + "/signing", chairmanName).select("form.remote-signing"))
                .as("signed: no second personal signature offered")
                .isEmpty();
    }

    @Test
    void aSecondPressWhileTheFirstSignatureWaitsAsksThePhoneNothingMore() throws Exception {
        String id = decisions.issue();
        int signHashCalls = SERVICE.signHashCalls();
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<ApiClient.Answer>> presses;
        try {
            // Two presses at the same moment, as a double click sends them when the page's guard is off.
            presses = two.invokeAll(List.<Callable<ApiClient.Answer>>of(() -> start(id), () -> start(id)));
        } finally {
            two.shutdown();
        }
        var first = presses.get(0).get();
        var second = presses.get(1).get();
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(second.status()).as(second.body()).isEqualTo(202);
        assertThat(second.get("id")).isEqualTo(first.get("id"));

        var fromThePage = pressTheSimButton(id, chairmanName);

        assertThat(fromThePage.redirectedTo()).isEqualTo("/remote-signatures/" + first.get("id"));
        assertThat(SERVICE.signHashCalls()).isEqualTo(signHashCalls + 1);
        assertThat(jdbc.sql("select count(*) from remote_signature where document_id = ?::uuid")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from signature_session where document_id = ?::uuid")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aSignatureRefusedOnThePhoneIsSaidOnThePageChangesNothingAndCanBeAskedAgain() throws Exception {
        String id = decisions.issue();
        PagesAs pages = new PagesAs(context);
        String waitPage = pressTheSimButton(id, chairmanName).redirectedTo();
        String rid = rid(waitPage);

        SERVICE.refuseOnThePhone();
        eventually(() -> "REFUSED".equals(status(rid, chairmanName, "vi").get("state")));

        assertThat(status(rid, chairmanName, "en").get("message"))
                .isEqualTo("The signer refused on the phone; nothing was signed.");
        var refused = pages.page(waitPage, chairmanName);
        assertThat(refused.select("#remote-wait")).isEmpty();
        assertThat(refused.select("#remote-problem").text())
                .isEqualTo("Người ký đã từ chối trên điện thoại; văn bản chưa được ký.");
        assertThat(refused.select("#remote-retry button").text()).isEqualTo("Ký lại bằng SIM PKI");
        assertThat(refused.select("#remote-retry input[name=kind]").val()).isEqualTo("PERSONAL");
        assertThat(decisions.laterVersionsOf(id)).isZero();
        assertThat(pages.page("/documents/" + id + "/signing", chairmanName).select("form.remote-signing"))
                .as("offered again on the document's page")
                .hasSize(1);

        var again = pressTheSimButton(id, chairmanName);

        assertThat(again.redirectedTo()).startsWith("/remote-signatures/").isNotEqualTo(waitPage);
        SERVICE.confirmOnThePhone();
        String second = rid(again.redirectedTo());
        eventually(() -> "SIGNED".equals(status(second, chairmanName, "vi").get("state")));
        assertThat(decisions.laterVersionsOf(id)).isEqualTo(1);
    }

    @Test
    void aSignatureNobodyConfirmsInTimeIsSaidOnThePageAndTheDocumentIsUnchanged() throws Exception {
        String id = decisions.issue();
        PagesAs pages = new PagesAs(context);
        String waitPage = pressTheSimButton(id, chairmanName).redirectedTo();
        String rid = rid(waitPage);
        jdbc.sql("update remote_signature set deadline = now() - interval '1 second' where id = ?::uuid")
                .param(rid)
                .update();
        assertThat(((Number) status(rid, chairmanName, "vi").get("secondsLeft")).longValue())
                .isZero();

        eventually(() -> "FAILED".equals(status(rid, chairmanName, "vi").get("state")));

        assertThat(pages.page(waitPage, chairmanName).select("#remote-problem").text())
                .isEqualTo("Hết thời gian chờ xác nhận trên điện thoại; văn bản chưa được ký.");
        assertThat(status(rid, chairmanName, "en").get("message"))
                .isEqualTo("Nobody confirmed on the phone in time; nothing was signed.");
        // The signer confirms too late: the service signs, CongVan keeps nothing of it.
        SERVICE.confirmOnThePhone();
        polling.pollDue();
        assertThat(decisions.laterVersionsOf(id)).isZero();
        assertThat(Poppler.pdfsig(decisions.mainFile(id))).isEmpty();
    }

    @Test
    void anotherOfficialCannotFollowTheChairmansSignatureOnThePage() throws Exception {
        String id = decisions.issue();
        String waitPage = pressTheSimButton(id, chairmanName).redirectedTo();

        assertThat(getAs(waitPage + "/status", deputyName).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(getAs(waitPage, deputyName).getResponse().getStatus()).isEqualTo(404);
        assertThat(getAs(waitPage + "/status", chairmanName).getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void anOfficialWhoIsNotTheSignerIsRefusedBeforeThePhoneIsAsked() throws Exception {
        String id = decisions.issue();
        int signHashCalls = SERVICE.signHashCalls();

        var refused = pressTheSimButton(id, deputyName);

        assertThat(refused.redirectedTo()).isEqualTo("/documents/" + id + "#signing");
        assertThat((String) refused.flash().get("stepProblem")).contains("Nguyễn Văn Thế");
        assertThat(SERVICE.signHashCalls()).isEqualTo(signHashCalls);
        assertThat(jdbc.sql("select count(*) from remote_signature where document_id = ?::uuid")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theLastApproverApprovesTheDraftAndSignsOnHisPhoneInOneStep() throws Exception {
        String specialistName = province.anOfficial("Lê Thị Soạn Thảo", Role.SPECIALIST, committee.id());
        ApiClient specialist = new ApiClient(port, province.tokenFor(specialistName));
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", committee.id().toString());
        metadata.put("typeName", "Quyết định");
        metadata.put("subject", "Về việc thành lập đội phản ứng nhanh");
        metadata.put("recipients", List.of(Map.of("organName", "Sở Nội vụ tỉnh Bắc Giang")));
        var created = specialist.multipart(
                "/api/v1/drafts", metadata, FilePart.pdf("du-thao.pdf", DocumentSigningTests.decisionPdf()), List.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String draft = (String) created.get("id");
        var submitted = specialist.postJson("/api/v1/drafts/" + draft + "/submission", Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        PagesAs pages = new PagesAs(context);
        var page = pages.page("/drafts/" + draft, chairmanName);
        assertThat(page.select("#approve-and-sign"))
                .as("the server holds no key of his")
                .isEmpty();
        assertThat(page.select("#approve-and-sign-on-phone").text()).isEqualTo("Duyệt và ký bằng SIM PKI");
        assertThat(page.select("#approve-and-sign-on-phone").attr("data-confirm"))
                .contains("SIM PKI");

        var posted = pages.post(
                "/drafts/" + draft + "/approve-and-sign-on-phone", chairmanName, Map.of("comment", "Đồng ý"));

        assertThat(posted.redirectedTo()).as(posted.flash().toString()).startsWith("/remote-signatures/");
        String rid = rid(posted.redirectedTo());
        var approved = chairman.get("/api/v1/drafts/" + draft);
        assertThat(approved.get("state")).isEqualTo("APPROVED");
        SERVICE.confirmOnThePhone();
        eventually(() -> "SIGNED".equals(status(rid, chairmanName, "vi").get("state")));
        MvcResult signed = getAs(posted.redirectedTo(), chairmanName);
        assertThat(signed.getResponse().getRedirectedUrl())
                .isEqualTo("/documents/" + approved.get("documentId") + "#step-done");
        assertThat(Poppler.pdfsig(Decisions.mainFile(chairman, (String) approved.get("documentId"))))
                .singleElement()
                .satisfies(s -> assertThat(s).contains("Signature Validation: Signature is Valid."));
    }

    /** The official presses "Ký bằng SIM PKI" on the document's page. */
    PagesAs.Posted pressTheSimButton(String documentId, String username) throws Exception {
        return new PagesAs(context)
                .post("/documents/" + documentId + "/remote-signing", username, Map.of("kind", "PERSONAL"));
    }

    /** The remote signature a waiting page follows. */
    static String rid(String waitPage) {
        assertThat(waitPage).startsWith("/remote-signatures/");
        return waitPage.substring("/remote-signatures/".length());
    }

    MvcResult getAs(String path, String username) throws Exception {
        return getAs(path, username, "vi");
    }

    MvcResult getAs(String path, String username, String language) throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        return mvc.perform(MockMvcRequestBuilders.get(path)
                        .with(SecurityMockMvcRequestPostProcessors.user(officials.loadUserByUsername(username)))
                        .cookie(new Cookie("congvan-lang", language)))
                .andReturn();
    }

    /** What the waiting page reads of the signature every few seconds. */
    Map<String, Object> status(String rid, String username, String language) {
        try {
            MvcResult answer = getAs("/remote-signatures/" + rid + "/status", username, language);
            assertThat(answer.getResponse().getStatus()).isEqualTo(200);
            return JSON.readValue(
                    answer.getResponse().getContentAsString(StandardCharsets.UTF_8), new TypeReference<>() {});
        } catch (Exception e) {
            throw new AssertionError(e);
        }
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
