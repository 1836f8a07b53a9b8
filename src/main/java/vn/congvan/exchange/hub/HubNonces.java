package vn.congvan.exchange.hub;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nonces of signed requests seen inside the accepted clock window, kept in the database so
 * that a request replayed to another hub node is refused as well.
 */
@Component
class HubNonces {

    /** How far a request's timestamp may be from the hub's clock. */
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;

    HubNonces(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the nonce; false when the system used it before (a replay). */
    boolean firstUse(String systemId, String nonce) {
        return jdbc.sql("insert into hub_nonce (system_id, nonce, seen_at) values (?, ?, ?) on conflict do nothing")
                        .params(systemId, nonce, Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    /** Forgets nonces older than twice the window: a request that old is refused as stale anyway. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void forgetOld() {
        jdbc.sql("delete from hub_nonce where seen_at < ?")
                .param(Timestamp.from(clock.instant().minus(WINDOW.multipliedBy(2))))
                .update();
    }
}
