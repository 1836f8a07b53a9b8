package vn.congvan.directory.installation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The province an installation serves ({@code congvan.province.*}), used to create the root unit
 * when the directory starts empty without the demo.
 */
@ConfigurationProperties("congvan.province")
record ProvinceSettings(
        @DefaultValue("Ủy ban nhân dân tỉnh") String name,
        @DefaultValue("UBND") String abbreviation,
        @DefaultValue("000.00.00.H10") String code) {}
