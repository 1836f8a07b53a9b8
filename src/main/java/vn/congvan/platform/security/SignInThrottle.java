package vn.congvan.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per account and per address, kept in the database so that every node counts
 * the same failures. Past the free attempts each failure locks its account and address, for a
 * delay that doubles with every further failure; a locked subject is refused without looking at
 * the password, so the right password does not get in during the lock either.
 */
@Component
class SignInThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SignInSettings settings;

    SignInThrottle(JdbcClient jdbc, Clock clock, SignInSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * How long the account or the address is still locked, if it is. Locks the account's row until
     * the caller's transaction ends, so that attempts on one account are judged one after the other.
     */
    Optional<Duration> lockedFor(String username, String address) {
        String account = account(username);
        jdbc.sql("""
                        insert into sign_in_throttle (subject, failures, last_failure_at) values (?, 0, ?)
                        on conflict (subject) do nothing""").params(account, Timestamp.from(clock.instant())).update();
        Instant accountLock = jdbc.sql("select locked_until from sign_in_throttle where subject = ? for update")
                .param(account)
                .query((rs, n) -> Optional.ofNullable(instant(rs.getTimestamp("locked_until"))))
                .single()
                .orElse(null);
        Instant addressLock = jdbc.sql("select locked_until from sign_in_throttle where subject = ?")
                .param(address(address))
                .query((rs, n) -> Optional.ofNullable(instant(rs.getTimestamp("locked_until"))))
                .optional()
                .flatMap(lock -> lock)
                .orElse(null);
        Instant now = clock.instant();
        Instant until = later(accountLock, addressLock);
        if (until == null || !until.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, until));
    }

    void failed(String username, String address) {
        count(account(username), settings.accountFreeAttempts());
        count(address(address), settings.addressFreeAttempts());
    }

    /** The account's failures are forgotten; the address's are not, or one good account would clear a spray. */
    void succeeded(String username) {
        jdbc.sql("delete from sign_in_throttle where subject = ?")
                .param(account(username))
                .update();
    }

    private void count(String subject, int freeAttempts) {
        Instant now = clock.instant();
        int failures = jdbc.sql("""
                        insert into sign_in_throttle (subject, failures, last_failure_at) values (?, 1, ?)
                        on conflict (subject) do update set
                          failures = case when sign_in_throttle.last_failure_at < ? then 1
                                          else sign_in_throttle.failures + 1 end,
                          last_failure_at = excluded.last_failure_at
                        returning failures""")
                .params(subject, Timestamp.from(now), Timestamp.from(now.minus(settings.forgetAfter())))
                .query(Integer.class)
                .single();
        if (failures >= freeAttempts) {
            jdbc.sql("update sign_in_throttle set locked_until = ? where subject = ?")
                    .params(Timestamp.from(now.plus(delay(failures - freeAttempts))), subject)
                    .update();
        }
    }

    /** The first delay, doubled for each failure past the first locking one, never above the longest. */
    Duration delay(int failuresPastFree) {
        Duration delay = settings.firstDelay();
        for (int i = 0; i < failuresPastFree && delay.compareTo(settings.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT5M")
    void forgetOld() {
        Instant now = clock.instant();
        jdbc.sql(
                        "delete from sign_in_throttle where last_failure_at < ? and (locked_until is null or locked_until < ?)")
                .params(Timestamp.from(now.minus(settings.forgetAfter())), Timestamp.from(now))
                .update();
    }

    private static String account(String username) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        return "account:" + (name.length() > 200 ? name.substring(0, 200) : name);
    }

    private static String address(String address) {
        return "address:" + (address.length() > 200 ? address.substring(0, 200) : address);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
