package vn.congvan.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in throttling ({@code congvan.sign-in.*}): after {@code accountFreeAttempts} failures for one
 * user name (or {@code addressFreeAttempts} from one address) each failure locks it for
 * {@code firstDelay}, doubled with every further failure up to {@code maxDelay}; failures are
 * forgotten after {@code forgetAfter} without one, and an account's on its successful sign-in.
 */
@ConfigurationProperties("congvan.sign-in")
record SignInSettings(
        int accountFreeAttempts,
        int addressFreeAttempts,
        Duration firstDelay,
        Duration maxDelay,
        Duration forgetAfter) {}
