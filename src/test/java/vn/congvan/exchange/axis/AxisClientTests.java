package vn.congvan.exchange.axis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.CuttingProxy;
import vn.congvan.MovingClock;
import vn.congvan.TestProvince;
import vn.congvan.audit.AuditTrail;
import vn.congvan.exchange.edxml.Edxml;
import vn.congvan.exchange.hub.AxisCaller;
import vn.congvan.exchange.hub.AxisPackages;
import vn.congvan.exchange.hub.HubTest;
import vn.congvan.platform.ClusterJobs;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

/**
 * The installation's axis client against the hub it runs itself, over real HTTP; a second
 * installation (office B) is played by hand with signed requests.
 */
@HubTest
@RecordApplicationEvents
class AxisClientTests {

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
    OutsideAgencies outsideAgencies;

    @Autowired
    OutboxSender sender;

    @Autowired
    InboxPoller poller;

    @Autowired
    AxisProperties settings;

    @Autowired
    AuditTrail audit;

    @Autowired
    ClusterJobs jobs;

    @Autowired
    javax.sql.DataSource dataSource;

    /** Holds the outbox senders' lock while the test sends by hand (see {@link #theOutboxIsOurs()}). */
    private java.sql.Connection outboxLock;

    @Autowired
    JsonMapper json;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Autowired
    ApplicationEvents events;

    private final AxisCaller officeB = new AxisCaller(HubTest.Settings.PORT, HubTest.OTHER, HubTest.OTHER_SECRET);
    private AxisPackages packages;
    private String ourUnit;
    private String ministry;

    /**
     * Other test contexts of this JVM share the database and send the outbox in the background: while
     * a test here sends by hand, they must not take its package to their own hub.
     */
    @BeforeEach
    void theOutboxIsOurs() throws java.sql.SQLException {
        outboxLock = dataSource.getConnection();
        try (var statement = outboxLock.prepareStatement("select pg_advisory_lock(?, ?)")) {
            statement.setInt(1, ClusterJobs.SPACE);
            statement.setInt(2, ClusterJobs.key(AxisJob.OUTBOX));
            statement.execute();
        }
    }

    @AfterEach
    void theOutboxIsTheirsAgain() throws java.sql.SQLException {
        // A pooled connection keeps its session, and a session lock with it: unlock before giving it back.
        try (var statement = outboxLock.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            statement.setInt(1, ClusterJobs.SPACE);
            statement.setInt(2, ClusterJobs.key(AxisJob.OUTBOX));
            statement.execute();
        } finally {
            outboxLock.close();
        }
    }

    @BeforeEach
    void bothInstallationsAreInTheHubsDirectory() {
        // The outbox sends strictly in order, and the office side answers what arrives with status
        // packages of its own: what an earlier test left queued must not stand in this test's line.
        jdbc.sql("update axis_outbox set state = 'FAILED', last_error = 'left by an earlier test' "
                        + "where state in ('QUEUED', 'SENDING')")
                .update();
        packages = new AxisPackages(edxml);
        ourUnit = new TestProvince(jdbc, encoder, HubTest.Settings.PORT)
                .aUnit("Sở Tư pháp", "STP")
                .legacyCode();
        // The unit's newer code is the organId it is published under.
        ourUnit = jdbc.sql("select code from unit where legacy_code = ?")
                .param(ourUnit)
                .query(String.class)
                .single();
        ministry = AxisPackages.anOrganId();
        assertThat(officeB.publish(ministry, "Bộ Tư pháp").status()).isEqualTo(204);
        assertThat(console.syncDirectory().succeeded()).isTrue();
    }

    @Test
    void theDirectorySyncPublishesOurCodedUnitsAndListsTheAgenciesOfOtherSystems() {
        assertThat(officeB.get("/api/v1/axis/agencies").list())
                .filteredOn(a -> a.get("organId").equals(ourUnit))
                .singleElement()
                .satisfies(a ->
                        assertThat(a).containsEntry("systemId", HubTest.SELF).containsEntry("name", "Sở Tư pháp"));
        assertThat(outsideAgencies.find(ministry))
                .get()
                .extracting(OutsideAgency::systemId)
                .isEqualTo(HubTest.OTHER);
        assertThat(outsideAgencies.find(ourUnit)).isEmpty();
        assertThat(console.lastSync()).get().satisfies(s -> {
            assertThat(s.succeeded()).isTrue();
            assertThat(s.published()).isPositive();
        });
    }

