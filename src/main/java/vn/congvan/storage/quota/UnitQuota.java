package vn.congvan.storage.quota;

import java.util.UUID;

/** A unit's quota and what its officials have brought so far (finished and unfinished uploads). */
public record UnitQuota(UUID unitId, long quotaBytes, long usedBytes) {

    /** Whether a file of {@code length} more bytes stays within the quota. */
    public boolean hasRoomFor(long length) {
        return usedBytes <= quotaBytes - length;
    }
}
