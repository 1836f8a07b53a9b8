package vn.congvan.registry.register;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the next number of a register's yearly series. The counter row stays locked until the
 * registering transaction ends: concurrent clerks on any node queue on it, and a rolled-back
 * registration gives its number back, so the series never repeats and never skips.
 */
@Component
public class Numbering {

    private final JdbcClient jdbc;

    Numbering(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside the transaction that stores the numbered document. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int next(UUID registerId, int year) {
        return jdbc.sql("""
                        insert into register_counter (register_id, year, last_number) values (?, ?, 1)
                        on conflict (register_id, year)
                        do update set last_number = register_counter.last_number + 1
                        returning last_number""").params(registerId, year).query(Integer.class).single();
    }
}
