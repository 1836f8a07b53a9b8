package vn.congvan.platform.office;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How CongVan renders office documents as PDF ({@code congvan.office.*}): the LibreOffice program,
 * the time one rendering may take before it is killed, the pages a rendered document may have, the
 * bytes the parts of one document may expand to, and how many renderings run at once.
 */
@ConfigurationProperties("congvan.office")
public record OfficeProperties(
        @DefaultValue("soffice") String soffice,
        @DefaultValue("120s") Duration timeout,
        @DefaultValue("300") int maxPages,
        @DefaultValue("256MB") DataSize maxExpandedSize,
        @DefaultValue("2") int renderings) {

    public OfficeProperties {
        if (renderings < 1) {
            throw new IllegalArgumentException("congvan.office.renderings must be at least 1");
        }
    }
}
