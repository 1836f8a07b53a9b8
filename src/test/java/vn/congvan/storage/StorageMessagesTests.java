package vn.congvan.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StorageMessagesTests {

    @Test
    void theVietnameseAndEnglishBundlesHaveTheSameKeysForEveryRefusal() throws IOException {
        Set<String> vietnamese = keys("i18n/storage/messages.properties");

        assertThat(keys("i18n/storage/messages_en.properties")).isEqualTo(vietnamese);
        assertThat(vietnamese)
                .contains(
                        "storage.empty", "storage.too-large", "storage.blob.not-found", "storage.blob.invalid-address");
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = StorageMessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(bundle.stringPropertyNames());
    }
}
