package vn.congvan.storage.upload;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The SHA-256 of the bytes an upload holds, carried along while its PATCHes reach this node one after
 * another, so that a complete upload is not read again to be addressed. A digest is only ever used at
 * the offset it stands at; an upload resumed elsewhere or after a restart is read once at the end.
 */
final class RunningDigests {

    private static final int KEPT = 1_000;

    /** A digest of the first {@code position} bytes of an upload. */
    record Running(long position, MessageDigest digest) {}

    private final Map<UUID, Running> running = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Running> eldest) {
            return size() > KEPT;
        }
    };

    /** The digest standing at {@code position}, taken out (a fresh one at 0), or null when none does. */
    synchronized @Nullable MessageDigest takeAt(UUID id, long position) {
        Running found = running.remove(id);
        if (found != null && found.position() == position) {
            return found.digest();
        }
        return position == 0 ? sha256() : null;
    }

    synchronized void put(UUID id, long position, MessageDigest digest) {
        running.put(id, new Running(position, digest));
    }

    synchronized void forget(UUID id) {
        running.remove(id);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
