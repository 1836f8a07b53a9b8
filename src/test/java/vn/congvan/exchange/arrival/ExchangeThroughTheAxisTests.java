package vn.congvan.exchange.arrival;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.Browser;
import vn.congvan.CongVanTest;
import vn.congvan.InTheBrowser;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.exchange.axis.AxisConsole;
import vn.congvan.exchange.axis.AxisOutbox;
import vn.congvan.exchange.axis.AxisPackageKind;
import vn.congvan.exchange.axis.AxisPackageReceived;
import vn.congvan.exchange.axis.InboxEntry;
import vn.congvan.exchange.axis.OutboxEntry;
import vn.congvan.exchange.edxml.Business;
import vn.congvan.exchange.edxml.BusinessDocType;
import vn.congvan.exchange.edxml.DocumentCode;
import vn.congvan.exchange.edxml.DocumentKind;
import vn.congvan.exchange.edxml.Edxml;
import vn.congvan.exchange.edxml.EdxmlAttachment;
import vn.congvan.exchange.edxml.EdxmlDocument;
import vn.congvan.exchange.edxml.EdxmlPackage;
import vn.congvan.exchange.edxml.EdxmlStatus;
import vn.congvan.exchange.edxml.MessageHeader;
import vn.congvan.exchange.edxml.Organisation;
import vn.congvan.exchange.edxml.OtherInfo;
import vn.congvan.exchange.edxml.Reference;
import vn.congvan.exchange.edxml.ResponseFor;
import vn.congvan.exchange.edxml.SignerInfo;
import vn.congvan.exchange.edxml.TraceHeader;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.SafeFileName;
import vn.congvan.storage.StoredBlob;

/**
 * The office side of the axis: what the poller stores reaches the clerk's tray once, each of the
 * clerk's and the handlers' steps answers the sender with its status package, and documents issued
 * to outside bodies leave through the outbox while their statuses come back. The hub itself is
 * unreachable here (the outbox keeps what it could not send); the three-process test covers the wire.
 */
@CongVanTest
@DirtiesContext
@TestPropertySource(
        properties = {
            "congvan.exchange.axis.url=http://127.0.0.1:9",
            "congvan.exchange.axis.system-id=office",
            "congvan.exchange.axis.secret=a-secret-nobody-checks-here",
            "congvan.exchange.axis.poll-interval=PT1H",
            "congvan.exchange.axis.directory-interval=PT1H",
            "congvan.exchange.axis.retry-initial=PT1H"
        })
@InTheBrowser
class ExchangeThroughTheAxisTests {

    private static final String MINISTRY = "000.00.99.G99";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Edxml edxml;

    @Autowired
    Blobs blobs;

    @Autowired
    AxisOutbox outbox;

    @Autowired
    AxisConsole console;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    /**
     * The hub of this test never answers, and the outbox sends strictly in order: what this test
     * queued would hold up the packages of the tests that come after it on the same database.
     */
    @org.junit.jupiter.api.AfterEach
    void nothingLeftInLineForTheNextTests() {
        jdbc.sql("""
                        update axis_outbox set state = 'FAILED', last_error = 'left by ExchangeThroughTheAxisTests'
                        where state in ('QUEUED', 'SENDING')""").update();
    }

    @Test
    void aDocumentArrivingOverTheAxisWaitsForTheClerkAndEachStepAnswersTheSender() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit justice = province.aUnit("Sở Tư pháp", "STP");
        ApiClient clerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Văn Thư Tư Pháp", Role.CLERK, justice.id())));
        ApiClient director = new ApiClient(
                port, province.tokenFor(province.anOfficial("Giám Đốc Tư Pháp", Role.LEADER, justice.id())));
        String specialist = province.anOfficial("Chuyên Viên Tư Pháp", Role.SPECIALIST, justice.id());
        String documentId = MINISTRY + ",2026/12/01," + uniqueNumber() + "/BTP-VP";

        AxisPackageReceived received = received(aPackage(documentId, justice, BusinessDocType.NEW, ""));
        Map<?, ?> arrival = await(() -> trayEntry(clerk, documentId));

