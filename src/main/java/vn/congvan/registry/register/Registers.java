package vn.congvan.registry.register;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentType;
import vn.congvan.shared.DomainException;

/** The registers of every unit; each unit gets its standard registers the first time it needs one. */
@Component
public class Registers {

    /**
     * The advisory lock of one unit's standard registers: {@code hashtextextended(prefix || unit id,
     * seed)}, one key, so apart from every cluster job's lock ({@link vn.congvan.platform.ClusterJobs}).
     */
    private static final String UNIT_LOCK_PREFIX = "register:";

    private static final int UNIT_LOCK_SEED = 7;

    private final JdbcClient jdbc;

    Registers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The register that numbers a document: the secret series for secret documents, else a register
     * kept for this type when the unit has one, else the unit's general register of that direction.
     */
    public Register registerFor(UUID unitId, Direction direction, DocumentType type, boolean secret) {
        boolean secretSeries = direction == Direction.OUTGOING && secret;
        List<Register> candidates = ofUnit(unitId).stream()
                .filter(r -> r.direction() == direction && r.confidential() == secretSeries)
                .toList();
        return candidates.stream()
                .filter(r -> r.types().contains(type))
                .findFirst()
                .or(() -> candidates.stream().filter(Register::coversAllTypes).findFirst())
                .orElseGet(() -> createStandard(unitId, direction, secretSeries));
    }

    public List<Register> ofUnit(UUID unitId) {
        return jdbc.sql("select id, unit_id, direction, name, confidential, document_types from register "
                        + "where unit_id = ? and active order by direction desc, confidential, name")
                .param(unitId)
                .query(Registers::register)
                .list();
    }

    public Optional<Register> find(UUID id) {
        return jdbc.sql("select id, unit_id, direction, name, confidential, document_types from register where id = ?")
                .param(id)
                .query(Registers::register)
                .optional();
    }

    public Register get(UUID id) {
        return find(id).orElseThrow(() -> DomainException.notFound("registry.register.not-found", id));
    }

    /** Opens a register kept for some types only, as the unit's rules on legal documents may require. */
    public Register openTypeRegister(UUID unitId, Direction direction, String name, List<DocumentType> types) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into register (id, unit_id, direction, name, confidential, document_types) "
                        + "values (?, ?, ?, ?, false, ?)")
                .params(
                        id,
                        unitId,
                        direction.name(),
                        name,
                        types.stream().map(Enum::name).toArray(String[]::new))
                .update();
        return get(id);
    }

    /** Makes sure the unit has its standard registers: outgoing, outgoing secret, incoming. */
    public void ensureStandard(UUID unitId) {
        createStandard(unitId, Direction.OUTGOING, false);
        createStandard(unitId, Direction.OUTGOING, true);
        createStandard(unitId, Direction.INCOMING, false);
    }

    private Register createStandard(UUID unitId, Direction direction, boolean secret) {
        // Serializes concurrent first uses of the same unit's registers (two clerks, two nodes).
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, " + UNIT_LOCK_SEED + "))")
                .param(UNIT_LOCK_PREFIX + unitId)
                .query((rs, n) -> 1)
                .list();
        Optional<Register> existing = ofUnit(unitId).stream()
                .filter(r -> r.direction() == direction && r.confidential() == secret && r.coversAllTypes())
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into register (id, unit_id, direction, name, confidential) values (?, ?, ?, ?, ?)")
                .params(id, unitId, direction.name(), standardName(direction, secret), secret)
                .update();
        return get(id);
    }

    private static String standardName(Direction direction, boolean secret) {
        String base = direction == Direction.OUTGOING ? "Sổ đăng ký văn bản đi" : "Sổ đăng ký văn bản đến";
        return secret ? base + " (mật)" : base;
    }

    private static Register register(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("document_types");
        List<DocumentType> list = types == null
                ? List.of()
                : Arrays.stream((String[]) types.getArray())
                        .map(DocumentType::valueOf)
                        .toList();
        return new Register(
                rs.getObject("id", UUID.class),
                rs.getObject("unit_id", UUID.class),
                Direction.valueOf(rs.getString("direction")),
                rs.getString("name"),
                rs.getBoolean("confidential"),
                list);
    }
}
