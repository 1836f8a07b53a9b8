package vn.congvan.exchange.edxml;

import java.util.List;

/** A document a replacement supersedes, and the agencies that received it. */
public record Replacement(String documentId, List<String> organIds) {

    public Replacement {
        organIds = List.copyOf(organIds);
    }
}
