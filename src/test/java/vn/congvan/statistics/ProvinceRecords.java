package vn.congvan.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.handling.CaseState;
import vn.congvan.handling.IncomingCaseChanged;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentRegistered;
import vn.congvan.registry.DocumentRevoked;
import vn.congvan.registry.DossierClosed;
import vn.congvan.registry.FileVersionAdded;
import vn.congvan.shared.VietnamTime;
import vn.congvan.signing.SignatureVerdict;
import vn.congvan.signing.SignaturesValidated;

/**
 * Writes what the registry, signing and handling modules leave in their tables for documents of a
 * small province, and publishes the events those modules publish on the same change, so that the
 * statistics follow them as they follow the real modules. Fixtures in domain words:
 * {@code anOutgoing(unit, day).signedBy(PERSONAL, ORGANIZATION)}.
 */
final class ProvinceRecords {

    /** Which signatures a content carries, each valid or not. */
    enum Seal {
        PERSONAL,
        ORGANIZATION,
        PERSONAL_INVALID,
        FOREIGN
    }

    private static final AtomicInteger NUMBERS = new AtomicInteger(1);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final UUID clerkId;
    private final Map<UUID, UUID> registers = new HashMap<>();
    private final Map<UUID, String[]> certificates = new HashMap<>();
    private final Instant started = Instant.now();

    ProvinceRecords(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transaction, UUID clerkId) {
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = transaction;
        this.clerkId = clerkId;
    }

    /** A document being written: call {@link #register()} to enter it. */
    final class Document {
        final UUID id = UUID.randomUUID();
        final UUID unitId;
        final Direction direction;
        final LocalDate day;
        boolean paper;
        int confidentiality;
        Seal[] seals = {};

        @Nullable
        SignatureVerdict verdict;

        Document(UUID unitId, Direction direction, LocalDate day) {
            this.unitId = unitId;
            this.direction = direction;
            this.day = day;
        }

        Document onPaper() {
            paper = true;
            return this;
        }

        Document secret() {
            confidentiality = 1;
            return this;
        }

        Document signedWith(Seal... seals) {
            this.seals = seals;
            return this;
        }

        /** For an incoming document: the verdict on its signatures. */
        Document judged(SignatureVerdict verdict) {
            this.verdict = verdict;
            return this;
        }

        UUID register() {
            transaction.executeWithoutResult(status -> {
                insertDocument(this);
                String sha = content(unitId, seals, verdict);
                jdbc.sql("""
                                insert into document_file (id, document_id, role, position, sha256, file_name,
                                  content_type, size) values (?, ?, 'MAIN', 1, ?, 'van-ban.pdf', 'application/pdf', 1000)""").params(UUID.randomUUID(), id, sha).update();
                events.publishEvent(new DocumentRegistered(
                        id, direction, unitId, day.getYear(), 1, confidentiality > 0, !paper, false));
                events.publishEvent(new SignaturesValidated(sha, SignatureVerdict.ALL_VALID));
            });
            return id;
        }
    }

    Document anOutgoing(UUID unitId, LocalDate day) {
        return new Document(unitId, Direction.OUTGOING, day);
    }

    Document anIncoming(UUID unitId, LocalDate day) {
        return new Document(unitId, Direction.INCOMING, day);
    }

    /** Signs the document's main file anew: a new content with these signatures becomes its current one. */
    void resign(UUID documentId, Seal... seals) {
        transaction.executeWithoutResult(status -> {
            UUID unitId = jdbc.sql("select unit_id from document where id = ?")
                    .param(documentId)
                    .query(UUID.class)
                    .single();
            String sha = content(unitId, seals, null);
            UUID fileId = jdbc.sql("update document_file set sha256 = ? where document_id = ? and role = 'MAIN' "
                            + "returning id")
                    .params(sha, documentId)
                    .query(UUID.class)
                    .single();
            events.publishEvent(new FileVersionAdded(documentId, unitId, fileId, 2, sha, "application/pdf"));
            events.publishEvent(new SignaturesValidated(sha, SignatureVerdict.ALL_VALID));
        });
    }

    void revoke(UUID documentId) {
        transaction.executeWithoutResult(status -> {
            Map<String, Object> row = jdbc.sql("update document set status = 'REVOKED', revoked_at = now(), "
                            + "revoked_reason = 'Thu hồi' where id = ? returning unit_id, direction")
                    .param(documentId)
                    .query()
                    .singleRow();
            events.publishEvent(new DocumentRevoked(
                    documentId,
                    Direction.valueOf((String) row.get("direction")),
                    (UUID) row.get("unit_id"),
                    "Thu hồi"));
        });
    }

    /** The handling of an incoming document reaches a state; DONE on {@code completedOn}, against {@code deadline}. */
    void handle(UUID documentId, CaseState state, @Nullable LocalDate deadline, @Nullable LocalDate completedOn) {
        transaction.executeWithoutResult(status -> {
            UUID unitId = jdbc.sql("select unit_id from document where id = ?")
                    .param(documentId)
                    .query(UUID.class)
                    .single();
            Timestamp completed = completedOn == null ? null : at(completedOn);
            jdbc.sql("""
                            insert into handling_case (document_id, unit_id, state, urgent, deadline, completed_at, changed_at)
                            values (?, ?, ?, false, ?, ?, now())
                            on conflict (document_id) do update set state = excluded.state, deadline = excluded.deadline,
                              completed_at = excluded.completed_at, changed_at = excluded.changed_at""")
                    .params(documentId, unitId, state.name(), deadline, completed)
                    .update();
            events.publishEvent(new IncomingCaseChanged(documentId, unitId, state, "handling.test", clerkId, null));
        });
    }

