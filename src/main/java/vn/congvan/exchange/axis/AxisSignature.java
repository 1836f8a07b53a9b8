package vn.congvan.exchange.axis;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of an axis request (docs/axis-protocol.md): base64 HMAC-SHA256 with the system's
 * shared secret over the method, the path and query, the timestamp, the nonce and the body's hash.
 */
public final class AxisSignature {

    public static final String SYSTEM = "X-Axis-System";
    public static final String TIMESTAMP = "X-Axis-Timestamp";
    public static final String NONCE = "X-Axis-Nonce";
    public static final String CONTENT_SHA256 = "X-Axis-Content-SHA256";
    public static final String SIGNATURE = "X-Axis-Signature";

    /** The SHA-256 of no bytes, the content hash of a request without a body. */
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private AxisSignature() {}

    public static String sign(
            String secret, String method, String pathAndQuery, long timestamp, String nonce, String contentSha256) {
        String text = method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + contentSha256;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every Java runtime has HMAC-SHA256", e);
        }
    }

    /** Whether {@code signature} is the one {@link #sign} gives, compared in constant time. */
    public static boolean matches(
            String signature,
            String secret,
            String method,
            String pathAndQuery,
            long timestamp,
            String nonce,
            String contentSha256) {
        byte[] expected = sign(secret, method, pathAndQuery, timestamp, nonce, contentSha256)
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
