package vn.congvan.signing.document;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.congvan.signing.SignatureKind;
import vn.congvan.signing.document.SignedFile.Appearance;
import vn.congvan.signing.keys.SigningCertificates;

/**
 * The plug-in signatures handed out and not yet back, found by their tokens. A token is a random
 * secret given once; the database keeps only its SHA-256, so a copy of the table opens nothing.
 */
@Component
class PluginSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    PluginSessions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new random token: 32 bytes, URL-safe base64. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    void add(PluginSession session, String downloadToken, String uploadToken, Instant now) {
        jdbc.sql("""
                insert into plugin_session (id, document_id, file_id, file_sha256, kind, appearance, person_id,
                    download_token_hash, upload_token_hash, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        session.id(),
                        session.documentId(),
                        session.fileId(),
                        session.fileSha256(),
                        session.kind().name(),
                        session.appearance().name(),
                        session.personId(),
                        hash(downloadToken),
                        hash(uploadToken),
                        Timestamp.from(now),
                        Timestamp.from(session.expiresAt()))
                .update();
    }

    /**
     * The session whose file the download token opens, marked downloaded; empty when the token is
     * unknown, already served a download, or its session expired or served.
     */
    Optional<PluginSession> download(String downloadToken, Instant now) {
        return jdbc.sql("""
                update plugin_session set downloaded_at = ?
                where download_token_hash = ? and downloaded_at is null and used_at is null and expires_at > ?
                returning *""")
                .params(Timestamp.from(now), hash(downloadToken), Timestamp.from(now))
                .query(PluginSessions::session)
                .optional();
    }

    Optional<PluginSession> byUploadToken(String uploadToken) {
        return jdbc.sql("select * from plugin_session where upload_token_hash = ?")
                .param(hash(uploadToken))
                .query(PluginSessions::session)
                .optional();
    }

    /** Marks the session served; false when another upload served it first or it expired meanwhile. */
    boolean markUsed(UUID id, Instant now) {
        return jdbc.sql("update plugin_session set used_at = ? where id = ? and used_at is null and expires_at > ?")
                        .params(Timestamp.from(now), id, Timestamp.from(now))
                        .update()
                == 1;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    int forgetExpired() {
        return jdbc.sql("delete from plugin_session where expires_at < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
                .update();
    }

    private static String hash(String token) {
        return SigningCertificates.sha256(token.getBytes(StandardCharsets.US_ASCII));
    }

    private static PluginSession session(ResultSet rs, int row) throws SQLException {
        Timestamp used = rs.getTimestamp("used_at");
        return new PluginSession(
                rs.getObject("id", UUID.class),
                rs.getObject("document_id", UUID.class),
                rs.getObject("file_id", UUID.class),
                rs.getString("file_sha256"),
                SignatureKind.valueOf(rs.getString("kind")),
                Appearance.valueOf(rs.getString("appearance")),
                rs.getObject("person_id", UUID.class),
                rs.getTimestamp("expires_at").toInstant(),
                used == null ? null : used.toInstant());
    }
}
