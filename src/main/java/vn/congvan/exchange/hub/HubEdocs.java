package vn.congvan.exchange.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.exchange.ExchangeAuditAction;
import vn.congvan.exchange.axis.AxisPackageKind;
import vn.congvan.exchange.edxml.Edxml;
import vn.congvan.exchange.edxml.EdxmlPackage;
import vn.congvan.exchange.edxml.EdxmlStatus;
import vn.congvan.exchange.edxml.MessageHeader;
import vn.congvan.exchange.edxml.Organisation;
import vn.congvan.shared.DomainException;
import vn.congvan.storage.StoredBlob;

/**
 * The hub's mailbox (hộp thư): packages accepted from systems, routed by their {@code To} organs
 * (a status by the organ of its {@code ResponseFor}), kept as blobs and forwarded to each
 * recipient's system, which fetches and acknowledges them.
 */
@Component
class HubEdocs {

    /** The content of a package being sent: readable for routing, then kept by the storage. */
    interface Content {
        InputStream open() throws IOException;

        /** The package's hash, known already: the axis authentication checked the body's, the upload kept its own. */
        String sha256();

        StoredBlob store();
    }

    /** The hub's answer to a package sent. */
    record SentEdoc(String id, String documentId, AxisPackageKind kind, List<String> recipients) {}

    /** The answer, and whether the package is new (not a resend under the same Idempotency-Key). */
    record Accepted(SentEdoc edoc, boolean created) {}

    /** A package waiting for the caller: what it is and which of the caller's agencies it is for. */
    record Waiting(
            String id,
            AxisPackageKind kind,
            String from,
            List<String> to,
            String documentId,
            @Nullable String statusCode,
            long size,
            String sha256,
            Instant sentAt) {}

    /** Where one recipient of a sent package stands. */
    record RecipientState(
            String organId,
            String state,
            @Nullable String reason,
            Instant at,
            @Nullable String statusCode) {}

    /** A package the caller sent, with its recipients' states. */
    record Sent(String id, String documentId, AxisPackageKind kind, Instant sentAt, List<RecipientState> recipients) {}

    /** A package the caller may fetch. */
    record Stored(String id, String sha256, long size) {}

