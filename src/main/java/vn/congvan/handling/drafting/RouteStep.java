package vn.congvan.handling.drafting;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.shared.Role;

/** One step of a submitted draft's route: who approves it, and when they did. */
record RouteStep(
        int position, Role role, UUID approverId, @Nullable Instant decidedAt) {

    RouteStep decided(Instant at) {
        return new RouteStep(position, role, approverId, at);
    }
}
