package vn.congvan.storage.store;

import java.util.HexFormat;
import java.util.regex.Pattern;
import vn.congvan.shared.DomainException;

/** The address of a blob: its SHA-256 as 64 lowercase hex digits, which can never name another path. */
public record Sha256(String hex) {

    private static final Pattern HEX = Pattern.compile("^[0-9a-f]{64}$");

    /** Refuses anything but 64 lowercase hex digits ({@code storage.blob.invalid-address}). */
    public Sha256 {
        if (!HEX.matcher(hex).matches()) {
            throw DomainException.invalid("storage.blob.invalid-address");
        }
    }

    public static Sha256 of(byte[] digest) {
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    @Override
    public String toString() {
        return hex;
    }
}
