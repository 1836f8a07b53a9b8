package vn.congvan.storage;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module's blob columns, named by the module that owns the tables: the module declares a bean of
 * this class with its own columns, and the sweep asks it which addresses they still name.
 */
public class BlobColumns implements BlobHolder {

    private static final Pattern COLUMN = Pattern.compile("^[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*$");

    private final JdbcClient jdbc;
    private final Set<String> columns;

    protected BlobColumns(JdbcClient jdbc, String... columns) {
        this.jdbc = jdbc;
        this.columns = new LinkedHashSet<>(List.of(columns));
        for (String column : this.columns) {
            if (!COLUMN.matcher(column).matches()) {
                throw new IllegalArgumentException("Not a table.column: " + column);
            }
        }
    }

    @Override
    public final Set<String> blobColumns() {
        return Set.copyOf(columns);
    }

    @Override
    public final Set<String> holding(Collection<String> addresses) {
        Set<String> held = new HashSet<>();
        if (addresses.isEmpty()) {
            return held;
        }
        String[] wanted = addresses.toArray(String[]::new);
        for (String qualified : columns) {
            int dot = qualified.indexOf('.');
            String table = qualified.substring(0, dot);
            String column = qualified.substring(dot + 1);
            held.addAll(jdbc.sql("select distinct " + column + " from " + table + " where " + column
                            + " = any (cast(? as char(64)[]))")
                    .param(wanted)
                    .query(String.class)
                    .list());
        }
        return held;
    }
}
