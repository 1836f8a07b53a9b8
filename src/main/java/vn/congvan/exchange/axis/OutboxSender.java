package vn.congvan.exchange.axis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.exchange.ExchangeAuditAction;
import vn.congvan.platform.ClusterJobs;
import vn.congvan.storage.Blobs;

/**
 * Sends the outbox to the hub in the order packages were enqueued, one node at a time: a package
 * the hub accepts is SENT with the hub's id, one it refuses for good FAILED with the reason, and
 * any other outcome (hub unreachable, overloaded, a dropped connection) ends the round and is
 * retried after a wait doubling up to {@code retry-max}. The package's outbox id is its
 * Idempotency-Key, so a package sent just before a crash and sent again is kept once by the hub.
 * Large packages go through a resumable upload, resumed from the hub's offset.
 */
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    static final int BATCH = 100;

    /** A package next in line. */
    record Pending(
            UUID id,
            String sha256,
            long size,
            int attempts,
            Instant nextAttemptAt,
            @Nullable String uploadId,
            String documentId) {}

    private final JdbcClient jdbc;
    private final Blobs blobs;
    private final AxisHttp http;
    private final AxisProperties settings;
    private final AuditTrail audit;
    private final ClusterJobs jobs;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OutboxSender(
            JdbcClient jdbc,
            Blobs blobs,
            AxisHttp http,
            AxisProperties settings,
            AuditTrail audit,
            ClusterJobs jobs,
            JsonMapper json,
            TransactionTemplate transaction,
            Clock clock) {
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.http = http;
        this.settings = settings;
        this.audit = audit;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${congvan.exchange.axis.poll-interval}",
            fixedDelayString = "${congvan.exchange.axis.poll-interval}")
    void sendDue() {
        if (settings.configured()) {
            jobs.runAlone(AxisJob.OUTBOX, this::sendInOrder);
        }
    }

    /** Sends the packages due, in order, until one must wait; returns how many the hub accepted or refused. */
    int sendInOrder() {
        int done = 0;
        while (done < BATCH) {
            Optional<Pending> next = nextInLine();
            if (next.isEmpty() || next.get().nextAttemptAt().isAfter(clock.instant())) {
                break;
            }
            if (!attempt(next.get())) {
                break;
            }
            done++;
        }
        return done;
    }

    private Optional<Pending> nextInLine() {
        return jdbc.sql("""
                        select id, sha256, size, attempts, next_attempt_at, upload_location, document_id
                        from axis_outbox where state in ('QUEUED', 'SENDING') order by seq limit 1""")
                .query((rs, n) -> new Pending(
                        rs.getObject("id", UUID.class),
                        rs.getString("sha256"),
                        rs.getLong("size"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("next_attempt_at").toInstant(),
                        rs.getString("upload_location"),
                        rs.getString("document_id")))
                .optional();
    }

    /** One attempt; false when the package must wait for a retry. */
    private boolean attempt(Pending p) {
        jdbc.sql("update axis_outbox set state = 'SENDING' where id = ?")
                .param(p.id())
                .update();
        try {
            AxisHttp.Answer answer = p.size()
                            > Objects.requireNonNull(settings.largePackageThreshold(), "defaulted when not set")
                                    .toBytes()
                    ? sendUploaded(p)
                    : sendWhole(p);
            if (answer.ok()) {
                sent(p, String.valueOf(json.readValue(answer.body(), Map.class).get("id")));
                return true;
            }
            if (refusedForGood(answer.status())) {
                refused(p, answer.problem(json));
                return true;
            }
            retryLater(p, answer.problem(json));
            return false;
        } catch (IOException | UncheckedIOException e) {
            retryLater(p, e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
    }

    private AxisHttp.Answer sendWhole(Pending p) throws IOException {
        AxisHttp.Body body = new AxisHttp.Body(p.size(), p.sha256(), () -> blobs.open(p.sha256()), "application/xml");
        return http.send("POST", "/api/v1/axis/edocs", body, Map.of("Idempotency-Key", p.id().toString()));
    }

    private AxisHttp.Answer sendUploaded(Pending p) throws IOException {
        String uploadId = p.uploadId();
        long offset = -1;
        if (uploadId != null) {
            AxisHttp.Answer head = http.send("HEAD", "/api/v1/axis/uploads/" + uploadId, AxisHttp.Body.NONE, Map.of());
            if (head.ok()) {
                offset = Long.parseLong(head.header("Upload-Offset").orElse("0"));
            } else if (head.status() != 404) {
                return head;
            }
        }
        if (uploadId == null || offset < 0) {
            AxisHttp.Answer created = http.send(
                    "POST",
                    "/api/v1/axis/uploads",
                    AxisHttp.Body.NONE,
                    Map.of("Tus-Resumable", "1.0.0", "Upload-Length", String.valueOf(p.size())));
            if (created.status() != 201 || created.header("Location").isEmpty()) {
                return created;
            }
            String location = created.header("Location").get();
            uploadId = location.substring(location.lastIndexOf('/') + 1);
            offset = 0;
            jdbc.sql("update axis_outbox set upload_location = ? where id = ?")
                    .params(uploadId, p.id())
                    .update();
        }
        long chunkSize = Objects.requireNonNull(settings.uploadChunkSize(), "defaulted when not set")
                .toBytes();
        int realigned = 0;
        while (offset < p.size()) {
            BlobRange piece = new BlobRange(blobs, p.sha256(), offset, Math.min(chunkSize, p.size() - offset));
            AxisHttp.Answer patched = http.send(
                    "PATCH",
                    "/api/v1/axis/uploads/" + uploadId,
                    new AxisHttp.Body(piece.length(), piece.digest(), piece::open, "application/offset+octet-stream"),
                    Map.of("Tus-Resumable", "1.0.0", "Upload-Offset", String.valueOf(offset)));
            if (patched.status() == 409 && realigned++ < 3) {
                // The hub holds another offset (a PATCH whose answer was lost reached it): go on from there.
                AxisHttp.Answer head =
                        http.send("HEAD", "/api/v1/axis/uploads/" + uploadId, AxisHttp.Body.NONE, Map.of());
                if (!head.ok()) {
                    return head;
                }
                offset = Long.parseLong(head.header("Upload-Offset").orElse("0"));
                continue;
            }
            if (patched.status() != 204) {
                return patched;
            }
            offset = Long.parseLong(patched.header("Upload-Offset")
                    .orElseThrow(() -> new IOException("The hub answered a PATCH without its Upload-Offset")));
        }
        return http.send(
                "POST",
                "/api/v1/axis/edocs",
                AxisHttp.Body.NONE,
                Map.of("Idempotency-Key", p.id().toString(), "X-Axis-Upload", uploadId));
    }

    /** What the hub will refuse again however often it is sent; anything else may pass later. */
    private static boolean refusedForGood(int status) {
        return status == 400 || status == 403 || status == 413 || status == 415 || status == 422;
    }

    private void sent(Pending p, String hubId) {
        transaction.executeWithoutResult(status -> recordSent(p, hubId));
    }

    private void recordSent(Pending p, String hubId) {
        jdbc.sql("""
                        update axis_outbox set state = 'SENT', hub_id = ?, sent_at = ?, attempts = attempts + 1,
                          last_error = null where id = ?""").params(hubId, Timestamp.from(clock.instant()), p.id()).update();
        audit.record(new AuditEntry(
                ExchangeAuditAction.AXIS_PACKAGE_SENT,
                "axis-outbox",
                p.id().toString(),
                null,
                null,
                "axis:" + settings.systemId(),
                Map.of("hubId", hubId, "documentId", p.documentId())));
    }

    private void refused(Pending p, String reason) {
        log.warn("The hub refused package {} ({}): {}", p.id(), p.documentId(), reason);
        transaction.executeWithoutResult(status -> recordRefused(p, reason));
    }

    private void recordRefused(Pending p, String reason) {
        jdbc.sql("update axis_outbox set state = 'FAILED', attempts = attempts + 1, last_error = ? where id = ?")
                .params(clip(reason), p.id())
                .update();
        audit.record(new AuditEntry(
                ExchangeAuditAction.AXIS_PACKAGE_REFUSED,
                "axis-outbox",
                p.id().toString(),
                null,
                null,
                "axis:" + settings.systemId(),
                Map.of("reason", clip(reason), "documentId", p.documentId())));
    }

    private void retryLater(Pending p, String error) {
        Duration wait = settings.waitAfter(p.attempts() + 1);
        log.info("Package {} not sent (attempt {}), next in {}: {}", p.id(), p.attempts() + 1, wait, error);
        jdbc.sql("""
                        update axis_outbox set state = 'QUEUED', attempts = attempts + 1, last_error = ?,
                          next_attempt_at = ? where id = ?""")
                .params(clip(error), Timestamp.from(clock.instant().plus(wait)), p.id())
                .update();
    }

    private static String clip(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
