package vn.congvan.exchange.axis;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An agency reachable over the axis (cơ quan liên thông), as the hub's directory lists it: its
 * organId, name, the system serving it and its parent agency.
 */
public record OutsideAgency(
        String organId,
        String name,
        String systemId,
        @Nullable String parentOrganId,
        Instant syncedAt) {}
