package vn.congvan.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The head of the chain (its last record's sequence number and hash) at a time, vouched for by a
 * time-stamp token kept outside the database. A chain rewritten from any record up to {@code seq}
 * no longer gives {@code hash} there; a chain cut before {@code seq} no longer reaches it.
 */
public record Checkpoint(long seq, String hash, Instant stampedAt, byte[] token) {

    /** What the token is over: SHA-256 of {@code "congvan-audit-head:<seq>:<hash>"}. */
    public static byte[] digestOf(long seq, String hash) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("congvan-audit-head:" + seq + ":" + hash).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("seq", Long.toString(seq));
        fields.put("hash", hash);
        fields.put("stampedAt", stampedAt.toString());
        fields.put("token", Base64.getEncoder().encodeToString(token));
        return fields;
    }

    static Checkpoint of(Map<String, String> fields) {
        return new Checkpoint(
                Long.parseLong(field(fields, "seq")),
                field(fields, "hash"),
                Instant.parse(field(fields, "stampedAt")),
                Base64.getDecoder().decode(field(fields, "token")));
    }

    /** A checkpoint file without one of its fields is unreadable. */
    private static String field(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The checkpoint has no " + name);
        }
        return value;
    }
}
