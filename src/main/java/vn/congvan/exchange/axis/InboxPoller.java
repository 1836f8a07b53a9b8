package vn.congvan.exchange.axis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.exchange.ExchangeAuditAction;
import vn.congvan.exchange.edxml.Edxml;
import vn.congvan.exchange.edxml.EdxmlDocument;
import vn.congvan.exchange.edxml.EdxmlPackage;
import vn.congvan.exchange.edxml.EdxmlStatus;
import vn.congvan.exchange.edxml.MessageHeader;
import vn.congvan.exchange.outside.ReceivedStatuses;
import vn.congvan.platform.ClusterJobs;
import vn.congvan.shared.DomainException;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

/**
 * Fetches the packages the hub holds for the installation, one node at a time: each is downloaded
 * (resumed with a range after a dropped connection), its hash checked, then stored with its inbox
 * row and announced by {@link AxisPackageReceived} in one transaction, and only then acknowledged
 * {@code done}. A package already received (by hub id, or a document by DocumentId, business type
 * and sender) is kept as a duplicate and not announced; one that cannot be read, or a status that
 * must be refused (a code QCVN 102 does not define, a revocation answer nobody asked for), is kept as
 * failed and acknowledged {@code fail} with the reason, which the hub hands back to the sender. Nothing stops the queue but an unreachable hub.
 */
class InboxPoller {

    private static final Logger log = LoggerFactory.getLogger(InboxPoller.class);
    static final int DOWNLOAD_ATTEMPTS = 5;
    static final int BATCH = 100;

    /** A package the hub lists for us. */
    record Listed(String id, String kind, String from, String documentId, String sha256, long size) {}

    /** What the package says it is. */
    private record Read(AxisPackageKind kind, String documentId, String from, int businessType) {}

    private final JdbcClient jdbc;
    private final Blobs blobs;
    private final Edxml edxml;
    private final AxisHttp http;
    private final AxisProperties settings;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ClusterJobs jobs;
    private final JsonMapper json;
    private final MessageSource messages;
    private final ReceivedStatuses statuses;
    private final Clock clock;

