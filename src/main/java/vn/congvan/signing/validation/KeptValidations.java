package vn.congvan.signing.validation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.VietnamTime;
import vn.congvan.signing.SignatureCheck;
import vn.congvan.signing.SignatureIntegrity;
import vn.congvan.signing.SignatureResult;
import vn.congvan.signing.SignatureVerdict;
import vn.congvan.signing.SignaturesValidated;
import vn.congvan.signing.ValidationReport;
import vn.congvan.storage.Blobs;

/**
 * The verdicts kept on PDF contents, by their SHA-256: one content validated once serves every
 * document that holds it. Each verdict says against which trust list it was made and from when it
 * may change (a certificate's expiry, revocation data that could not be had); such a verdict, and one
 * made against another trust list, is made again. Validating happens outside any transaction (it may
 * take seconds and a revocation check on the network); only the keeping of the result is one.
 */
@Component
public class KeptValidations {

    private static final Logger log = LoggerFactory.getLogger(KeptValidations.class);

    /** How soon revocation data that could not be had is asked for again. */
    static final Duration REVOCATION_RETRY = Duration.ofHours(1);

    private static final Duration CLAIM = Duration.ofMinutes(10);
    private static final Duration AFTER_A_FAILURE = Duration.ofDays(1);

    private final PdfValidator validator;
    private final Blobs blobs;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TrustAnchors anchors;
    private final UnderWay<String, String> underWay = new UnderWay<>();

    KeptValidations(
            PdfValidator validator,
            Blobs blobs,
            JdbcClient jdbc,
            MessageSource messages,
            PlatformTransactionManager transactions,
            Clock clock,
            ApplicationEventPublisher events,
            TrustAnchors anchors) {
        this.events = events;
        this.validator = validator;
        this.blobs = blobs;
        this.jdbc = jdbc;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.anchors = anchors;
    }

    /** Validates the stored content now and keeps the verdict in place of any earlier one. */
    public void validate(String sha256) {
        validateAgainst(sha256, anchors.fingerprint());
    }

    /**
     * Validates the stored content and keeps the verdict, or waits for the validation of it already
     * under way on this node (on registration, a reader opening the document meanwhile): a gigabyte
     * scan takes DSS most of a minute, and is then validated once. A verdict made meanwhile against
     * other trust anchors is made again.
     */
    public void validateOrAwait(String sha256) {
        String trustList = anchors.fingerprint();
        String madeAgainst = underWay.run(sha256, () -> validateAgainst(sha256, trustList));
        if (!madeAgainst.equals(anchors.fingerprint())) {
            validate(sha256);
        }
    }

