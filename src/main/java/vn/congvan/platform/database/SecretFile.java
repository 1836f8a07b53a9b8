package vn.congvan.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/** A password kept in a file that only the operating-system user running CongVan may read. */
final class SecretFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {}

    /** A new random password: 32 random bytes in URL-safe Base64, nothing to quote in SQL. */
    static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Optional<String> read(Path file) throws IOException {
        try {
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
    }

    /** Writes the password, readable by its owner only, in a directory only its owner may enter. */
    static void write(Path file, String secret) throws IOException {
        Path dir = Objects.requireNonNull(file.toAbsolutePath().getParent(), "a secret file is kept in a directory");
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        Path written = dir.resolve(file.getFileName() + ".new");
        Files.deleteIfExists(written);
        if (posix) {
            Files.createFile(
                    written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(written);
        }
        Files.writeString(written, secret, StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