    InboxPoller(
            JdbcClient jdbc,
            Blobs blobs,
            Edxml edxml,
            AxisHttp http,
            AxisProperties settings,
            AuditTrail audit,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            ClusterJobs jobs,
            JsonMapper json,
            MessageSource messages,
            ReceivedStatuses statuses,
            Clock clock) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.edxml = edxml;
        this.http = http;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
        this.jobs = jobs;
        this.json = json;
        this.messages = messages;
        this.statuses = statuses;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${congvan.exchange.axis.poll-interval}",
            fixedDelayString = "${congvan.exchange.axis.poll-interval}")
    void pollDue() {
        if (settings.configured()) {
            jobs.runAlone(AxisJob.INBOX, () -> {
                try {
                    poll();
                } catch (IOException | UncheckedIOException e) {
                    log.info("The hub cannot be polled now: {}", e.toString());
                }
            });
        }
    }

    /** Takes in what the hub lists; returns how many packages were acknowledged. */
    int poll() throws IOException {
        AxisHttp.Answer answer =
                http.send("GET", "/api/v1/axis/edocs/received?limit=" + BATCH, AxisHttp.Body.NONE, Map.of());
        if (!answer.ok()) {
            throw new IOException("The hub did not list received packages: " + answer.problem(json));
        }
        List<?> listed = json.readValue(answer.body(), List.class);
        int acknowledged = 0;
        for (Object item : listed) {
            Map<?, ?> entry = (Map<?, ?>) item;
            Listed p = new Listed(
                    text(entry.get("id")),
                    text(entry.get("kind")),
                    text(entry.get("from")),
                    text(entry.get("documentId")),
                    text(entry.get("sha256")),
                    entry.get("size") instanceof Number n ? n.longValue() : -1);
            if (takeIn(p)) {
                acknowledged++;
            }
        }
        return acknowledged;
    }

    /** Stores and acknowledges one package; false when it must wait for the next poll. */
    private boolean takeIn(Listed p) throws IOException {
        record Earlier(String state, @Nullable String reason) {}
        @Nullable
        Earlier earlier = jdbc.sql("select state, reason from axis_inbox where hub_id = ?")
                .param(p.id())
                .query((rs, n) -> new Earlier(rs.getString("state"), rs.getString("reason")))
                .optional()
                .orElse(null);
        if (earlier != null) {
            // Stored before a crash or a lost acknowledgement: acknowledge it again.
            boolean failed = earlier.state().equals(InboxState.FAILED.name());
            return acknowledge(p.id(), !failed, failed ? earlier.reason() : null);
        }
        Path file = Files.createTempFile("axis-package", ".edxml");
        try {
            if (!downloaded(p, file)) {
                return false;
            }
            StoredBlob blob;
            try (InputStream in = Files.newInputStream(file)) {
                blob = blobs.store(in);
            }
            Read read;
            try (InputStream in = Files.newInputStream(file);
                    EdxmlPackage received = edxml.read(in)) {
                read = read(received);
                if (received.status() != null) {
                    // A status this installation must refuse goes back through the hub's failure channel.
                    Optional<DomainException> refused = statuses.refusal(received.status());
                    if (refused.isPresent()) {
                        throw refused.get();
                    }
                }
            } catch (DomainException unreadable) {
                String reason = messages.getMessage(
                        unreadable.code(), unreadable.args(), unreadable.code(), Locale.forLanguageTag("vi"));
                transaction.executeWithoutResult(status -> keep(
                        p, blob, new Read(kindOf(p.kind()), p.documentId(), p.from(), -1), InboxState.FAILED, reason));
                log.warn("Package {} from {} cannot be read: {}", p.id(), p.from(), reason);
                return acknowledge(p.id(), false, reason);
            }
            transaction.executeWithoutResult(status -> {
                InboxState state = duplicate(read) ? InboxState.DUPLICATE : InboxState.RECEIVED;
                UUID id = keep(p, blob, read, state, null);
                if (id != null && state == InboxState.RECEIVED) {
                    events.publishEvent(new AxisPackageReceived(
                            id, p.id(), read.kind(), read.documentId(), read.from(), blob.sha256(), blob.size()));
                }
            });
            return acknowledge(p.id(), true, null);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Downloads the package into the file, resuming after drops; false when it did not arrive whole. */
    private boolean downloaded(Listed p, Path file) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < DOWNLOAD_ATTEMPTS; attempt++) {
            long have = Files.size(file);
            if (p.size() >= 0 && have >= p.size()) {
                break;
            }
            try {
                AxisHttp.Answer answer = http.download("/api/v1/axis/edocs/" + p.id(), file, have);
                if (!answer.ok()) {
                    log.warn("Package {} cannot be fetched: {}", p.id(), answer.problem(json));
                    return false;
                }
                if (p.size() < 0) {
                    break;
                }
            } catch (IOException dropped) {
                last = dropped;
            }
        }
        String sha256 = AxisSignature.hex(digest(file));
        if (sha256.equals(p.sha256())) {
            return true;
        }
        if (last != null && Files.size(file) < p.size()) {
            throw last;
        }
        log.warn(
                "Package {} arrived with hash {} instead of {}: fetched again at the next poll",
                p.id(),
                sha256,
                p.sha256());
        return false;
    }

    private Read read(EdxmlPackage received) {
        EdxmlStatus status = received.status();
        if (status != null) {
            return new Read(
                    AxisPackageKind.STATUS,
                    status.responseFor().documentId(),
                    status.from().organId(),
                    -1);
        }
        EdxmlDocument document = Objects.requireNonNull(received.document(), "a package is a status or a document");
        MessageHeader header = document.header();
        int business =
                document.business() == null ? 0 : document.business().docType().code();
        return new Read(
                AxisPackageKind.DOCUMENT, header.documentId(), header.from().organId(), business);
    }

    private boolean duplicate(Read read) {
        return read.kind() == AxisPackageKind.DOCUMENT
                && !read.documentId().isBlank()
                && jdbc.sql("""
                                select exists (select 1 from axis_inbox where kind = 'DOCUMENT' and state = 'RECEIVED'
                                  and document_id = ? and business_type = ? and from_organ_id = ?)""")
                        .params(read.documentId(), read.businessType(), read.from())
                        .query(Boolean.class)
                        .single();
    }

    /** The inbox row; null when another poll stored the same hub id first. */
    private @Nullable UUID keep(Listed p, StoredBlob blob, Read read, InboxState state, @Nullable String reason) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into axis_inbox (id, hub_id, kind, document_id, business_type, from_organ_id, sha256,
                          size, state, reason, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (hub_id) do nothing""")
                .params(
                        id,
                        p.id(),
                        read.kind().name(),
                        clip(read.documentId(), 200),
                        read.businessType(),
                        clip(read.from(), 35),
                        blob.sha256(),
                        blob.size(),
                        state.name(),
                        reason == null ? null : clip(reason, 500),
                        Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            return null;
        }
        audit.record(new AuditEntry(
                ExchangeAuditAction.AXIS_PACKAGE_RECEIVED,
                "axis-inbox",
                id.toString(),
                null,
                null,
                "axis:" + settings.systemId(),
                Map.of("hubId", p.id(), "state", state.name(), "documentId", read.documentId(), "from", read.from())));
        return id;
    }

    private boolean acknowledge(String hubId, boolean done, @Nullable String reason) throws IOException {
        Map<String, String> status = reason == null
                ? Map.of("status", done ? "done" : "fail")
                : Map.of("status", done ? "done" : "fail", "reason", reason);
        AxisHttp.Answer answer = http.send(
                "POST",
                "/api/v1/axis/edocs/" + hubId + "/status",
                AxisHttp.Body.of(json.writeValueAsBytes(status), "application/json"),
                Map.of());
        if (!answer.ok()) {
            log.warn("Package {} not acknowledged: {}", hubId, answer.problem(json));
        }
        return answer.ok();
    }

    private static AxisPackageKind kindOf(String kind) {
        return "STATUS".equals(kind) ? AxisPackageKind.STATUS : AxisPackageKind.DOCUMENT;
    }

    private static byte[] digest(Path file) throws IOException {
        var digest = AxisSignature.sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
