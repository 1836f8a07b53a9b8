package vn.congvan.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.unit.DataSize;

class PasswordHashingTests {

    static final String PASSWORD = "Mật-khẩu-2026";

    @Test
    void theDefaultCostIsSpringSecuritysArgon2id() {
        String hash = PasswordHashing.SPRING_DEFAULT.encoder().encode(PASSWORD);

        assertThat(hash).startsWith("$argon2id$v=19$m=16384,t=2,p=1$");
    }

    @Test
    void aHashKeepsTheCostItWasMadeWithSoPasswordsSetBeforeAChangeStillVerify() {
        PasswordEncoder cheap = new PasswordHashing(DataSize.ofKilobytes(64), 1, 1).encoder();
        PasswordEncoder dear = PasswordHashing.SPRING_DEFAULT.encoder();

        String madeCheap = cheap.encode(PASSWORD);
        String madeDear = dear.encode(PASSWORD);

        assertThat(madeCheap).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(dear.matches(PASSWORD, madeCheap)).isTrue();
        assertThat(cheap.matches(PASSWORD, madeDear)).isTrue();
        assertThat(cheap.matches("mật-khẩu-2026", madeDear)).isFalse();
    }

    @Test
    void aCostBelowArgon2sFloorIsRefusedAtStart() {
        assertThatThrownBy(() -> new PasswordHashing(DataSize.ofKilobytes(8), 1, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("congvan.password-hashing");
        assertThatThrownBy(() -> new PasswordHashing(DataSize.ofMegabytes(16), 0, 1))
                .isInstanceOf(IllegalStateException.class);
    }
}
