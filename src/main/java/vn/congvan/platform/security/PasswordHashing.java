package vn.congvan.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.util.unit.DataSize;

/**
 * The cost of Argon2id for new password hashes ({@code congvan.password-hashing.*}): the memory each
 * hash fills, how many passes over it and how many lanes. A stored hash keeps the cost it was made
 * with, so a change applies to passwords set afterwards and every older one still verifies.
 * The default is Spring Security's (16 MiB, two passes, one lane). A cheaper cost is refused below
 * Argon2's own floor and logged as weak: it is for test installations, where every sign-in of
 * hundreds of tests paid for it (38 % of the processor of the unit tests).
 */
@ConfigurationProperties("congvan.password-hashing")
record PasswordHashing(DataSize memory, int iterations, int parallelism) {

    static final PasswordHashing SPRING_DEFAULT = new PasswordHashing(DataSize.ofMegabytes(16), 2, 1);

    private static final Logger log = LoggerFactory.getLogger(PasswordHashing.class);

    PasswordHashing {
        if (iterations < 1 || parallelism < 1 || memory.toKilobytes() < 8L * parallelism) {
            throw new IllegalStateException("congvan.password-hashing: Argon2 needs at least one pass, one lane"
                    + " and 8 KB of memory per lane, not memory=" + memory + ", iterations=" + iterations
                    + ", parallelism=" + parallelism);
        }
    }

    /** The encoder of new hashes at this cost; warns when it is cheaper than the default. */
    Argon2PasswordEncoder encoder() {
        if (memory.toKilobytes() * iterations < SPRING_DEFAULT.memory.toKilobytes() * SPRING_DEFAULT.iterations) {
            log.warn(
                    "Password hashing is cheaper than the default (Argon2id, {} KB, {} passes): right for a test"
                            + " installation, too weak for officials' passwords (congvan.password-hashing.*)",
                    memory.toKilobytes(),
                    iterations);
        }
        return new Argon2PasswordEncoder(16, 32, parallelism, Math.toIntExact(memory.toKilobytes()), iterations);
    }
}
