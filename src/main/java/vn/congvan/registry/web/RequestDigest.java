package vn.congvan.registry.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * The SHA-256 of a registration request as its client sent it (the metadata part and every file
 * part, names, types and contents), kept with its Idempotency-Key to tell a retry from another request.
 */
final class RequestDigest {

    private RequestDigest() {}

    static String of(byte[] metadataJson, @Nullable MultipartFile file, @Nullable List<MultipartFile> attachments) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        field(sha256, metadataJson);
        List<MultipartFile> parts = new ArrayList<>();
        if (file != null) {
            parts.add(file);
        }
        if (attachments != null) {
            parts.addAll(attachments);
        }
        byte[] buffer = new byte[64 * 1024];
        for (MultipartFile part : parts) {
            field(sha256, String.valueOf(part.getOriginalFilename()).getBytes(StandardCharsets.UTF_8));
            field(sha256, String.valueOf(part.getContentType()).getBytes(StandardCharsets.UTF_8));
            sha256.update(
                    ByteBuffer.allocate(Long.BYTES).putLong(part.getSize()).array());
            try (InputStream in = part.getInputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    sha256.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** A length before each field, so that moving bytes from one field to the next changes the digest. */
    private static void field(MessageDigest sha256, byte[] value) {
        sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        sha256.update(value);
    }
}
