package vn.congvan.exchange.edxml;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An edXML package (gói tin edXML): either a document with its attachments or a status. Closing it
 * deletes the temporary files of its attachments.
 */
public record EdxmlPackage(
        @Nullable EdxmlDocument document, @Nullable EdxmlStatus status, List<EdxmlAttachment> attachments)
        implements AutoCloseable {

    public EdxmlPackage {
        if ((document == null) == (status == null)) {
            throw new IllegalArgumentException("An edXML package carries either a document or a status");
        }
        attachments = List.copyOf(attachments);
    }

    public static EdxmlPackage ofDocument(EdxmlDocument document, List<EdxmlAttachment> attachments) {
        return new EdxmlPackage(document, null, attachments);
    }

    public static EdxmlPackage ofStatus(EdxmlStatus status) {
        return new EdxmlPackage(null, status, List.of());
    }

    @Override
    public void close() {
        for (EdxmlAttachment attachment : attachments) {
            attachment.close();
        }
    }
}
