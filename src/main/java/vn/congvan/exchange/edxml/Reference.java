package vn.congvan.exchange.edxml;

/** An entry of the manifest ({@code edXMLManifest/Reference}) naming one attachment; the content id without "cid:". */
public record Reference(String contentId, String contentType, String attachmentName, String description) {

    /** The manifest entry of an attachment. */
    public static Reference of(EdxmlAttachment attachment) {
        return new Reference(
                attachment.contentId(),
                attachment.contentType(),
                attachment.name().value(),
                attachment.description());
    }
}
