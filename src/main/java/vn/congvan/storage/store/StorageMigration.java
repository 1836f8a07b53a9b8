package vn.congvan.storage.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import vn.congvan.shared.DomainException;

/**
 * Copies every content of one store into another and verifies each copy by reading it back: a
 * content the target already holds whole is only read back; one it holds damaged is replaced; a
 * content whose bytes on the source no longer match its address is not copied but reported, and so
 * is a copy that does not read back as its address. Running it again copies what is missing and
 * mends what was damaged; the source is left as it is.
 */
final class StorageMigration {

    private static final String NOT_FOUND = "storage.blob.not-found";

    /** What a migration did: how many contents, their bytes, and those it could not bring over. */
    record Result(int contents, long bytes, int verified, List<String> failures) {

        boolean complete() {
            return failures.isEmpty();
        }

        /** The line the command prints. */
        String line(String target) {
            if (complete()) {
                return "Storage migration complete: " + contents + " files (" + bytes + " bytes) in " + target + ", "
                        + verified + " verified by reading them back";
            }
            return "Storage migration INCOMPLETE: " + failures.size() + " of " + contents + " files are not in "
                    + target + ": " + String.join("; ", failures);
        }
    }

    private StorageMigration() {}

    static Result copy(BlobStore source, BlobStore target) throws IOException {
        int contents = 0;
        long bytes = 0;
        int verified = 0;
        List<String> failures = new ArrayList<>();
        try (Stream<BlobStore.KeptContent> kept = source.keptBefore(Instant.now())) {
            for (BlobStore.KeptContent content : (Iterable<BlobStore.KeptContent>) kept::iterator) {
                contents++;
                bytes += content.size();
                Sha256 address = content.address();
                if (readsBackAs(target, address)) {
                    // Brought over by an earlier run: read back, not copied again.
                    verified++;
                    continue;
                }
                // A damaged copy, if an earlier attempt or the store left one, goes first.
                target.delete(address);
                if (!sentIntact(source, target, address)) {
                    failures.add(address.hex() + " (its bytes on disk no longer match its address)");
                } else if (readsBackAs(target, address)) {
                    verified++;
                } else {
                    failures.add(address.hex() + " (the copy does not read back as its address)");
                }
            }
        }
        return new Result(contents, bytes, verified, List.copyOf(failures));
    }

    /** Stages the source's content, checking it on the way, and keeps it in the target; false when it is damaged. */
    private static boolean sentIntact(BlobStore source, BlobStore target, Sha256 address) throws IOException {
        Path staged = target.newStagingFile();
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(source.open(address), digest);
                OutputStream out = Files.newOutputStream(staged)) {
            in.transferTo(out);
        }
        if (!Sha256.of(digest.digest()).equals(address)) {
            Files.deleteIfExists(staged);
            return false;
        }
        target.keep(address, staged);
        return true;
    }

    /** Whether the store holds the content whole; false when it holds none. */
    private static boolean readsBackAs(BlobStore store, Sha256 address) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(store.open(address), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (DomainException e) {
            if (NOT_FOUND.equals(e.code())) {
                return false;
            }
            throw e;
        }
        return Sha256.of(digest.digest()).equals(address);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
