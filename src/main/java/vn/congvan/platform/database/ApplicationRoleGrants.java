package vn.congvan.platform.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.jspecify.annotations.Nullable;

/**
 * After every migration, run by the owner of the tables: the role the application connects as may
 * read and change every table, but only read and append to the audit trail ({@code audit_record}:
 * no UPDATE, DELETE or TRUNCATE), only read the views modules publish for each other, and may not
 * touch the migration history. Whoever takes the application's connection cannot rewrite the chain.
 */
final class ApplicationRoleGrants implements Callback {

    static final String AUDIT_TABLE = "audit_record";

    private final @Nullable String role;

    /** {@code role} null: the application connects as the owner itself, nothing to grant. */
    ApplicationRoleGrants(@Nullable String role) {
        this.role = role;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE && role != null;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String grantee = quoted(role);
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("grant usage on schema public to " + grantee);
            statement.execute("revoke all on all tables in schema public from " + grantee);
            statement.execute("grant select, insert, update, delete on all tables in schema public to " + grantee);
            statement.execute("grant usage, select, update on all sequences in schema public to " + grantee);
            statement.execute("revoke update, delete, truncate on " + AUDIT_TABLE + " from " + grantee);
            // The views modules publish for each other are read only (ADR 0016); a simple view is
            // updatable, and a change through it is checked against the owner's rights, not the role's.
            List<String> views = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("select viewname from pg_views where schemaname = 'public'")) {
                while (rs.next()) {
                    views.add(rs.getString(1));
                }
            }
            for (String view : views) {
                statement.execute("revoke insert, update, delete, truncate on " + quoted(view) + " from " + grantee);
            }
            statement.execute("revoke insert, update, delete, truncate on "
                    + context.getConfiguration().getTable() + " from " + grantee);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot grant the application role " + role + " its rights", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "congvan-application-role-grants";
    }

    private static String quoted(@Nullable String identifier) {
        if (identifier == null || !identifier.matches("[A-Za-z_][A-Za-z0-9_$]*")) {
            throw new IllegalArgumentException("Not a plain role name: " + identifier);
        }
        return "\"" + identifier + "\"";
    }
}