    @Test
    void aQueuedDocumentIsDeliveredThroughTheHubToItsRecipient() {
        byte[] document = packages.aDocument(ourUnit, List.of(ministry), 1, "PDF".getBytes(StandardCharsets.UTF_8));
        aloneInLine();
        UUID id = enqueued(document, 1);

        assertThat(sender.sendInOrder()).isPositive();

        OutboxEntry entry = outbox.entry(id).orElseThrow();
        assertThat(entry.state()).isEqualTo(OutboxState.SENT);
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(officeB.get("/api/v1/axis/edocs/" + entry.hubId()).body()).isEqualTo(document);
    }

    @Test
    void aLargePackageTravelsThroughAResumableUpload() {
        byte[] dossier = new byte[300_000];
        ThreadLocalRandom.current().nextBytes(dossier);
        byte[] document = packages.aDocument(ourUnit, List.of(ministry), 2, dossier);
        aloneInLine();
        UUID id = enqueued(document, 2);

        sender.sendInOrder();

        OutboxEntry entry = outbox.entry(id).orElseThrow();
        assertThat(entry.state()).isEqualTo(OutboxState.SENT);
        assertThat(jdbc.sql("select count(*) from hub_upload_chunk c join axis_outbox o on o.upload_location = "
                                + "cast(c.upload_id as varchar) where o.id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("pieces of %s bytes", settings.uploadChunkSize().toBytes())
                .isEqualTo((document.length + 65_535) / 65_536);
        assertThat(officeB.get("/api/v1/axis/edocs/" + entry.hubId()).body()).isEqualTo(document);
    }

    @Test
    void whileTheHubIsUnreachableThePackageWaitsLongerAfterEachAttemptThenIsDeliveredExactlyOnce() throws Exception {
        byte[] document = packages.aDocument(ourUnit, List.of(ministry), 3, "PDF".getBytes(StandardCharsets.UTF_8));
        aloneInLine();
        UUID id = enqueued(document, 3);
        MovingClock clock = aClockAfterTheEnqueueing();
        OutboxSender unreachable = senderTo("http://localhost:" + closedPort(), clock);

        List<Duration> waits = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(unreachable.sendInOrder()).isZero();
            OutboxEntry waiting = outbox.entry(id).orElseThrow();
            assertThat(waiting.state()).isEqualTo(OutboxState.QUEUED);
            assertThat(waiting.attempts()).isEqualTo(attempt);
            assertThat(waiting.lastError()).contains("ConnectException");
            waits.add(Duration.between(clock.instant(), waiting.nextAttemptAt()));
            assertThat(unreachable.sendInOrder()).as("not due yet").isZero();
            assertThat(outbox.entry(id).orElseThrow().attempts()).isEqualTo(attempt);
            clock.move(waits.get(attempt - 1));
        }
        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(8));

        OutboxSender reachable = senderTo(settings.url(), clock);
        assertThat(reachable.sendInOrder()).isPositive();
        String hubId = outbox.entry(id).orElseThrow().hubId();
        // A node that died after the hub accepted the package, before it recorded so, sends it again.
        jdbc.sql("update axis_outbox set state = 'SENDING', hub_id = null where id = ?")
                .param(id)
                .update();
        reachable.sendInOrder();

        assertThat(outbox.entry(id).orElseThrow().hubId()).isEqualTo(hubId);
        assertThat(jdbc.sql("select count(*) from hub_edoc where idempotency_key = ?")
                        .param(id.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(officeB.get("/api/v1/axis/edocs/received?limit=1000").list())
                .filteredOn(w -> w.get("documentId").equals(AxisPackages.documentIdOf(ourUnit, 3)))
                .hasSize(1);
    }

    @Test
    void aPackageTheHubRefusesIsFailedWithTheReasonAndTheQueueFlowsOn() {
        byte[] toNobody = packages.aDocument(ourUnit, List.of(AxisPackages.anOrganId()), 4, "PDF".getBytes());
        byte[] toTheMinistry = packages.aDocument(ourUnit, List.of(ministry), 5, "PDF".getBytes());
        aloneInLine();
        UUID refused = enqueued(toNobody, 4);
        UUID delivered = enqueued(toTheMinistry, 5);

        sender.sendInOrder();

        assertThat(outbox.entry(refused).orElseThrow()).satisfies(e -> {
            assertThat(e.state()).isEqualTo(OutboxState.FAILED);
            assertThat(e.lastError()).contains("exchange.hub.unknown-recipient");
        });
        assertThat(outbox.entry(delivered).orElseThrow().state()).isEqualTo(OutboxState.SENT);
        assertThat(console.failedSends(1000)).extracting(OutboxEntry::id).contains(refused);
    }

    @Test
    void aReceivedPackageIsStoredOnceAnnouncedOnceAndAcknowledged() throws Exception {
        byte[] document = packages.aDocument(ministry, List.of(ourUnit), 6, "PDF".getBytes());
        String hubId = (String)
                officeB.sendEdoc(document, UUID.randomUUID().toString()).json().get("id");

        poller.poll();
        poller.poll();

        List<InboxEntry> stored = inboxOf(hubId);
        assertThat(stored).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(InboxState.RECEIVED);
            assertThat(e.kind()).isEqualTo(AxisPackageKind.DOCUMENT);
            assertThat(e.fromOrganId()).isEqualTo(ministry);
            assertThat(e.documentId()).isEqualTo(AxisPackages.documentIdOf(ministry, 6));
        });
        try (var in = blobs.open(stored.get(0).sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(document);
        }
        assertThat(events.stream(AxisPackageReceived.class)
                        .filter(e -> e.hubId().equals(hubId)))
                .singleElement()
                .satisfies(e -> assertThat(e.inboxId()).isEqualTo(stored.get(0).id()));
        assertThat(recipientState(hubId)).containsEntry("state", "DONE");
    }

    @Test
    void aDocumentReceivedAgainUnderAnotherHubIdIsKeptAsADuplicateAndNotAnnouncedTwice() throws Exception {
        byte[] document = packages.aDocument(ministry, List.of(ourUnit), 7, "PDF".getBytes());
        String first = (String)
                officeB.sendEdoc(document, UUID.randomUUID().toString()).json().get("id");
        String again = (String)
                officeB.sendEdoc(document, UUID.randomUUID().toString()).json().get("id");

        poller.poll();

        assertThat(inboxOf(first)).extracting(InboxEntry::state).containsExactly(InboxState.RECEIVED);
        assertThat(inboxOf(again)).extracting(InboxEntry::state).containsExactly(InboxState.DUPLICATE);
        assertThat(events.stream(AxisPackageReceived.class)
                        .filter(e -> e.documentId().equals(AxisPackages.documentIdOf(ministry, 7))))
                .extracting(AxisPackageReceived::hubId)
                .containsExactly(first);
        assertThat(recipientState(again)).containsEntry("state", "DONE");
    }

    @Test
    void aPackageThatCannotBeReadIsKeptAsFailedAndRefusedToTheHubWithTheReason() throws Exception {
        String written =
                new String(packages.aDocument(ministry, List.of(ourUnit), 8, new byte[3000]), StandardCharsets.UTF_8);
        // The hub routes by the envelope; the attachment's base64 after it is broken.
        int content = written.lastIndexOf("ContentTransferEncoded>") - 200;
        byte[] broken = (written.substring(0, content) + "!!!!" + written.substring(content + 4))
                .getBytes(StandardCharsets.UTF_8);
        String hubId = (String)
                officeB.sendEdoc(broken, UUID.randomUUID().toString()).json().get("id");
        byte[] following = packages.aDocument(ministry, List.of(ourUnit), 9, "PDF".getBytes());
        String next = (String)
                officeB.sendEdoc(following, UUID.randomUUID().toString()).json().get("id");

        poller.poll();

        assertThat(inboxOf(hubId)).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(InboxState.FAILED);
            assertThat(e.reason()).contains("base64");
        });
        assertThat(events.stream(AxisPackageReceived.class)
                        .filter(e -> e.hubId().equals(hubId)))
                .isEmpty();
        assertThat(recipientState(hubId)).containsEntry("state", "FAILED");
        assertThat((String) recipientState(hubId).get("reason")).contains("base64");
        assertThat(inboxOf(next)).extracting(InboxEntry::state).containsExactly(InboxState.RECEIVED);
    }

    @Test
    void aDownloadCutOffMidwayIsResumedFromWhereItStopped() throws Exception {
        byte[] dossier = new byte[300_000];
        ThreadLocalRandom.current().nextBytes(dossier);
        byte[] document = packages.aDocument(ministry, List.of(ourUnit), 10, dossier);
        String hubId = (String)
                officeB.sendEdoc(document, UUID.randomUUID().toString()).json().get("id");

        try (CuttingProxy proxy = new CuttingProxy(HubTest.Settings.PORT, CuttingProxy.Direction.FROM_HUB, 150_000)) {
            pollerThrough(proxy.url()).poll();

            assertThat(proxy.didCut()).isTrue();
            // The bytes before the cut are not fetched twice.
            assertThat(proxy.bytesFromHub()).isLessThan(document.length + 50_000L);
        }
        assertThat(inboxOf(hubId)).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(InboxState.RECEIVED);
            assertThat(e.size()).isEqualTo(document.length);
        });
        assertThat(recipientState(hubId)).containsEntry("state", "DONE");
    }

    @Test
    void anUploadCutOffMidwayIsResumedFromTheHubsOffsetAtTheNextAttempt() throws Exception {
        byte[] dossier = new byte[300_000];
        ThreadLocalRandom.current().nextBytes(dossier);
        byte[] document = packages.aDocument(ourUnit, List.of(ministry), 11, dossier);
        aloneInLine();
        UUID id = enqueued(document, 11);
        MovingClock clock = aClockAfterTheEnqueueing();

        try (CuttingProxy proxy = new CuttingProxy(HubTest.Settings.PORT, CuttingProxy.Direction.TO_HUB, 150_000)) {
            OutboxSender flaky = senderTo(proxy.url(), clock);
            assertThat(flaky.sendInOrder()).isZero();
            assertThat(proxy.didCut()).isTrue();
            OutboxEntry waiting = outbox.entry(id).orElseThrow();
            assertThat(waiting.state()).isEqualTo(OutboxState.QUEUED);
            assertThat(waiting.attempts()).isEqualTo(1);

            clock.move(Duration.ofSeconds(2));
            assertThat(flaky.sendInOrder()).isPositive();
        }
        OutboxEntry entry = outbox.entry(id).orElseThrow();
        assertThat(entry.state()).isEqualTo(OutboxState.SENT);
        assertThat(jdbc.sql("""
                        select c.chunk_offset from hub_upload_chunk c join axis_outbox o
                          on o.upload_location = cast(c.upload_id as varchar) where o.id = ? order by c.chunk_offset""").param(id).query(Long.class).list())
                .as("each piece kept once, at its offset")
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.iterate(0, o -> o < document.length, o -> o + 65_536)
                                .boxed()
                                .toList());
        assertThat(officeB.get("/api/v1/axis/edocs/" + entry.hubId()).body()).isEqualTo(document);
    }

    /**
     * Takes out of the line what is queued: status packages the office side answered earlier
     * arrivals with (in the background) would stand before this test's packages.
     */
    /**
     * A clock the test moves, starting after the package was enqueued: the outbox keeps the
     * enqueueing time to the microsecond, and a clock cut to the millisecond in that same
     * millisecond stood before it, so the package was not yet due and nothing was sent.
     */
    private static MovingClock aClockAfterTheEnqueueing() {
        return new MovingClock(
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusMillis(1));
    }

    private void aloneInLine() {
        jdbc.sql("update axis_outbox set state = 'FAILED', last_error = 'out of this test''s way' "
                        + "where state in ('QUEUED', 'SENDING')")
                .update();
    }

    private UUID enqueued(byte[] edxmlPackage, int number) {
        StoredBlob blob = blobs.store(new ByteArrayInputStream(edxmlPackage));
        return outbox.enqueue(new OutgoingPackage(
                AxisPackageKind.DOCUMENT,
                AxisPackages.documentIdOf(ourUnit, number),
                blob.sha256(),
                blob.size(),
                List.of(ministry),
                null));
    }

    private List<InboxEntry> inboxOf(String hubId) {
        return console.inbox(null, 1000).stream()
                .filter(e -> e.hubId().equals(hubId))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> recipientState(String hubId) {
        return officeB.get("/api/v1/axis/edocs/sent?since=2020-01-01T00:00:00Z").list().stream()
                .filter(s -> s.get("id").equals(hubId))
                .map(s -> ((List<Map<String, Object>>) s.get("recipients")).get(0))
                .findFirst()
                .orElseThrow();
    }

    /** The test's client settings with the hub at another address. */
    private AxisProperties settingsTo(String url) {
        return new AxisProperties(
                url,
                settings.systemId(),
                settings.secret(),
                settings.pollInterval(),
                settings.directoryInterval(),
                settings.directoryFirstDelay(),
                settings.retryInitial(),
                settings.retryMax(),
                settings.connectTimeout(),
                settings.requestTimeout(),
                settings.uploadChunkSize(),
                settings.largePackageThreshold());
    }

    private OutboxSender senderTo(String url, Clock clock) {
        AxisProperties to = settingsTo(url);
        return new OutboxSender(jdbc, blobs, new AxisHttp(to, clock), to, audit, jobs, json, transaction, clock);
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;

    @Autowired
    org.springframework.context.MessageSource messages;

    @Autowired
    vn.congvan.exchange.outside.ReceivedStatuses statuses;

    private InboxPoller pollerThrough(String url) {
        AxisProperties to = settingsTo(url);
        return new InboxPoller(
                jdbc,
                blobs,
                edxml,
                new AxisHttp(to, Clock.systemUTC()),
                to,
                audit,
                publisher,
                transaction,
                jobs,
                json,
                messages,
                statuses,
                Clock.systemUTC());
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