        assertThat(arrival.get("fromOrganName")).isEqualTo("Bộ Tư pháp");
        assertThat(arrival.get("subject")).isEqualTo("Về việc hướng dẫn công tác hộ tịch");
        assertThat(arrival.get("signatureVerdict")).isEqualTo("UNSIGNED");
        assertThat(arrival.get("flagged")).isEqualTo(true);
        String arrivalId = (String) arrival.get("id");
        assertThat(statusesSent(arrivalId)).containsExactly("01");

        publish(received);
        publish(received(aPackage(documentId, justice, BusinessDocType.NEW, "")));
        Thread.sleep(1500);
        assertThat(clerk.get("/api/v1/units/" + justice.id() + "/electronic-arrivals")
                        .list())
                .hasSize(1);

        ApiClient otherClerk = new ApiClient(
                port,
                province.tokenFor(province.anOfficial(
                        "Văn Thư Khác",
                        Role.CLERK,
                        province.aUnit("Sở Xây dựng", "SXD").id())));
        assertThat(otherClerk
                        .postJson("/api/v1/electronic-arrivals/" + arrivalId + "/registration", Map.of())
                        .status())
                .isEqualTo(404);
        var registered = clerk.postJson("/api/v1/electronic-arrivals/" + arrivalId + "/registration", Map.of());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.get("documentId")).isEqualTo(documentId);
        assertThat(registered.get("organName")).isEqualTo("Bộ Tư pháp");
        assertThat(statusesSent(arrivalId)).containsExactly("01", "03");
        assertThat(clerk.postJson("/api/v1/electronic-arrivals/" + arrivalId + "/registration", Map.of())
                        .get("code"))
                .isEqualTo("exchange.arrival.not-waiting");

        var assigned = director.postJson(
                "/api/v1/documents/" + registered.get("id") + "/handling/assignment",
                Map.of("leadId", province.personId(specialist).toString()));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        await(() -> statusesSent(arrivalId).size() == 3 ? "" : null);
        assertThat(statusesSent(arrivalId)).containsExactly("01", "03", "04");

        publish(received(aPackage(documentId, justice, BusinessDocType.REVOKE, "Ban hành nhầm đối tượng")));
        Map<?, ?> request = await(() -> {
            Map<?, ?> entry = trayEntry(clerk, documentId);
            return entry != null && "REVOKE_REQUESTED".equals(entry.get("state")) ? entry : null;
        });
        assertThat(request.get("revokeReason")).isEqualTo("Ban hành nhầm đối tượng");
        var accepted = clerk.postJson("/api/v1/electronic-arrivals/" + arrivalId + "/revocation-acceptance", Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.get("state")).isEqualTo("REVOKED");
        assertThat(clerk.get("/api/v1/documents/" + registered.get("id")).get("status"))
                .isEqualTo("REVOKED");
        assertThat(statusesSent(arrivalId)).containsExactly("01", "03", "04", "15");
    }

    @Test
    void aPackageAddressedToNoUnitHereIsFlaggedToTheItOfficerInTheInboxNotSilentlyTaken() throws Exception {
        TestProvince.Unit elsewhere =
                new TestProvince.Unit(UUID.randomUUID(), "Sở Tư pháp tỉnh khác", "STP", "000.00.77.H98");
        String documentId = MINISTRY + ",2026/12/01," + uniqueNumber() + "/BTP-VP";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        edxml.write(aPackage(documentId, elsewhere, BusinessDocType.NEW, ""), out);
        StoredBlob blob = blobs.store(new ByteArrayInputStream(out.toByteArray()));
        UUID inboxId = UUID.randomUUID();
        String hubId = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into axis_inbox (id, hub_id, kind, document_id, business_type, from_organ_id, sha256,
                          size, state, received_at) values (?, ?, 'DOCUMENT', ?, 0, ?, ?, ?, 'RECEIVED', now())""")
                .params(inboxId, hubId, documentId, MINISTRY, blob.sha256(), blob.size())
                .update();

        publish(new AxisPackageReceived(
                inboxId, hubId, AxisPackageKind.DOCUMENT, documentId, MINISTRY, blob.sha256(), blob.size()));

        InboxEntry entry = await(() ->
                console.inboxEntry(inboxId).filter(e -> e.reason() != null).orElse(null));
        assertThat(entry.reason()).contains("000.00.77.H98").contains("không đơn vị nào");
        assertThat(jdbc.sql("select count(*) from electronic_arrival where edxml_document_id = ?")
                        .param(documentId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aPackageOverTheAxisHoldingOnlyAZippedWordFileIsRegisteredAsSuchAndTheSenderIsToldAsForAnyArrival()
            throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit finance = province.aUnit("Sở Tài chính", "STC");
        ApiClient clerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Văn Thư Tài Chính", Role.CLERK, finance.id())));
        String documentId = MINISTRY + ",2026/12/01," + uniqueNumber() + "/BTP-VP";
        byte[] word = "Bản Word của văn bản, không có bản PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        received(aPackageWithoutPdf(documentId, finance, word));
        Map<?, ?> arrival = await(() -> trayEntry(clerk, documentId));
        String arrivalId = (String) arrival.get("id");
        assertThat(arrival.get("signatureVerdict")).isEqualTo("UNSIGNED");
        assertThat(statusesSent(arrivalId)).containsExactly("01");

        var registered = clerk.postJson("/api/v1/electronic-arrivals/" + arrivalId + "/registration", Map.of());

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.get("noSignedPdf")).isEqualTo(true);
        assertThat((List<?>) registered.get("files"))
                .singleElement()
                .satisfies(f -> assertThat(((Map<?, ?>) f).get("fileName")).isEqualTo("cong-van.doc"));
        List<EdxmlStatus> sent = statusPackages(arrivalId);
        assertThat(sent).extracting(EdxmlStatus::statusCode).containsExactly("01", "03");
        assertThat(sent.get(1).description()).isEqualTo("Đã vào sổ đến số " + registered.get("arrivalNumber"));
        assertThat(sent.get(1).responseFor().documentId()).isEqualTo(documentId);
    }

    @Test
    void aPackageWhosePdfDecodesToAGigabyteWaitsInTheTrayNotCheckedAndCannotBeRegistered() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit finance = province.aUnit("Sở Tài chính", "STC");
        ApiClient clerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Văn Thư Tài Chính", Role.CLERK, finance.id())));
        String documentId = MINISTRY + ",2026/12/01," + uniqueNumber() + "/BTC-VP";
        byte[] bomb = vn.congvan.DecompressionBombs.aPdfWhoseObjectStreamDecodesTo(1024, false);

        received(aPackage(documentId, finance, BusinessDocType.NEW, "", bomb));
        Map<?, ?> arrival = await(() -> trayEntry(clerk, documentId));

        assertThat(arrival.get("signatureVerdict")).isEqualTo("TOO_LARGE");
        assertThat(arrival.get("flagged")).isEqualTo(true);
        var registered = clerk.postJson("/api/v1/electronic-arrivals/" + arrival.get("id") + "/registration", Map.of());
        assertThat(registered.status()).as(registered.body()).isEqualTo(400);
        assertThat(registered.body()).contains("registry.file.too-large");
    }

    @Test
    void theClerkRefusesAnArrivalWithAReasonThatReachesTheSenderAsStatus02() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit health = province.aUnit("Sở Y tế", "SYT");
        ApiClient clerk =
                new ApiClient(port, province.tokenFor(province.anOfficial("Văn Thư Y Tế", Role.CLERK, health.id())));
        String documentId = MINISTRY + ",2026/12/01," + uniqueNumber() + "/BTP-VP";
        received(aPackage(documentId, health, BusinessDocType.NEW, ""));
        String arrivalId = (String) await(() -> trayEntry(clerk, documentId)).get("id");

        var withoutReason = clerk.inEnglish()
                .postJson("/api/v1/electronic-arrivals/" + arrivalId + "/refusal", Map.of("comment", " "));
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.get("detail")).isEqualTo("A reason is required.");
        var refused = clerk.postJson(
                "/api/v1/electronic-arrivals/" + arrivalId + "/refusal",
                Map.of("comment", "Gửi nhầm đơn vị, đề nghị gửi Sở Tư pháp"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.get("state")).isEqualTo("REFUSED");
        List<EdxmlStatus> sent = statusPackages(arrivalId);
        assertThat(sent).extracting(EdxmlStatus::statusCode).containsExactly("01", "02");
        EdxmlStatus refusal = sent.get(1);
        assertThat(refusal.description()).isEqualTo("Gửi nhầm đơn vị, đề nghị gửi Sở Tư pháp");
        assertThat(refusal.responseFor().documentId()).isEqualTo(documentId);
        assertThat(refusal.responseFor().organId()).isEqualTo(MINISTRY);
        assertThat(refusal.from().organId())
                .isEqualTo(jdbc.sql("select coalesce(code, legacy_code) from unit where id = ?")
                        .param(health.id())
                        .query(String.class)
                        .single());
        assertThat(refusal.staffInfo().staff()).isEqualTo("Văn Thư Y Tế");
        OutboxEntry entry = outbox.entriesFor("arrival:" + arrivalId).get(1);
        assertThat(entry.kind()).isEqualTo(AxisPackageKind.STATUS);
        assertThat(entry.recipients()).containsExactly(MINISTRY);
        assertThat(clerk.get("/api/v1/electronic-arrivals").list())
                .noneMatch(a -> arrivalId.equals(((Map<?, ?>) a).get("id")));
    }

    @Test
    void anIssuedDocumentLeavesOnceForItsOutsideRecipientsAndTheirStatusesComeBack() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit committee = province.aUnit("Ủy ban nhân dân tỉnh", "UBND");
        TestProvince.Unit finance = province.aUnit("Sở Tài chính", "STC");
        ApiClient clerk =
                new ApiClient(port, province.tokenFor(province.anOfficial("Văn Thư Tỉnh", Role.CLERK, committee.id())));
        String neighbour = "000.00.00.H27";
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", committee.id().toString());
        m.put("typeName", "Công văn");
        m.put("subject", "Về việc phối hợp phòng chống thiên tai");
        m.put(
                "recipients",
                List.of(
                        Map.of("unitId", finance.id().toString()),
                        Map.of("organId", neighbour, "organName", "Ủy ban nhân dân tỉnh Bắc Ninh")));
        var issued = clerk.multipart(
                "/api/v1/documents/outgoing",
                m,
                FilePart.pdf("cong-van.pdf", SamplePdf.withText("CÔNG VĂN", "Phối hợp")),
                List.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String id = (String) issued.get("id");

        var sent = clerk.postJson("/api/v1/documents/" + id + "/exchange", Map.of());
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.list()).singleElement().satisfies(s -> {
            assertThat(((Map<?, ?>) s).get("organId")).isEqualTo(neighbour);
            assertThat(((Map<?, ?>) s).get("state")).isEqualTo("QUEUED");
        });
        clerk.postJson("/api/v1/documents/" + id + "/exchange", Map.of());
        List<OutboxEntry> entries = outbox.entriesFor(id);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AxisPackageKind.DOCUMENT);
            assertThat(e.recipients()).containsExactly(neighbour);
            assertThat(e.documentId()).isEqualTo(issued.get("documentId"));
        });
        try (InputStream in = blobs.open(entries.get(0).sha256());
                EdxmlPackage p = edxml.read(in)) {
            assertThat(p.document().header().to())
                    .extracting(Organisation::organId)
                    .containsExactly(neighbour);
            assertThat(p.attachments()).hasSize(1);
        }

        String edxmlId = (String) issued.get("documentId");
        var imported = clerk.upload(
                HttpMethod.POST,
                "/api/v1/units/" + committee.id() + "/edxml",
                "file",
                new FilePart("status.edxml", statusBytes(edxmlId, neighbour, "03", "Đã vào sổ"), "application/xml"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(stateOf(clerk, id, neighbour)).isEqualTo("REGISTERED");
        publish(receivedStatus(edxmlId, neighbour, "05", "Đang xử lý"));
        await(() -> "IN_PROGRESS".equals(stateOf(clerk, id, neighbour)) ? "" : null);

        var unknown = clerk.upload(
                HttpMethod.POST,
                "/api/v1/units/" + committee.id() + "/edxml",
                "file",
                new FilePart(
                        "status.edxml",
                        statusBytes(MINISTRY + ",2026/01/01,1/KHONG-CO", neighbour, "03", "x"),
                        "application/xml"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.get("code")).isEqualTo("exchange.status.unknown-document");
        var notARecipient = clerk.upload(
                HttpMethod.POST,
                "/api/v1/units/" + committee.id() + "/edxml",
                "file",
                new FilePart("status.edxml", statusBytes(edxmlId, "000.00.00.H01", "03", "x"), "application/xml"));
        assertThat(notARecipient.get("code")).isEqualTo("exchange.status.not-a-recipient");
        assertThat(stateOf(clerk, id, neighbour)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void theClerkSeesTheWarningInTheTrayAndTheItOfficerSeesWhatWaitsForTheHub() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit education = province.aUnit("Sở Giáo dục và Đào tạo", "SGDĐT");
        String clerk = province.anOfficial("Văn Thư Giáo Dục", Role.CLERK, education.id());
        String itOfficer = province.anOfficial("Cán Bộ Tin Học", Role.IT_OFFICER, education.id());
        String documentId = MINISTRY + ",2026/12/01," + uniqueNumber() + "/BTP-VP";
        received(aPackage(documentId, education, BusinessDocType.NEW, ""));
        await(() -> trayEntry(new ApiClient(port, province.tokenFor(clerk)), documentId));

        try (Browser browser = new Browser()) {
            com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
            Page page = signIn(browser, clerk);
            page.navigate("http://localhost:" + port + "/arrivals");
            Locator card = page.locator(".arrival[data-source=axis][data-document='" + documentId + "']");
            assertThat(card.locator(".arrival-warning")).containsText("chữ ký số");
            assertThat(card).containsText("Không có chữ ký số");
            card.locator(".refuse-form input[name=reason]").fill("Văn bản không có chữ ký số");
            card.locator(".refuse-form button").click();
            assertThat(page.locator("#step-done")).isVisible();
            assertThat(page.locator(".arrival[data-document='" + documentId + "']"))
                    .hasCount(0);
            assertThat(page.navigate("http://localhost:" + port + "/exchange/axis")
                            .status())
                    .isEqualTo(403);
            page.context().close();

            page = signIn(browser, itOfficer);
            page.navigate("http://localhost:" + port + "/exchange/axis");
            assertThat(page.locator("main, section").first()).containsText(documentId);
            assertThat(page.locator("#not-configured")).hasCount(0);
            page.context().close();
        }
    }

    private Page signIn(Browser browser, String username) {
        Page page = browser.newPage(false);
        Browser.signIn(page, "http://localhost:" + port + "/login", username);
        assertThat(page.locator("h1")).containsText("Xin chào");
        return page;
    }

    private static String stateOf(ApiClient clerk, String documentId, String organId) {
        return clerk.get("/api/v1/documents/" + documentId + "/recipients").list().stream()
                .map(s -> (Map<?, ?>) s)
                .filter(s -> organId.equals(s.get("organId")))
                .map(s -> (String) s.get("state"))
                .findFirst()
                .orElse(null);
    }

    private static Map<?, ?> trayEntry(ApiClient clerk, String documentId) {
        return clerk.get("/api/v1/electronic-arrivals").list().stream()
                .map(a -> (Map<?, ?>) a)
                .filter(a -> documentId.equals(a.get("documentId")))
                .findFirst()
                .orElse(null);
    }

    private List<String> statusesSent(String arrivalId) {
        return statusPackages(arrivalId).stream().map(EdxmlStatus::statusCode).toList();
    }

    private List<EdxmlStatus> statusPackages(String arrivalId) {
        return outbox.entriesFor("arrival:" + arrivalId).stream()
                .map(e -> {
                    try (InputStream in = blobs.open(e.sha256());
                            EdxmlPackage p = edxml.read(in)) {
                        return p.status();
                    } catch (java.io.IOException x) {
                        throw new java.io.UncheckedIOException(x);
                    }
                })
                .toList();
    }

    private EdxmlPackage aPackage(String documentId, TestProvince.Unit to, BusinessDocType type, String reason) {
        return aPackage(
                documentId, to, type, reason, SamplePdf.withText("CÔNG VĂN", "Về việc hướng dẫn công tác hộ tịch"));
    }

    private EdxmlPackage aPackage(
            String documentId, TestProvince.Unit to, BusinessDocType type, String reason, byte[] pdf) {
        EdxmlAttachment file = new EdxmlAttachment(
                "1",
                SafeFileName.of("huong-dan.pdf"),
                "application/pdf",
                "Văn bản",
                () -> new ByteArrayInputStream(pdf));
        String[] code = documentId.substring(documentId.lastIndexOf(',') + 1).split("/", 2);
        MessageHeader header = new MessageHeader(
                Organisation.of(MINISTRY, "Bộ Tư pháp"),
                List.of(Organisation.of(to.legacyCode(), to.name())),
                documentId,
                new DocumentCode(code[0], code[1]),
                "Hà Nội",
                LocalDate.of(2026, 12, 1),
                new DocumentKind(1, 0, "Công văn"),
                "Về việc hướng dẫn công tác hộ tịch",
                "",
                new SignerInfo("", "Thứ trưởng", "Nguyễn Văn Bộ"),
                null,
                List.of(),
                new OtherInfo(0, "", "", 1, 1, List.of()),
                1,
                null);
        Business business = new Business(type, reason, documentId, false, "", "", List.of(), List.of(), null);
        return EdxmlPackage.ofDocument(
                new EdxmlDocument(
                        header,
                        List.of(new TraceHeader(MINISTRY, LocalDateTime.now(VietnamTime.ZONE))),
                        business,
                        List.of(Reference.of(file))),
                List.of(file));
    }

    /** A package from an older vendor: its only file a Word document sent zipped, no PDF at all. */
    private EdxmlPackage aPackageWithoutPdf(String documentId, TestProvince.Unit to, byte[] word) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("cong-van.doc"));
            out.write(word);
            out.closeEntry();
        }
        byte[] zipped = zip.toByteArray();
        EdxmlAttachment file = new EdxmlAttachment(
                "1",
                SafeFileName.of("cong-van.doc"),
                "application/zip",
                "cong-van.doc",
                () -> new ByteArrayInputStream(zipped));
        String[] code = documentId.substring(documentId.lastIndexOf(',') + 1).split("/", 2);
        MessageHeader header = new MessageHeader(
                Organisation.of(MINISTRY, "Bộ Tư pháp"),
                List.of(Organisation.of(to.legacyCode(), to.name())),
                documentId,
                new DocumentCode(code[0], code[1]),
                "Hà Nội",
                LocalDate.of(2026, 12, 1),
                new DocumentKind(1, 0, "Công văn"),
                "Về việc quyết toán ngân sách",
                "",
                SignerInfo.NONE,
                null,
                List.of(),
                OtherInfo.NONE,
                1,
                null);
        Business business =
                new Business(BusinessDocType.NEW, "", documentId, false, "", "", List.of(), List.of(), null);
        return EdxmlPackage.ofDocument(
                new EdxmlDocument(
                        header,
                        List.of(new TraceHeader(MINISTRY, LocalDateTime.now(VietnamTime.ZONE))),
                        business,
                        List.of(Reference.of(file))),
                List.of(file));
    }

    private byte[] statusBytes(String documentId, String from, String code, String description) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] parts = documentId.substring(documentId.lastIndexOf(',') + 1).split("/", 2);
        edxml.write(
                EdxmlPackage.ofStatus(new EdxmlStatus(
                        new ResponseFor(
                                documentId.substring(0, documentId.indexOf(',')),
                                new DocumentCode(parts[0], parts[1]),
                                null,
                                documentId),
                        Organisation.of(from, "Ủy ban nhân dân tỉnh Bắc Ninh"),
                        code,
                        description,
                        LocalDateTime.now(VietnamTime.ZONE),
                        null)),
                out);
        return out.toByteArray();
    }

    private AxisPackageReceived receivedStatus(String documentId, String from, String code, String description) {
        StoredBlob blob = blobs.store(new ByteArrayInputStream(statusBytes(documentId, from, code, description)));
        return new AxisPackageReceived(
                UUID.randomUUID(),
                UUID.randomUUID().toString(),
                AxisPackageKind.STATUS,
                documentId,
                from,
                blob.sha256(),
                blob.size());
    }

    /** Stores the package as the poller does and announces it. */
    private AxisPackageReceived received(EdxmlPackage p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        edxml.write(p, out);
        StoredBlob blob = blobs.store(new ByteArrayInputStream(out.toByteArray()));
        AxisPackageReceived event = new AxisPackageReceived(
                UUID.randomUUID(),
                UUID.randomUUID().toString(),
                AxisPackageKind.DOCUMENT,
                p.document().header().documentId(),
                MINISTRY,
                blob.sha256(),
                blob.size());
        publish(event);
        return event;
    }

    private void publish(AxisPackageReceived event) {
        transactions.executeWithoutResult(tx -> events.publishEvent(event));
    }

    private static String uniqueNumber() {
        return Long.toString(System.nanoTime() % 100000);
    }

    private static <T> T await(Supplier<T> probe) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Nothing came within 30 s");
    }
}