    /** A work dossier of the unit holding the documents, closed on the day. */
    UUID aClosedDossier(UUID unitId, LocalDate closedOn, UUID... documentIds) {
        UUID id = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            String code = "TK." + id.toString().substring(0, 13);
            jdbc.sql("""
                            insert into dossier (id, unit_id, year, file_notation, file_code, title, maintenance,
                              language, state, created_by, created_at, closed_by, closed_at)
                            values (?, ?, ?, ?, ?, 'Hồ sơ công việc', '10 năm', 'vi', 'CLOSED', ?, ?, ?, ?)""")
                    .params(
                            id,
                            unitId,
                            closedOn.getYear(),
                            id.toString().substring(0, 8),
                            code,
                            clerkId,
                            at(closedOn),
                            clerkId,
                            at(closedOn))
                    .update();
            for (UUID documentId : documentIds) {
                jdbc.sql(
                                "insert into dossier_document (dossier_id, document_id, added_at, added_by) values (?, ?, ?, ?)")
                        .params(id, documentId, at(closedOn), clerkId)
                        .update();
            }
            events.publishEvent(new DossierClosed(id, unitId, closedOn.getYear(), code, documentIds.length, 1));
        });
        return id;
    }

    /** Waits until the statistics followed every event published since these records were started. */
    void awaitFigures() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            long pending = jdbc.sql("""
                            select count(*) from event_publication where listener_id like '%FigureFollower%'
                            and completion_date is null and publication_date >= ?""")
                    .param(Timestamp.from(started.minusSeconds(1)))
                    .query(Long.class)
                    .single();
            if (pending == 0) {
                return;
            }
            assertThat(Instant.now())
                    .as("statistics still following %d events", pending)
                    .isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void insertDocument(Document d) {
        UUID register = registers.computeIfAbsent(d.unitId, unit -> {
            UUID id = UUID.randomUUID();
            jdbc.sql("insert into register (id, unit_id, direction, name) values (?, ?, 'OUTGOING', 'Sổ văn bản')")
                    .params(id, unit)
                    .update();
            return id;
        });
        int number = NUMBERS.getAndIncrement();
        boolean outgoing = d.direction == Direction.OUTGOING;
        jdbc.sql("""
                        insert into document (id, direction, unit_id, register_id, register_year, number, document_type,
                          type_name, code_number, code_notation, issued_date, organ_name, subject, paper, status,
                          confidentiality, arrival_date, search_vector, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, 'CV', 'Công văn', ?, 'UBND-VP', ?, 'Ủy ban nhân dân', ?, ?, ?, ?, ?,
                          to_tsvector('simple', 'cong van'), ?, now())""")
                .params(
                        d.id,
                        d.direction.name(),
                        d.unitId,
                        register,
                        d.day.getYear(),
                        number,
                        String.format("%02d", number),
                        outgoing ? d.day : d.day.minusDays(1),
                        "Văn bản số " + number,
                        d.paper,
                        outgoing ? "ISSUED" : "REGISTERED",
                        d.confidentiality,
                        outgoing ? null : at(d.day),
                        clerkId)
                .update();
    }

    /** A content with the given signatures, validated: its checks and verdict as the signing module keeps them. */
    private String content(UUID unitId, Seal[] seals, @Nullable SignatureVerdict verdict) {
        String sha = sha();
        boolean anyInvalid = List.of(seals).contains(Seal.PERSONAL_INVALID);
        SignatureVerdict kept = verdict != null
                ? verdict
                : seals.length == 0
                        ? SignatureVerdict.UNSIGNED
                        : anyInvalid ? SignatureVerdict.SOME_INVALID : SignatureVerdict.ALL_VALID;
        jdbc.sql(
                        "insert into signature_validation (sha256, verdict, signature_count, validated_at) values (?, ?, ?, now())")
                .params(sha, kept.name(), seals.length)
                .update();
        int position = 1;
        for (Seal seal : seals) {
            String certificate = switch (seal) {
                case PERSONAL, PERSONAL_INVALID -> certificate(unitId, "PERSONAL");
                case ORGANIZATION -> certificate(unitId, "ORGANIZATION");
                case FOREIGN -> sha();
            };
            jdbc.sql("""
                            insert into signature_validation_check (sha256, position, signature_id, result, reason_code,
                              covers_whole_document, certificate_sha256) values (?, ?, ?, ?, 'signing.reason.ok', true, ?)""")
                    .params(
                            sha,
                            position,
                            "S-" + position,
                            seal == Seal.PERSONAL_INVALID ? "TOTAL_FAILED" : "TOTAL_PASSED",
                            certificate)
                    .update();
            position++;
        }
        return sha;
    }

    private String certificate(UUID unitId, String kind) {
        String[] pair = certificates.computeIfAbsent(unitId, u -> new String[2]);
        int slot = kind.equals("PERSONAL") ? 0 : 1;
        if (pair[slot] == null) {
            pair[slot] = sha();
            jdbc.sql("""
                            insert into signing_certificate (id, kind, person_id, unit_id, subject, issuer, serial_number,
                              sha256, not_before, not_after, medium, certificate, created_at)
                            values (?, ?, ?, ?, 'CN=Thử', 'CN=CA thử', ?, ?, now() - interval '1 year',
                              now() + interval '1 year', 'USB_TOKEN', ?, now())""")
                    .params(
                            UUID.randomUUID(),
                            kind,
                            kind.equals("PERSONAL") ? clerkId : null,
                            unitId,
                            pair[slot].substring(0, 16),
                            pair[slot],
                            new byte[] {1})
                    .update();
        }
        return pair[slot];
    }

    private static String sha() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    private static Timestamp at(LocalDate day) {
        return Timestamp.from(
                day.atTime(LocalTime.of(9, 30)).atZone(VietnamTime.ZONE).toInstant());
    }
}
