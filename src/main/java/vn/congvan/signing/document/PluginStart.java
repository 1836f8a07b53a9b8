package vn.congvan.signing.document;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A signature handed to the desktop signing plug-in: the plug-in's {@code operation} (the function
 * of its web script, e.g. {@code vgca_sign_approved}) and the {@code request} the page gives it as
 * JSON. The download address serves once; the upload token is the session's only key.
 */
public record PluginStart(UUID sessionId, String operation, OffsetDateTime expiresAt, PluginRequest request) {

    /** The plug-in's request, in the plug-in's own field names. */
    public record PluginRequest(
            @JsonProperty("FileName") String fileName,
            @JsonProperty("FileDownloadUrl") String fileDownloadUrl,
            @JsonProperty("FileUploadHandler") String fileUploadHandler,
            @JsonProperty("SessionId") String sessionId,
            @JsonProperty("JWTToken") String jwtToken,
            @JsonProperty("DocumentNumber") @Nullable String documentNumber,
            @JsonProperty("DocumentDate") String documentDate,
            @JsonProperty("MetaData") List<MetaData> metaData,
            @JsonProperty("Signature") Placement signature) {}

    /** A key and value the plug-in passes back to the upload handler untouched. */
    public record MetaData(
            @JsonProperty("Key") String key,
            @JsonProperty("Value") String value) {}

    /**
     * Where the visible signature goes and what it shows, as the server would draw it: points from
     * the page's top-left corner (from the top-right corner when {@code AnchoredTopRight}), the text
     * under or instead of the image, and the image (the signer's signature or the unit's seal) as
     * base64 PNG.
     */
    public record Placement(
            @JsonProperty("Page") int page,
            @JsonProperty("X") float x,
            @JsonProperty("Y") float y,
            @JsonProperty("Width") float width,
            @JsonProperty("Height") float height,
            @JsonProperty("AnchoredTopRight") boolean anchoredTopRight,
            @JsonProperty("Text") @Nullable String text,
            @JsonProperty("Image") @Nullable String image) {}
}
