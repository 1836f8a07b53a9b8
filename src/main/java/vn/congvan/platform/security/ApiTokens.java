package vn.congvan.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.congvan.platform.CongVanProperties;

/**
 * Bearer tokens of the API. Only a SHA-256 of each token is stored, so a leaked table grants
 * nothing; every node reads the same table, so any node accepts any token.
 */
@Component
class ApiTokens {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CongVanProperties properties;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock, CongVanProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    record IssuedToken(String token, Instant expiresAt) {}

    /** Who holds a token, and the credentials version they had when it was issued. */
    record Holder(String username, long credentialsVersion) {}

    IssuedToken issue(String username, long credentialsVersion) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.api().tokenValidity());
        jdbc.sql("""
                        insert into api_token (token_hash, username, issued_at, expires_at, credentials_version)
                        values (?, ?, ?, ?, ?)""")
                .params(hash(token), username, Timestamp.from(now), Timestamp.from(expiresAt), credentialsVersion)
                .update();
        return new IssuedToken(token, expiresAt);
    }

    Optional<Holder> holderOf(String token) {
        return jdbc.sql("select username, credentials_version from api_token where token_hash = ? and expires_at > ?")
                .params(hash(token), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Holder(rs.getString("username"), rs.getLong("credentials_version")))
                .optional();
    }

    /** Forgets the token: from now on no node accepts it. */
    void revoke(String token) {
        jdbc.sql("delete from api_token where token_hash = ?")
                .param(hash(token))
                .update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetExpired() {
        jdbc.sql("delete from api_token where expires_at < ?")
                .param(Timestamp.from(clock.instant()))
                .update();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
