package vn.congvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.PdfSignatureFieldPositionChecker;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.Poppler;
import vn.congvan.SamplePdf;
import vn.congvan.TestPki;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.pki.IssuedCertificate;

/**
 * The chairman signs on his USB token through the desktop signing plug-in. The test plays the
 * plug-in: it downloads the PDF from the one-time address, signs it with DSS and the token's key as
 * an incremental update, and posts it to the upload handler, which keeps only what it must.
 */
@CongVanTest
class PluginSigningTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final char[] PIN = "123456".toCharArray();

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
    Decisions decisions;
    IssuedCertificate chairmansToken;
    IssuedCertificate deputysToken;
    IssuedCertificate unitsToken;
    RestClient plugin;

    @BeforeEach
    void aChairmanWithHisTokenAndThePlugin() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestSigners signers = new TestSigners(jdbc, certificates);
        committee = province.aUnit("Ủy ban nhân dân huyện Tân Yên", "UBND");
        String chairmanName = province.anOfficial("Trần Văn Hùng", Role.LEADER, committee.id());
        String deputyName = province.anOfficial("Lê Thị Phó", Role.DEPUTY_LEADER, committee.id());
        String clerkName = province.anOfficial("Phạm Thị Văn Thư", Role.CLERK, committee.id());
        chairmansToken = signers.personalKeptByTheSigner(chairmanName, committee.id(), committee.name());
        deputysToken = signers.personalKeptByTheSigner(deputyName, committee.id(), committee.name());
        unitsToken = signers.organizationKeptByTheClerk(committee.id(), committee.name(), clerkName);
        chairman = new ApiClient(port, province.tokenFor(chairmanName));
        clerk = new ApiClient(port, province.tokenFor(clerkName));
        decisions = new Decisions(clerk, jdbc, committee.id(), "Trần Văn Hùng");
        plugin = RestClient.create();
    }

    @Test
    void theChairmansTokenSignsThroughThePluginAndTheServerKeepsTheSignedVersion() {
        String id = decisions.issue();

        Map<String, Object> start = start(id);
        assertThat(start.get("operation")).isEqualTo("vgca_sign_approved");
        Map<String, Object> request = request(start);
        assertThat((String) request.get("FileDownloadUrl")).startsWith("http://localhost:" + port + "/plugin/files/");
        assertThat(request.get("FileUploadHandler")).isEqualTo("http://localhost:" + port + "/plugin/uploads");
        assertThat(signature(request).get("Page")).isEqualTo(1);
        assertThat(signature(request).get("Text")).asString().contains("Trần Văn Hùng");
        assertThat(Base64.getDecoder().decode((String) signature(request).get("Image")))
                .startsWith(0x89, 'P', 'N', 'G');

        Download first = download(request);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).isEqualTo("application/pdf");
        assertThat(first.bytes()).isEqualTo(decisions.mainFile(id));
        assertThat(download(request).status()).as("a second download").isEqualTo(404);

        Map<String, Object> answer = uploadWithBearer(request, signedBy(chairmansToken, first.bytes(), request));

        assertThat(answer.get("Status")).as(answer.toString()).isEqualTo(0);
        assertThat(answer.get("Version")).isEqualTo(2);
        assertThat((String) answer.get("FileServer")).contains("/api/v1/documents/" + id + "/files/");
        byte[] main = decisions.mainFile(id);
        assertThat(Arrays.copyOf(main, first.bytes().length)).isEqualTo(first.bytes());
        var report =
                clerk.upload(HttpMethod.POST, "/api/v1/signature-validations", "file", FilePart.pdf("qd.pdf", main));
        assertThat(DocumentSigningTests.signatures(report.json()))
                .singleElement()
                .satisfies(s -> {
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
    void theClerkSealsWithTheUnitsTokenOverTheChairmansSignature() {
        String id = decisions.issue();
        Map<String, Object> personal = request(start(id));
        assertThat(upload(personal, signedBy(chairmansToken, download(personal).bytes(), personal))
                        .get("Status"))
                .isEqualTo(0);

        Map<String, Object> start = start(clerk, id, "ORGANIZATION");
        assertThat(start.get("operation")).isEqualTo("vgca_sign_issued");
        Map<String, Object> seal = request(start);
        assertThat(seal.get("DocumentNumber")).asString().endsWith("/QĐ-UBND");
        assertThat(signature(seal).get("Width")).isEqualTo(signature(seal).get("Height"));
        byte[] signedOnce = download(seal).bytes();

        Map<String, Object> refused = upload(seal, signedBy(chairmansToken, signedOnce, seal));
        assertThat(refused.get("Code")).as(refused.toString()).isEqualTo("signing.certificate.not-the-units");
        Map<String, Object> answer = upload(seal, signedBy(unitsToken, signedOnce, seal));

        assertThat(answer.get("Status")).as(answer.toString()).isEqualTo(0);
        assertThat(answer.get("Version")).isEqualTo(3);
        var report = clerk.upload(
                HttpMethod.POST,
                "/api/v1/signature-validations",
                "file",
                FilePart.pdf("qd.pdf", decisions.mainFile(id)));
        assertThat(DocumentSigningTests.signatures(report.json()))
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.get("result")).as(s.toString()).isEqualTo("TOTAL_PASSED"));
    }

    @Test
    void thePluginIsHandedNoSealedDecisionToSignAgain() {
        String id = decisions.issue();
        Map<String, Object> personal = request(start(id));
        assertThat(upload(personal, signedBy(chairmansToken, download(personal).bytes(), personal))
                        .get("Status"))
                .isEqualTo(0);
        Map<String, Object> seal = request(start(clerk, id, "ORGANIZATION"));
        assertThat(upload(seal, signedBy(unitsToken, download(seal).bytes(), seal))
                        .get("Status"))
                .isEqualTo(0);

        var again = chairman.postJson("/api/v1/documents/" + id + "/plugin-signatures", Map.of("kind", "PERSONAL"));
        var sealAgain =
                clerk.postJson("/api/v1/documents/" + id + "/plugin-signatures", Map.of("kind", "ORGANIZATION"));

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.get("code")).isEqualTo("signing.document.sealed");
        assertThat(sealAgain.status()).as(sealAgain.body()).isEqualTo(409);
        assertThat(sealAgain.get("code")).isEqualTo("signing.document.sealed");
        assertThat(decisions.laterVersionsOf(id)).isEqualTo(2);
    }

    @Test
    void onlyTheUnitsClerkMayStartTheOrganizationSignature() {
        var refused = chairman.postJson(
                "/api/v1/documents/" + decisions.issue() + "/plugin-signatures", Map.of("kind", "ORGANIZATION"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.get("code")).isEqualTo("signing.organization.clerk-only");
    }

    @Test
    void aDifferentDocumentSentBackIsRefused() {
        String id = decisions.issue();
        Map<String, Object> request = request(start(id));
        download(request);
        byte[] another = SamplePdf.withText("QUYẾT ĐỊNH", "Về một việc khác");

        assertRefused(id, upload(request, signedBy(chairmansToken, another, request)), "signing.plugin.other-document");
    }

    @Test
    void aSignatureByAnotherOfficialsRegisteredTokenIsRefused() {
        String id = decisions.issue();
        Map<String, Object> request = request(start(id));

        assertRefused(
                id,
                upload(request, signedBy(deputysToken, download(request).bytes(), request)),
                "signing.certificate.not-holder");
    }

    @Test
    void aSignatureByAnUnregisteredCertificateIsRefused() {
        String id = decisions.issue();
        Map<String, Object> request = request(start(id));
        IssuedCertificate unregistered = TestPki.shared().person("Trần Văn Hùng", committee.name());

        assertRefused(
                id,
                upload(request, signedBy(unregistered, download(request).bytes(), request)),
                "signing.plugin.certificate-unregistered");
    }

    @Test
    void contentAddedAfterTheSignatureIsRefused() {
        String id = decisions.issue();
        Map<String, Object> request = request(start(id));
        byte[] signed = signedBy(chairmansToken, download(request).bytes(), request);

        assertRefused(id, upload(request, withTextAdded(signed)), "signing.plugin.content-after-signature");
    }

    @Test
    void contentChangedUnderTheNewSignatureIsRefused() {
        String id = decisions.issue();
        Map<String, Object> request = request(start(id));
        byte[] changed = withTextAdded(download(request).bytes());

        assertRefused(
                id, upload(request, signedBy(chairmansToken, changed, request)), "signing.plugin.content-changed");
    }

    @Test
    void twoNewSignaturesAreRefused() {
        String id = decisions.issue();
        Map<String, Object> request = request(start(id));
        byte[] once = signedBy(chairmansToken, download(request).bytes(), request);

        assertRefused(id, upload(request, signedBy(chairmansToken, once, null)), "signing.plugin.one-signature");
    }

    @Test
    void aSessionServesOnce() {
        String id = decisions.issue();
        Map<String, Object> request = request(start(id));
        byte[] signed = signedBy(chairmansToken, download(request).bytes(), request);
        assertThat(upload(request, signed).get("Status")).isEqualTo(0);

        Map<String, Object> again = upload(request, signed);

        assertThat(again.get("Status")).isEqualTo(409);
        assertThat(again.get("Code")).isEqualTo("signing.session.used");
        assertThat(decisions.laterVersionsOf(id)).isEqualTo(1);
    }

    @Test
    void aFileSignedMeanwhileIsNotReplacedByAnOlderSession() {
        String id = decisions.issue();
        Map<String, Object> older = request(start(id));
        Map<String, Object> newer = request(start(id));
        byte[] signedFromOlder = signedBy(chairmansToken, download(older).bytes(), older);
        assertThat(upload(newer, signedBy(chairmansToken, download(newer).bytes(), newer))
                        .get("Status"))
                .isEqualTo(0);

        Map<String, Object> refused = upload(older, signedFromOlder);

        assertThat(refused.get("Code")).as(refused.toString()).isEqualTo("signing.session.file-changed");
        assertThat(refused.get("Status")).isEqualTo(409);
        assertThat(decisions.laterVersionsOf(id)).isEqualTo(1);
    }

    @Test
    void anExpiredSessionIsRefused() {
        String id = decisions.issue();
        Map<String, Object> start = start(id);
        Map<String, Object> request = request(start);
        byte[] signed = signedBy(chairmansToken, download(request).bytes(), request);
        jdbc.sql("update plugin_session set expires_at = now() - interval '1 minute' where id = ?::uuid")
                .param(start.get("sessionId"))
                .update();

        assertRefused(id, upload(request, signed), "signing.session.expired");
    }

    @Test
    void anExpiredDownloadAddressServesNothing() {
        Map<String, Object> start = start(decisions.issue());
        jdbc.sql("update plugin_session set expires_at = now() - interval '1 minute' where id = ?::uuid")
                .param(start.get("sessionId"))
                .update();

        assertThat(download(request(start)).status()).isEqualTo(404);
    }

    @Test
    void somethingElseThanAPdfIsRefused() {
        String id = decisions.issue();
        Map<String, Object> request = request(start(id));

        assertRefused(
                id,
                upload(request, "<html>not signed</html>".getBytes(StandardCharsets.UTF_8)),
                "signing.file.not-pdf");
    }

    @Test
    void anUploadOverTheConfiguredLimitIsRefused() {
        String id = decisions.issue();
        Map<String, Object> request = request(start(id));
        byte[] large = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 9);

        assertRefused(id, upload(request, large), "signing.plugin.too-large");
    }

    @Test
    void anUploadWithoutTheSessionTokenIsRefused() {
        String id = decisions.issue();
        Map<String, Object> request = request(start(id));
        byte[] signed = signedBy(chairmansToken, download(request).bytes(), request);
        request.put("SessionId", "not-the-token");

        assertRefused(id, upload(request, signed), "signing.plugin.session-unknown");
    }

    void assertRefused(String documentId, Map<String, Object> answer, String code) {
        assertThat(answer.get("Code")).as(answer.toString()).isEqualTo(code);
        assertThat(answer.get("Status")).isNotEqualTo(0);
        assertThat((String) answer.get("Message")).isNotBlank().doesNotContain(code);
        assertThat(decisions.laterVersionsOf(documentId)).isZero();
    }

    Map<String, Object> start(String documentId) {
        return start(chairman, documentId, "PERSONAL");
    }

    Map<String, Object> start(ApiClient official, String documentId, String kind) {
        var started = official.postJson("/api/v1/documents/" + documentId + "/plugin-signatures", Map.of("kind", kind));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> request(Map<String, Object> start) {
        return (Map<String, Object>) start.get("request");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> signature(Map<String, Object> request) {
        return (Map<String, Object>) request.get("Signature");
    }

    record Download(int status, String contentType, byte[] bytes) {}

    Download download(Map<String, Object> request) {
        return plugin.get()
                .uri((String) request.get("FileDownloadUrl"))
                .exchange((req, res) -> new Download(
                        res.getStatusCode().value(),
                        String.valueOf(res.getHeaders().getContentType()),
                        res.getBody().readAllBytes()));
    }

    /** Posts the signed PDF as the plug-in does, the session's token in the SessionId field. */
    Map<String, Object> upload(Map<String, Object> request, byte[] pdf) {
        LinkedMultiValueMap<String, Object> body = form(pdf);
        body.add("SessionId", request.get("SessionId"));
        return post(request, body, new HttpHeaders());
    }

    /** The same with the token as a bearer token, as plug-ins configured with a JWTToken send it. */
    Map<String, Object> uploadWithBearer(Map<String, Object> request, byte[] pdf) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth((String) request.get("JWTToken"));
        return post(request, form(pdf), headers);
    }

    private Map<String, Object> post(
            Map<String, Object> request, LinkedMultiValueMap<String, Object> body, HttpHeaders headers) {
        return plugin.post()
                .uri((String) request.get("FileUploadHandler"))
                .headers(h -> h.addAll(headers))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body)
                .exchange((req, res) -> {
                    assertThat(res.getStatusCode().value()).isEqualTo(200);
                    return JSON.readValue(res.getBody().readAllBytes(), Map.class);
                });
    }

    private static LinkedMultiValueMap<String, Object> form(byte[] pdf) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.APPLICATION_PDF);
        part.setContentDispositionFormData("uploadfile", "signed.pdf");
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add(
                "uploadfile",
                new HttpEntity<>(
                        new ByteArrayResource(pdf) {
                            @Override
                            public String getFilename() {
                                return "signed.pdf";
                            }
                        },
                        part));
        return body;
    }

    /**
     * What the plug-in does with the token: a PAdES signature by DSS with the token's key, appended
     * as an incremental update, shown where the request says (invisible without a request).
     */
    static byte[] signedBy(IssuedCertificate token, byte[] pdf, Map<String, Object> request) {
        try (Pkcs12SignatureToken connection =
                new Pkcs12SignatureToken(token.pkcs12(PIN), new KeyStore.PasswordProtection(PIN))) {
            DSSPrivateKeyEntry key = connection.getKeys().get(0);
            PAdESSignatureParameters parameters = new PAdESSignatureParameters();
            parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
            parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
            parameters.setSigningCertificate(key.getCertificate());
            parameters.setCertificateChain(key.getCertificateChain());
            if (request != null) {
                Map<String, Object> placement = signature(request);
                SignatureFieldParameters field = new SignatureFieldParameters();
                field.setPage((Integer) placement.get("Page"));
                field.setOriginX(((Number) placement.get("X")).floatValue());
                field.setOriginY(((Number) placement.get("Y")).floatValue());
                field.setWidth(((Number) placement.get("Width")).floatValue());
                field.setHeight(((Number) placement.get("Height")).floatValue());
                SignatureImageParameters image = new SignatureImageParameters();
                image.setFieldParameters(field);
                image.setImage(new InMemoryDocument(Base64.getDecoder().decode((String) placement.get("Image"))));
                parameters.setImageParameters(image);
            }
            PAdESService service = new PAdESService(new CommonCertificateVerifier());
            // The seal overlaps the personal signature, as the decree lays it out.
            PdfSignatureFieldPositionChecker overlapAllowed = new PdfSignatureFieldPositionChecker();
            overlapAllowed.setAlertOnSignatureFieldOverlap(new SilentOnStatusAlert());
            PdfBoxNativeObjectFactory pdfs = new PdfBoxNativeObjectFactory();
            pdfs.setPdfSignatureFieldPositionChecker(overlapAllowed);
            service.setPdfObjFactory(pdfs);
            DSSDocument document = new InMemoryDocument(pdf);
            ToBeSigned data = service.getDataToSign(document, parameters);
            SignatureValue value = connection.sign(data, parameters.getDigestAlgorithm(), key);
            try (InputStream in =
                    service.signDocument(document, parameters, value).openStream()) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF with a line of text drawn on page 1 in an incremental update of its own. */
    static byte[] withTextAdded(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            try (PDPageContentStream content =
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(60, 60);
                content.showText("Amended after signing");
                content.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
