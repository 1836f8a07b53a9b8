package vn.congvan.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import vn.congvan.platform.CongVanProperties;
import vn.congvan.signing.settings.SigningProperties;

class TimeStampingTests {

    @Test
    void withoutATimeStampingServiceSignaturesAreMadeAtBaselineB() {
        assertThat(timeStamping(null, null, false).level()).isEqualTo(SigningLevel.B_B);
        assertThat(timeStamping(null, null, false).source()).isEmpty();
    }

    @Test
    void aConfiguredTimeStampingServiceTimeStampsAtBaselineTUnlessALevelIsSet() {
        assertThat(timeStamping("https://tsa.example.vn/tsa", null, false).level())
                .isEqualTo(SigningLevel.B_T);
        assertThat(timeStamping("https://tsa.example.vn/tsa", "b-lta", false).level())
                .isEqualTo(SigningLevel.B_LTA);
        assertThat(timeStamping("https://tsa.example.vn/tsa", "B-LT", false).source())
                .isPresent();
    }

    @Test
    void aDemoInstallationTimeStampsAtItsOwnService() {
        assertThat(timeStamping(null, null, true).level()).isEqualTo(SigningLevel.B_T);
    }

    @Test
    void aLevelThatNeedsATimeStampWithoutAServiceStopsTheStart() {
        assertThatThrownBy(() -> timeStamping(null, "B-LT", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("congvan.signing.level=B-LT needs a time-stamping service")
                .hasMessageContaining("congvan.signing.tsa-url");
    }

    @Test
    void anUnknownLevelStopsTheStart() {
        assertThatThrownBy(() -> timeStamping("https://tsa.example.vn/tsa", "B-XL", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("use B-B, B-T, B-LT or B-LTA");
    }

    @Test
    void aTimeStampedSignatureGetsRoomForTheTokenBesidesTheConfiguredSize() {
        assertThat(SigningLevel.B_B.contentSize(20000)).isEqualTo(20000);
        assertThat(SigningLevel.B_LT.contentSize(20000)).isGreaterThan(30000);
    }

    private static TimeStamping timeStamping(@Nullable String tsaUrl, @Nullable String level, boolean demo) {
        SigningProperties signing = new SigningProperties(
                List.of(),
                null,
                Duration.ofSeconds(5),
                20000,
                null,
                Duration.ofMinutes(10),
                new SigningProperties.Pkcs11(null, null, 0, null),
                tsaUrl,
                level,
                "wss://127.0.0.1:8987/",
                org.springframework.util.unit.DataSize.ofMegabytes(100),
                java.time.Duration.ofMinutes(5));
        CongVanProperties congVan = new CongVanProperties(
                Path.of("target"),
                new CongVanProperties.Db("jdbc:postgresql://db/congvan", null, null),
                new CongVanProperties.Demo(demo, null, null),
                new CongVanProperties.Api(Duration.ofHours(8)));
        return new TimeStamping(signing, congVan, new StandardEnvironment());
    }
}
