package vn.congvan.signing.document;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.congvan.shared.DomainException;
import vn.congvan.signing.SignatureKind;
import vn.congvan.signing.document.SignedFile.Appearance;
import vn.congvan.signing.pades.PadesSignature;
import vn.congvan.signing.pades.SignatureDictionary;
import vn.congvan.signing.pades.VisibleSignature;
import vn.congvan.signing.register.PresentedCertificates;

/** The two-step signatures prepared and not yet finished, kept in the database between the steps. */
@Component
class SignatureSessions {

    private final JdbcClient jdbc;
    private final Clock clock;

    SignatureSessions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void add(SignatureSession session, Instant now) {
        PadesSignature signature = session.signature();
        VisibleSignature visible = signature.appearance();
        SignatureDictionary dictionary = signature.dictionary();
        jdbc.sql("""
                insert into signature_session (id, document_id, file_id, file_sha256, kind, certificate_id, chain,
                    appearance, page, x, y, anchored_top_right, width, height, image, text, font_size,
                    signer_name, reason, location, signing_time, data_to_sign, created_by, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        session.id(),
                        session.documentId(),
                        session.fileId(),
                        session.fileSha256(),
                        session.kind().name(),
                        session.certificateId(),
                        encode(signature.chain()),
                        session.appearance().name(),
                        visible.page(),
                        visible.x(),
                        visible.y(),
                        visible.anchoredTopRight(),
                        visible.width(),
                        visible.height(),
                        visible.image(),
                        visible.text(),
                        visible.fontSize(),
                        dictionary.signerName(),
                        dictionary.reason(),
                        dictionary.location(),
                        Timestamp.from(dictionary.signingTime()),
                        session.dataToSign(),
                        session.createdBy(),
                        Timestamp.from(now),
                        Timestamp.from(session.expiresAt()))
                .update();
    }

    Optional<SignatureSession> find(UUID id) {
        return jdbc.sql("select * from signature_session where id = ?")
                .param(id)
                .query(SignatureSessions::row)
                .optional();
    }

    /**
     * Forgets sessions that expired a day ago or more: they hold a copy of the data to sign and of
     * the appearance. Safe on every node at once (the same delete), so no lock is needed.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    int forgetExpired() {
        return jdbc.sql("delete from signature_session where expires_at < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
                .update();
    }

    /** Marks the session served; false when another request served it first. */
    boolean markUsed(UUID id, Instant now) {
        return jdbc.sql("update signature_session set used_at = ? where id = ? and used_at is null")
                        .params(Timestamp.from(now), id)
                        .update()
                == 1;
    }

    static DomainException notFound(UUID id) {
        return DomainException.notFound("signing.session.not-found", id);
    }

    private static String encode(List<X509Certificate> chain) {
        StringBuilder lines = new StringBuilder();
        for (X509Certificate certificate : chain) {
            try {
                lines.append(Base64.getEncoder().encodeToString(certificate.getEncoded()))
                        .append('\n');
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("The certificate cannot be encoded", e);
            }
        }
        return lines.toString();
    }

    private static List<X509Certificate> decode(String lines) {
        List<X509Certificate> chain = new ArrayList<>();
        for (String line : lines.split("\n")) {
            if (!line.isBlank()) {
                chain.add(PresentedCertificates.parse(Base64.getDecoder().decode(line.strip())));
            }
        }
        return chain;
    }

    private static SignatureSession row(ResultSet rs, int n) throws SQLException {
        VisibleSignature visible = new VisibleSignature(
                rs.getInt("page"),
                rs.getFloat("x"),
                rs.getFloat("y"),
                rs.getBoolean("anchored_top_right"),
                rs.getFloat("width"),
                rs.getFloat("height"),
                rs.getBytes("image"),
                rs.getString("text"),
                rs.getFloat("font_size"));
        SignatureDictionary dictionary = new SignatureDictionary(
                rs.getString("signer_name"),
                rs.getString("reason"),
                rs.getString("location"),
                rs.getTimestamp("signing_time").toInstant());
        Timestamp used = rs.getTimestamp("used_at");
        return new SignatureSession(
                rs.getObject("id", UUID.class),
                rs.getObject("document_id", UUID.class),
                rs.getObject("file_id", UUID.class),
                rs.getString("file_sha256"),
                SignatureKind.valueOf(rs.getString("kind")),
                rs.getObject("certificate_id", UUID.class),
                Appearance.valueOf(rs.getString("appearance")),
                new PadesSignature(decode(rs.getString("chain")), visible, dictionary),
                rs.getBytes("data_to_sign"),
                rs.getObject("created_by", UUID.class),
                rs.getTimestamp("expires_at").toInstant(),
                used == null ? null : used.toInstant());
    }
}
