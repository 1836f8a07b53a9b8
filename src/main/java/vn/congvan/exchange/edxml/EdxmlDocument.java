package vn.congvan.exchange.edxml;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A document package: its header, the hops it made, its business part and the manifest of its files. */
public record EdxmlDocument(
        MessageHeader header,
        List<TraceHeader> traces,
        @Nullable Business business,
        List<Reference> manifest) {

    public EdxmlDocument {
        traces = List.copyOf(traces);
        manifest = List.copyOf(manifest);
    }
}
