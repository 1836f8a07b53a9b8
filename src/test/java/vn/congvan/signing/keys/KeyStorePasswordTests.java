package vn.congvan.signing.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyStorePasswordTests {

    @Test
    void anAsciiPasswordProtectsTheKeyStoresAsItIs() {
        assertThat(KeyStorePassword.ascii("Demo@2026-test")).isEqualTo("Demo@2026-test");
    }

    @Test
    void aVietnamesePasswordIsTurnedIntoAsciiTheJdkKeyStoresAccept() {
        String ascii = KeyStorePassword.ascii("Mật khẩu của tỉnh");

        assertThat(ascii).matches("[A-Za-z0-9_-]{43}");
        assertThat(KeyStorePassword.ascii("Mật khẩu của tỉnh")).isEqualTo(ascii);
        assertThat(KeyStorePassword.ascii("Mật khẩu của huyện")).isNotEqualTo(ascii);
    }
}