    private final JdbcClient jdbc;
    private final Edxml edxml;
    private final HubAgencies agencies;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    HubEdocs(
            JdbcClient jdbc,
            Edxml edxml,
            HubAgencies agencies,
            AuditTrail audit,
            TransactionTemplate transaction,
            Clock clock) {
        this.jdbc = jdbc;
        this.edxml = edxml;
        this.agencies = agencies;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Accepts a package from the system, once per Idempotency-Key: refused when its sender is not
     * an organ of the system ({@code exchange.hub.not-your-organ}) or a recipient is unknown
     * ({@code exchange.hub.unknown-recipient}); nothing is stored then.
     */
    Accepted accept(String systemId, @Nullable String idempotencyKey, Content content) {
        String key = idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString()
                : idempotencyKey.strip();
        if (key.length() > 200) {
            throw DomainException.invalid("exchange.hub.idempotency-key");
        }
        Optional<SentEdoc> earlier = byKey(systemId, key);
        if (earlier.isPresent()) {
            requireSamePackage(systemId, key, content.sha256());
            return new Accepted(earlier.get(), false);
        }
        Route route = route(content);
        if (!agencies.systemOf(route.from()).filter(systemId::equals).isPresent()) {
            throw DomainException.forbidden("exchange.hub.not-your-organ", route.from());
        }
        if (route.recipients().isEmpty()) {
            throw new DomainException(
                    org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "exchange.hub.no-recipient");
        }
        for (String recipient : route.recipients()) {
            if (agencies.systemOf(recipient).isEmpty()) {
                throw new DomainException(
                        org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                        "exchange.hub.unknown-recipient",
                        recipient);
            }
        }
        StoredBlob blob = content.store();
        return transaction.execute(status -> record(systemId, key, route, blob));
    }

    private record Route(
            AxisPackageKind kind,
            String documentId,
            String from,
            List<String> recipients,
            @Nullable String statusCode) {}

    private Route route(Content content) {
        try (InputStream in = content.open();
                EdxmlPackage p = edxml.readEnvelope(in)) {
            EdxmlStatus status = p.status();
            if (status != null) {
                return new Route(
                        AxisPackageKind.STATUS,
                        status.responseFor().documentId(),
                        status.from().organId(),
                        organs(List.of(status.responseFor().organId())),
                        status.statusCode());
            }
            MessageHeader header = Objects.requireNonNull(p.document(), "a package is a status or a document")
                    .header();
            return new Route(
                    AxisPackageKind.DOCUMENT,
                    header.documentId(),
                    header.from().organId(),
                    organs(header.to().stream().map(Organisation::organId).toList()),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> organs(List<String> ids) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            if (!id.isBlank()) {
                distinct.add(id.strip());
            }
        }
        return List.copyOf(distinct);
    }

    private Accepted record(String systemId, String key, Route route, StoredBlob blob) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.sql("""
                        insert into hub_edoc (id, system_id, idempotency_key, kind, document_id, from_organ_id,
                          status_code, sha256, size, sent_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (system_id, idempotency_key) do nothing""")
                .params(
                        id,
                        systemId,
                        key,
                        route.kind().name(),
                        route.documentId(),
                        route.from(),
                        route.statusCode(),
                        blob.sha256(),
                        blob.size(),
                        now)
                .update();
        if (inserted == 0) {
            // The same package sent again while the first send was being recorded.
            requireSamePackage(systemId, key, blob.sha256());
            return new Accepted(byKey(systemId, key).orElseThrow(), false);
        }
        for (String recipient : route.recipients()) {
            jdbc.sql("insert into hub_delivery (edoc_id, organ_id, state, at) values (?, ?, 'PENDING', ?)")
                    .params(id, recipient, now)
                    .update();
        }
        if (route.kind() == AxisPackageKind.STATUS && route.statusCode() != null) {
            jdbc.sql("""
                            update hub_delivery set status_code = ? where organ_id = ? and edoc_id in
                              (select id from hub_edoc where kind = 'DOCUMENT' and document_id = ?)""")
                    .params(route.statusCode(), route.from(), route.documentId())
                    .update();
        }
        audit.record(new AuditEntry(
                ExchangeAuditAction.HUB_PACKAGE_ACCEPTED,
                "axis-package",
                id.toString(),
                null,
                null,
                "axis:" + systemId,
                Map.of(
                        "kind",
                        route.kind().name(),
                        "documentId",
                        route.documentId(),
                        "from",
                        route.from(),
                        "to",
                        String.join(",", route.recipients()))));
        return new Accepted(new SentEdoc(id.toString(), route.documentId(), route.kind(), route.recipients()), true);
    }

    /** A key names one package: another package under a key already used is a conflict, not a resend. */
    private void requireSamePackage(String systemId, String key, String sha256) {
        String kept = jdbc.sql("select sha256 from hub_edoc where system_id = ? and idempotency_key = ?")
                .params(systemId, key)
                .query(String.class)
                .single();
        if (!kept.equals(sha256)) {
            throw new DomainException(
                    org.springframework.http.HttpStatus.CONFLICT, "exchange.hub.idempotency-key-reused", key);
        }
    }

    private Optional<SentEdoc> byKey(String systemId, String key) {
        return jdbc.sql("""
                        select e.id, e.document_id, e.kind, array_agg(d.organ_id order by d.organ_id) as recipients
                        from hub_edoc e join hub_delivery d on d.edoc_id = e.id
                        where e.system_id = ? and e.idempotency_key = ? group by e.id""")
                .params(systemId, key)
                .query((rs, n) -> new SentEdoc(
                        rs.getString("id"),
                        rs.getString("document_id"),
                        AxisPackageKind.valueOf(rs.getString("kind")),
                        strings(rs.getArray("recipients"))))
                .optional();
    }

    /** Packages for the system's agencies not acknowledged yet, the oldest first. */
    List<Waiting> waiting(String systemId, @Nullable AxisPackageKind kind, int limit) {
        return jdbc.sql("""
                        select e.id, e.kind, e.from_organ_id, e.document_id, e.status_code, e.size, e.sha256, e.sent_at,
                          array_agg(d.organ_id order by d.organ_id) as organs
                        from hub_delivery d join hub_edoc e on e.id = d.edoc_id
                          join hub_agency a on a.organ_id = d.organ_id
                        where a.system_id = ? and d.state in ('PENDING', 'FETCHED')
                          and (cast(? as varchar) is null or e.kind = ?)
                        group by e.id order by e.seq limit ?""")
                .params(systemId, kind == null ? null : kind.name(), kind == null ? null : kind.name(), limit)
                .query((rs, n) -> new Waiting(
                        rs.getString("id"),
                        AxisPackageKind.valueOf(rs.getString("kind")),
                        rs.getString("from_organ_id"),
                        strings(rs.getArray("organs")),
                        rs.getString("document_id"),
                        rs.getString("status_code"),
                        rs.getLong("size"),
                        rs.getString("sha256"),
                        rs.getTimestamp("sent_at").toInstant()))
                .list();
    }

    /**
     * The package for one of its recipients (marked fetched) or its sender; refused to anyone else
     * as if it did not exist ({@code exchange.hub.edoc-not-found}).
     */
    Stored fetch(String systemId, String id) {
        UUID edocId = edocId(id);
        Stored stored = jdbc.sql("""
                        select e.id, e.sha256, e.size from hub_edoc e where e.id = ? and (e.system_id = ? or exists
                          (select 1 from hub_delivery d join hub_agency a on a.organ_id = d.organ_id
                           where d.edoc_id = e.id and a.system_id = ?))""")
                .params(edocId, systemId, systemId)
                .query((rs, n) -> new Stored(rs.getString("id"), rs.getString("sha256"), rs.getLong("size")))
                .optional()
                .orElseThrow(() -> DomainException.notFound("exchange.hub.edoc-not-found", id));
        jdbc.sql("""
                        update hub_delivery set state = 'FETCHED', at = ? where edoc_id = ? and state = 'PENDING'
                          and organ_id in (select organ_id from hub_agency where system_id = ?)""").params(Timestamp.from(clock.instant()), edocId, systemId).update();
        return stored;
    }

    /**
     * Acknowledges the system's receipt of the package, done or failed with a reason; once
     * acknowledged, a package leaves its received list and a later acknowledgement changes nothing.
     */
    void acknowledge(String systemId, String id, boolean done, @Nullable String reason) {
        UUID edocId = edocId(id);
        boolean recipient =
                jdbc.sql("""
                        select exists (select 1 from hub_delivery d join hub_agency a on a.organ_id = d.organ_id
                          where d.edoc_id = ? and a.system_id = ?)""").params(edocId, systemId).query(Boolean.class).single();
        if (!recipient) {
            throw DomainException.notFound("exchange.hub.edoc-not-found", id);
        }
        String kept =
                reason == null || reason.isBlank() ? null : reason.length() > 500 ? reason.substring(0, 500) : reason;
        jdbc.sql("""
                        update hub_delivery set state = ?, reason = ?, at = ? where edoc_id = ?
                          and state in ('PENDING', 'FETCHED')
                          and organ_id in (select organ_id from hub_agency where system_id = ?)""")
                .params(done ? "DONE" : "FAILED", kept, Timestamp.from(clock.instant()), edocId, systemId)
                .update();
    }

    /** The packages the system sent since the instant, the oldest first, at most {@code limit}. */
    List<Sent> sent(String systemId, Instant since, int limit) {
        List<Sent> sent = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        jdbc.sql("""
                        select id, document_id, kind, sent_at from hub_edoc where system_id = ? and sent_at >= ?
                        order by seq limit ?""").params(systemId, Timestamp.from(since), limit).query(rs -> {
            ids.add(rs.getObject("id", UUID.class));
            sent.add(new Sent(
                    rs.getString("id"),
                    rs.getString("document_id"),
                    AxisPackageKind.valueOf(rs.getString("kind")),
                    rs.getTimestamp("sent_at").toInstant(),
                    new ArrayList<>()));
        });
        if (ids.isEmpty()) {
            return sent;
        }
        Map<String, Sent> byId = new java.util.HashMap<>();
        sent.forEach(s -> byId.put(s.id(), s));
        jdbc.sql("""
                        select edoc_id, organ_id, state, reason, at, status_code from hub_delivery
                        where edoc_id = any (?) order by organ_id""").param(ids.toArray(UUID[]::new)).query(rs -> {
            Objects.requireNonNull(byId.get(rs.getString("edoc_id")), "one of these edocs")
                    .recipients()
                    .add(new RecipientState(
                            rs.getString("organ_id"),
                            rs.getString("state"),
                            rs.getString("reason"),
                            rs.getTimestamp("at").toInstant(),
                            rs.getString("status_code")));
        });
        return sent;
    }

    private static UUID edocId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("exchange.hub.edoc-not-found", id);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