    /**
     * Validates against the trust list taken before: anchors added meanwhile make the verdict stale,
     * not wrongly current. Returns that trust list.
     */
    private String validateAgainst(String sha256, String trustList) {
        ValidationReport report = blobs.withLocalFile(sha256, pdf -> validator.validate(pdf, Locale.ROOT));
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> keep(sha256, report, now, trustList));
        return trustList;
    }

    /**
     * The kept verdict on the file's current content, with reasons in the reader's language, if it
     * was made against the trust list in force: one made against another may be wrong now.
     */
    public Optional<FileSignatures> find(DocumentView.FileView file, Locale locale) {
        return jdbc.sql("""
                        select verdict, signature_count, validated_at, trust_list, altered from signature_validation
                        where sha256 = ? and trust_list = ?""")
                .params(file.sha256(), anchors.fingerprint())
                .query((rs, n) -> new FileSignatures(
                        file.id(),
                        file.fileName(),
                        file.role(),
                        file.sha256(),
                        SignatureVerdict.valueOf(rs.getString("verdict")),
                        rs.getInt("signature_count"),
                        rs.getTimestamp("validated_at").toInstant(),
                        rs.getString("trust_list"),
                        rs.getBoolean("altered"),
                        checks(file.sha256(), locale)))
                .optional();
    }

    /** The kept verdict on a content, if it was validated. */
    public Optional<SignatureVerdict> verdict(String sha256) {
        return jdbc.sql("select verdict from signature_validation where sha256 = ?")
                .param(sha256)
                .query((rs, n) -> SignatureVerdict.valueOf(rs.getString("verdict")))
                .optional();
    }

    /** Whether a signature of the content was found no longer what was signed, whoever signed it. */
    public boolean altered(String sha256) {
        return jdbc.sql("select altered from signature_validation where sha256 = ?")
                .param(sha256)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /**
     * Makes again, within the time given, the kept verdicts that may be wrong now: made against
     * another trust list (the anchors changed), or due (a certificate expired since, revocation data
     * were missing). Every node may run it: a node claims the verdicts it makes again.
     *
     * @return how many were made again
     */
    public int revalidateStale(Duration budget) {
        Instant end = clock.instant().plus(budget);
        int done = 0;
        while (clock.instant().isBefore(end)) {
            List<String> due = claimDue(20);
            if (due.isEmpty()) {
                break;
            }
            for (String sha256 : due) {
                try {
                    validate(sha256);
                    done++;
                } catch (DomainException e) {
                    log.info("Content {} is no readable PDF any more: {}", sha256, e.code());
                    hold(sha256, AFTER_A_FAILURE);
                } catch (RuntimeException e) {
                    log.warn("Cannot validate content {} again: {}", sha256, e.toString());
                    hold(sha256, AFTER_A_FAILURE);
                }
            }
        }
        return done;
    }

    private List<String> claimDue(int limit) {
        return transaction.execute(status -> jdbc.sql("""
                        update signature_validation set revalidating_until = ?
                        where sha256 in (
                            select sha256 from signature_validation
                            where (trust_list is distinct from ? or revalidate_after <= ?)
                              and (revalidating_until is null or revalidating_until < ?)
                            order by validated_at
                            limit ?
                            for update skip locked)
                        returning sha256""")
                .params(
                        Timestamp.from(clock.instant().plus(CLAIM)),
                        anchors.fingerprint(),
                        Timestamp.from(clock.instant()),
                        Timestamp.from(clock.instant()),
                        limit)
                .query(String.class)
                .list());
    }

    private void hold(String sha256, Duration duration) {
        jdbc.sql("update signature_validation set revalidating_until = ? where sha256 = ?")
                .params(Timestamp.from(clock.instant().plus(duration)), sha256)
                .update();
    }

    private void keep(String sha256, ValidationReport report, Instant now, String trustList) {
        boolean altered =
                report.signatures().stream().anyMatch(s -> !s.integrity().intact());
        Instant revalidateAfter = revalidateAfter(report, now);
        // The upsert locks the row, so two validations of one content at once keep one whole result.
        jdbc.sql("""
                        insert into signature_validation (sha256, verdict, signature_count, validated_at, trust_list,
                            revalidate_after, revalidating_until, altered)
                        values (?, ?, ?, ?, ?, ?, null, ?)
                        on conflict (sha256) do update set verdict = excluded.verdict,
                            signature_count = excluded.signature_count, validated_at = excluded.validated_at,
                            trust_list = excluded.trust_list, revalidate_after = excluded.revalidate_after,
                            revalidating_until = null, altered = excluded.altered""")
                .params(
                        sha256,
                        report.verdict().name(),
                        report.signatures().size(),
                        Timestamp.from(now),
                        trustList,
                        revalidateAfter != null ? Timestamp.from(revalidateAfter) : null,
                        altered)
                .update();
        jdbc.sql("delete from signature_validation_check where sha256 = ?")
                .param(sha256)
                .update();
        int position = 1;
        for (SignatureCheck s : report.signatures()) {
            jdbc.sql("""
                            insert into signature_validation_check (sha256, position, signature_id, field_name,
                                signer_name, unit, certificate_serial, certificate_sha256, signing_time, level,
                                result, reason_code, covers_whole_document, timestamp_time, integrity,
                                certificate_reason_code)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            sha256,
                            position++,
                            s.id(),
                            s.fieldName(),
                            s.signerName(),
                            s.unit(),
                            s.certificateSerial(),
                            s.certificateSha256(),
                            s.signingTime() != null
                                    ? Timestamp.from(s.signingTime().toInstant())
                                    : null,
                            s.level(),
                            s.result().name(),
                            s.reasonCode(),
                            s.coversWholeDocument(),
                            s.timestampTime() != null
                                    ? Timestamp.from(s.timestampTime().toInstant())
                                    : null,
                            s.integrity().name(),
                            s.certificateReasonCode())
                    .update();
        }
        events.publishEvent(new SignaturesValidated(sha256, report.verdict()));
    }

    /**
     * From when the verdict may change without the file changing: revocation data that could not be
     * had may be had later; a signature judged while its certificate is valid is judged otherwise once
     * it expires, unless a time-stamp vouches for it. A forgery stays one, and is never looked at again.
     */
    static @Nullable Instant revalidateAfter(ValidationReport report, Instant now) {
        Instant next = null;
        for (SignatureCheck s : report.signatures()) {
            if (!s.integrity().intact()) {
                continue;
            }
            if (Reasons.REVOCATION_UNAVAILABLE.equals(s.reasonCode())
                    || Reasons.REVOCATION_UNAVAILABLE.equals(s.certificateReasonCode())) {
                next = earliest(next, now.plus(REVOCATION_RETRY));
            }
            if (s.certificateValidUntil() != null
                    && s.certificateValidUntil().toInstant().isAfter(now)) {
                next = earliest(next, s.certificateValidUntil().toInstant().plusSeconds(1));
            }
        }
        return next;
    }

    private static Instant earliest(@Nullable Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private List<SignatureCheck> checks(String sha256, Locale locale) {
        return jdbc.sql("select * from signature_validation_check where sha256 = ? order by position")
                .param(sha256)
                .query((rs, n) -> check(rs, locale))
                .list();
    }

    private SignatureCheck check(ResultSet rs, Locale locale) throws SQLException {
        SignatureResult result = SignatureResult.valueOf(rs.getString("result"));
        String reasonCode = rs.getString("reason_code");
        @Nullable String certificateReasonCode = rs.getString("certificate_reason_code");
        @Nullable Timestamp signingTime = rs.getTimestamp("signing_time");
        return new SignatureCheck(
                rs.getString("signature_id"),
                rs.getString("field_name"),
                rs.getString("signer_name"),
                rs.getString("unit"),
                rs.getString("certificate_serial"),
                rs.getString("certificate_sha256"),
                vietnamTime(signingTime),
                rs.getString("level"),
                result,
                reasonCode,
                messages.getMessage(reasonCode, new Object[] {result.name()}, locale),
                rs.getBoolean("covers_whole_document"),
                vietnamTime(rs.getTimestamp("timestamp_time")),
                null,
                SignatureIntegrity.valueOf(rs.getString("integrity")),
                certificateReasonCode,
                certificateReasonCode != null
                        ? messages.getMessage(certificateReasonCode, new Object[] {result.name()}, locale)
                        : null,
                null);
    }

    private static @Nullable OffsetDateTime vietnamTime(@Nullable Timestamp time) {
        return time != null ? time.toInstant().atZone(VietnamTime.ZONE).toOffsetDateTime() : null;
    }
}
