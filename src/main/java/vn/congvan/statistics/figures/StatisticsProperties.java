package vn.congvan.statistics.figures;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.congvan.directory.UnitLevel;

/**
 * The {@code congvan.statistics.*} settings.
 *
 * @param targets the percentages rates are held against
 */
@ConfigurationProperties("congvan.statistics")
public record StatisticsProperties(@DefaultValue TargetSettings targets) {

    /**
     * The level targets (documents signed, incoming handled and dossiers processed in the
     * software), the target for signatures on electronic documents, and how many points below a
     * target a rate is amber rather than red.
     */
    public record TargetSettings(
            @DefaultValue("90") int province,
            @DefaultValue("80") int district,
            @DefaultValue("60") int commune,
            @DefaultValue("100") int signature,
            @DefaultValue("10") int amberMargin) {

        public TargetSettings {
            // Targets checks each percentage: a bad setting stops the start rather than colouring wrongly.
            for (int level : new int[] {province, district, commune}) {
                new Targets(level, signature, amberMargin);
            }
        }
    }

    Targets targetsFor(UnitLevel level) {
        int percent = switch (level) {
            case PROVINCE -> targets.province();
            case DISTRICT -> targets.district();
            case COMMUNE -> targets.commune();
        };
        return new Targets(percent, targets.signature(), targets.amberMargin());
    }
}
