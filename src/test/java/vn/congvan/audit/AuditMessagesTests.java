package vn.congvan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.congvan.audit.chain.AuditVerification;

class AuditMessagesTests {

    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9.-]+)[(}]");

    @Test
    void theVietnameseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        assertThat(keys("i18n/audit/messages_en.properties")).isEqualTo(keys("i18n/audit/messages.properties"));
    }

    @Test
    void everyTextOfTheAuditPagesAndEveryVerificationReasonIsInTheBundle() throws IOException {
        Set<String> used = new TreeSet<>(
                Set.of(AuditVerification.HASH_MISMATCH, AuditVerification.LINK_BROKEN, AuditVerification.GAP));
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/audit"))) {
            for (Path template : templates.toList()) {
                Matcher key = MESSAGE_KEY.matcher(Files.readString(template));
                while (key.find()) {
                    used.add(key.group(1));
                }
            }
        }
        used.removeIf(key -> !key.startsWith("audit."));
        assertThat(used).contains("audit.heading", "audit.verify.broken");

        assertThat(keys("i18n/audit/messages.properties")).containsAll(used);
    }

    static Set<String> keys(String resource) throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = AuditMessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(bundle.stringPropertyNames());
    }
}
