package vn.congvan.exchange.axis;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The last synchronization of the agency directory with the hub: when, how many of our units were
 * published and how many agencies listed, and the error when it failed.
 */
public record DirectorySyncView(
        Instant at, int published, int listed, @Nullable String error) {

    public boolean succeeded() {
        return error == null;
    }
}
