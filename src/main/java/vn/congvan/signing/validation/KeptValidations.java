package vn.congvan.signing.validation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.VietnamTime;
import vn.congvan.signing.FileSignatures;
import vn.congvan.signing.SignatureCheck;
import vn.congvan.signing.SignatureResult;
import vn.congvan.signing.SignatureVerdict;
import vn.congvan.signing.SignaturesValidated;
import vn.congvan.signing.ValidationReport;
import vn.congvan.storage.Blobs;

/**
 * The verdicts kept on PDF contents, by their SHA-256: one content validated once serves every
 * document that holds it. Validating happens outside any transaction (it may take seconds and a
 * revocation check on the network); only the keeping of the result is one.
 */
@Component
public class KeptValidations {

    private final PdfValidator validator;
    private final Blobs blobs;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    KeptValidations(PdfValidator validator, Blobs blobs, JdbcClient jdbc, MessageSource messages,
            PlatformTransactionManager transactions, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.validator = validator;
        this.blobs = blobs;
        this.jdbc = jdbc;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Validates the stored content now and keeps the verdict in place of any earlier one. */
    public void validate(String sha256) {
        ValidationReport report = blobs.withLocalFile(sha256, pdf -> validator.validate(pdf, Locale.ROOT));
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> keep(sha256, report, now));
    }

    /** The kept verdict on the file's current content, with reasons in the reader's language. */
    public Optional<FileSignatures> find(DocumentView.FileView file, Locale locale) {
        return jdbc.sql("select verdict, signature_count, validated_at from signature_validation where sha256 = ?")
                .param(file.sha256())
                .query((rs, n) -> new FileSignatures(file.id(), file.fileName(), file.role(), file.sha256(),
                        SignatureVerdict.valueOf(rs.getString("verdict")), rs.getInt("signature_count"),
                        rs.getTimestamp("validated_at").toInstant(), checks(file.sha256(), locale)))
                .optional();
    }

    /** The kept verdict on a content, if it was validated. */
    public Optional<SignatureVerdict> verdict(String sha256) {
        return jdbc.sql("select verdict from signature_validation where sha256 = ?")
                .param(sha256)
                .query((rs, n) -> SignatureVerdict.valueOf(rs.getString("verdict")))
                .optional();
    }

    private void keep(String sha256, ValidationReport report, Instant now) {
        // The upsert locks the row, so two validations of one content at once keep one whole result.
        jdbc.sql("""
                        insert into signature_validation (sha256, verdict, signature_count, validated_at)
                        values (?, ?, ?, ?)
                        on conflict (sha256) do update set verdict = excluded.verdict,
                            signature_count = excluded.signature_count, validated_at = excluded.validated_at""")
                .params(sha256, report.verdict().name(), report.signatures().size(), Timestamp.from(now))
                .update();
        jdbc.sql("delete from signature_validation_check where sha256 = ?").param(sha256).update();
        int position = 1;
        for (SignatureCheck s : report.signatures()) {
            jdbc.sql("""
                            insert into signature_validation_check (sha256, position, signature_id, field_name,
                                signer_name, unit, certificate_serial, certificate_sha256, signing_time, level,
                                result, reason_code, covers_whole_document, timestamp_time)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(sha256, position++, s.id(), s.fieldName(), s.signerName(), s.unit(),
                            s.certificateSerial(), s.certificateSha256(),
                            s.signingTime() != null ? Timestamp.from(s.signingTime().toInstant()) : null,
                            s.level(), s.result().name(), s.reasonCode(), s.coversWholeDocument(),
                            s.timestampTime() != null ? Timestamp.from(s.timestampTime().toInstant()) : null)
                    .update();
        }
        events.publishEvent(new SignaturesValidated(sha256, report.verdict()));
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
                null);
    }

    private static @Nullable OffsetDateTime vietnamTime(@Nullable Timestamp time) {
        return time != null ? time.toInstant().atZone(VietnamTime.ZONE).toOffsetDateTime() : null;
    }
}
