package vn.congvan.signing.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import vn.congvan.platform.CongVanProperties;

/**
 * Binds the {@code congvan.*} signing settings, and points PDFBox's font cache into the data
 * directory: DSS renders pages to compare revisions, and PDFBox would otherwise write its cache
 * in the home directory, which a service account may not have.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SigningProperties.class, RemoteSigningProperties.class})
class SettingsConfiguration {

    static final String FONT_CACHE = "pdfbox.fontcache";

    SettingsConfiguration(CongVanProperties properties) {
        if (System.getProperty(FONT_CACHE) == null) {
            Path cache = properties.dataDir().resolve("pdfbox").toAbsolutePath();
            try {
                Files.createDirectories(cache);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(FONT_CACHE, cache.toString());
        }
    }
}
