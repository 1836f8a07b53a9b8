package vn.congvan.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What reading one PDF may cost ({@code congvan.pdf.*}): the bytes its streams may decode to, and
 * the time its text may take to read.
 */
@ConfigurationProperties("congvan.pdf")
public record PdfLimits(
        @DefaultValue("256MB") DataSize maxDecodedSize, @DefaultValue("20s") Duration maxTextTime) {

    /** The limits when nothing is configured. */
    public static final PdfLimits DEFAULTS = new PdfLimits(DataSize.ofMegabytes(256), Duration.ofSeconds(20));
}
