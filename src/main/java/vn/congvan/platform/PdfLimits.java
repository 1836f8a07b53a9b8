package vn.congvan.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What reading one PDF may cost ({@code congvan.pdf.*}): the bytes its streams may decode to, the
 * time its text may take to read, the bytes one of its images may decode to, and the pixels of one
 * of its pages drawn.
 */
@ConfigurationProperties("congvan.pdf")
public record PdfLimits(
        @DefaultValue("256MB") DataSize maxDecodedSize,
        @DefaultValue("20s") Duration maxTextTime,
        @DefaultValue("512MB") DataSize maxImageSize,
        @DefaultValue("40000000") long maxPagePixels) {

    /** The limits when nothing is configured. */
    public static final PdfLimits DEFAULTS =
            new PdfLimits(DataSize.ofMegabytes(256), Duration.ofSeconds(20), DataSize.ofMegabytes(512), 40_000_000);
}
