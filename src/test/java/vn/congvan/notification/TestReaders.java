package vn.congvan.notification;

import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/** Officials of a fresh unit who receive notices, and a sender that notifies inside a transaction. */
public final class TestReaders {

    /** A key of the registry's bundles, as a calling module would send: "Đã vào sổ văn bản đến, số đến {0}." */
    public static final String REGISTERED = "registry.registered.incoming";

    private final TestProvince province;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Notifications notifications;
    private final TestProvince.Unit unit;

    /** Readers in a fresh unit of the province that the test server at {@code port} serves. */
    public TestReaders(ApplicationContext context, int port) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.province = new TestProvince(jdbc, context.getBean(PasswordEncoder.class), port);
        this.transaction = context.getBean(TransactionTemplate.class);
        this.notifications = context.getBean(Notifications.class);
        this.unit = province.aUnit("Sở Nội vụ", "SNV");
    }

    public TestProvince province() {
        return province;
    }

    /** An official of the unit; {@code username} is what they sign in with. */
    public record Reader(UUID personId, String username) {}

    public Reader aReader(String fullName) {
        String username = province.anOfficial(fullName, Role.SPECIALIST, unit.id());
        UUID personId = jdbc.sql("select id from person where username = ?")
                .param(username)
                .query(UUID.class)
                .single();
        return new Reader(personId, username);
    }

    public Reader aReaderWithEmail(String fullName, String email) {
        Reader reader = aReader(fullName);
        jdbc.sql("update person set email = ? where id = ?")
                .params(email, reader.personId())
                .update();
        return reader;
    }

    /** The notice that an incoming document was registered under the given arrival number. */
    public static Notice registered(Reader reader, String arrivalNumber, String link, boolean urgent) {
        return new Notice(reader.personId(), "registry.registered", REGISTERED, List.of(arrivalNumber), link, urgent);
    }

    /** Sends the notice in a transaction of its own, which commits. */
    public void send(Notice notice) {
        transaction.executeWithoutResult(status -> notifications.send(notice));
    }
}
