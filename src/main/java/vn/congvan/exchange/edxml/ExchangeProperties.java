package vn.congvan.exchange.edxml;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code congvan.exchange.*} settings: the bounds an edXML package received from outside must
 * keep. A package may carry an attachment as large as the largest file an official may upload
 * ({@code congvan.storage.uploads.max-file-size}): a province's planning dossiers run to gigabytes.
 *
 * @param maxPackageSize largest edXML package read, its XML and base64 text included
 * @param maxAttachmentSize largest decoded attachment, and largest file taken out of a zipped one
 * @param maxZipEntries most files a zipped attachment may hold
 * @param maxUnzippedSize most bytes all files of one zipped attachment may expand to
 * @param maxZipRatio most times a zipped attachment may expand its own size
 * @param maxElementDepth deepest nesting of elements in a package (real ones nest about ten deep)
 * @param maxElements most elements in a package, attachments' included (real ones hold a few hundred)
 */
@ConfigurationProperties("congvan.exchange")
public record ExchangeProperties(
        @Nullable DataSize maxPackageSize,
        @Nullable DataSize maxAttachmentSize,
        int maxZipEntries,
        @Nullable DataSize maxUnzippedSize,
        int maxZipRatio,
        int maxElementDepth,
        int maxElements) {

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public ExchangeProperties {
        maxPackageSize = maxPackageSize == null ? DataSize.ofGigabytes(70) : maxPackageSize;
        maxAttachmentSize = maxAttachmentSize == null ? DataSize.ofGigabytes(50) : maxAttachmentSize;
        maxZipEntries = maxZipEntries <= 0 ? 1000 : maxZipEntries;
        maxUnzippedSize = maxUnzippedSize == null ? DataSize.ofGigabytes(50) : maxUnzippedSize;
        maxZipRatio = maxZipRatio <= 0 ? 100 : maxZipRatio;
        maxElementDepth = maxElementDepth <= 0 ? 64 : maxElementDepth;
        maxElements = maxElements <= 0 ? 100_000 : maxElements;
    }

    /** The bounds of sizes and zips, the structure's bounds at their defaults. */
    public ExchangeProperties(
            @Nullable DataSize maxPackageSize,
            @Nullable DataSize maxAttachmentSize,
            int maxZipEntries,
            @Nullable DataSize maxUnzippedSize,
            int maxZipRatio) {
        this(maxPackageSize, maxAttachmentSize, maxZipEntries, maxUnzippedSize, maxZipRatio, 0, 0);
    }

    /**
     * The defaults: 70 GB packages, 50 GB attachments and unzipped contents (a zipped dossier may hold
     * what an official may upload; the ratio still bounds a zip bomb), 1000 files a zip, ratio 100,
     * elements 64 deep and 100,000 in all.
     */
    public static ExchangeProperties defaults() {
        return new ExchangeProperties(null, null, 0, null, 0, 0, 0);
    }
}
