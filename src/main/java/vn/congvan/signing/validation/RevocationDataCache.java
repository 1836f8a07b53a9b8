package vn.congvan.signing.validation;

import eu.europa.esig.dss.spi.client.http.DataLoader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fetches CRLs and OCSP answers online and keeps the last answer to each request in PostgreSQL;
 * when the authority cannot be reached, gives the kept answer instead, so that validation works
 * offline. Online comes first: a revocation published since is never hidden by the cache.
 */
final class RevocationDataCache implements DataLoader {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(RevocationDataCache.class);

    private final DataLoader online;
    private final transient JdbcClient jdbc;

    RevocationDataCache(DataLoader online, JdbcClient jdbc) {
        this.online = online;
        this.jdbc = jdbc;
    }

    @Override
    public byte[] get(String url) {
        return fetched(url, null);
    }

    @Override
    public DataAndUrl get(List<String> urls) {
        RuntimeException failure = null;
        for (String url : urls) {
            try {
                return new DataAndUrl(url, fetched(url, null));
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        throw failure != null ? failure : new IllegalArgumentException("No address to fetch from");
    }

    @Override
    public byte[] post(String url, byte[] content) {
        return fetched(url, content);
    }

    @Override
    public void setContentType(String contentType) {
        online.setContentType(contentType);
    }

    private byte[] fetched(String url, byte @Nullable [] content) {
        String key = key(url, content);
        byte[] answer;
        try {
            answer = content == null ? online.get(url) : online.post(url, content);
        } catch (RuntimeException e) {
            Optional<byte[]> kept = kept(key);
            if (kept.isEmpty()) {
                throw e;
            }
            log.info("{} is unreachable ({}): using the revocation data kept from before", url, e.toString());
            return kept.get();
        }
        if (answer != null && answer.length > 0) {
            keep(key, url, answer);
        }
        return answer;
    }

    private Optional<byte[]> kept(String key) {
        return jdbc.sql("select response from revocation_data_cache where request_sha256 = ?")
                .param(key)
                .query(byte[].class)
                .optional();
    }

    private void keep(String key, String url, byte[] answer) {
        jdbc.sql("""
                insert into revocation_data_cache (request_sha256, url, response, fetched_at) values (?, ?, ?, ?)
                on conflict (request_sha256) do update set response = excluded.response,
                    fetched_at = excluded.fetched_at
                """)
                .params(key, url, answer, java.sql.Timestamp.from(Instant.now()))
                .update();
    }

    private static String key(String url, byte @Nullable [] content) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(url.getBytes(StandardCharsets.UTF_8));
            if (content != null) {
                sha256.update((byte) 0);
                sha256.update(content);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
