package com.crossdock.portal.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks, table by table, that the database itself keeps tenants apart: every tenant-owned table (a
 * {@code tenant_id NOT NULL} column, found in the PostgreSQL catalog so a new table is never missed) has forced
 * row-level security, and through the application role with tenant A set none of tenant B's rows can be read,
 * and no row can be written as tenant B. Returns the problems found; none means isolated.
 */
public final class RowLevelSecurityAudit {

    private final JdbcClient superuser;
    private final DataSource application;

    public RowLevelSecurityAudit(JdbcClient superuser, DataSource application) {
        this.superuser = superuser;
        this.application = application;
    }

    public List<String> tenantOwnedTables() {
        return superuser.sql("""
                SELECT table_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND column_name = 'tenant_id' AND is_nullable = 'NO'
                ORDER BY table_name""").query(String.class).list();
    }

    public List<String> problems(UUID tenantA, UUID tenantB) throws SQLException {
        List<String> problems = new ArrayList<>();
        List<String> tables = tenantOwnedTables();
        if (tables.isEmpty()) {
            problems.add("no tenant-owned tables found: the audit would prove nothing");
        }
        for (String table : tables) {
            checkTable(table, tenantA, tenantB, problems);
        }
        return problems;
    }

    private void checkTable(String table, UUID tenantA, UUID tenantB, List<String> problems) throws SQLException {
        Boolean forced = superuser.sql("SELECT relrowsecurity AND relforcerowsecurity FROM pg_class "
                + "WHERE oid = to_regclass(:table)").param("table", table).query(Boolean.class).single();
        if (!forced) {
            problems.add(table + ": row-level security is not enabled and forced");
        }
        long rowsOfB = countOf(table, tenantB);
        long rowsOfA = countOf(table, tenantA);
        if (rowsOfA == 0 || rowsOfB == 0) {
            problems.add(table + ": seed rows of both tenants so the audit can test it");
            return;
        }
        try (Connection connection = application.getConnection()) {
            connection.setAutoCommit(false);
            try {
                asTenant(connection, tenantA);
                long visibleOfB = count(connection, "SELECT count(*) FROM " + table + " WHERE tenant_id = ?", tenantB);
                if (visibleOfB > 0) {
                    problems.add(table + ": tenant A sees " + visibleOfB + " of tenant B's rows");
                }
                if (count(connection, "SELECT count(*) FROM " + table, null) != rowsOfA) {
                    problems.add(table + ": tenant A does not see exactly its own rows");
                }
                if (canWriteAs(connection, table, tenantB)) {
                    problems.add(table + ": tenant A could write a row with tenant B's id");
                }
            } finally {
                connection.rollback();
            }
        }
    }

    /**
     * Copies one of the visible rows with tenant B's id and inserts it. Row-level security must refuse it
     * (SQLSTATE 42501) before anything else looks at the row; a success or a later failure such as a duplicate
     * key means the policy let it through.
     */
    private static boolean canWriteAs(Connection connection, String table, UUID otherTenant) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE rls_probe ON COMMIT DROP AS SELECT * FROM " + table + " LIMIT 1");
            try (PreparedStatement move = connection.prepareStatement("UPDATE rls_probe SET tenant_id = ?")) {
                move.setObject(1, otherTenant);
                move.executeUpdate();
            }
            statement.execute("SAVEPOINT probe");
            try {
                statement.execute("INSERT INTO " + table + " SELECT * FROM rls_probe");
                return true;
            } catch (SQLException refused) {
                statement.execute("ROLLBACK TO SAVEPOINT probe");
                if ("42501".equals(refused.getSQLState())) {
                    return false;
                }
                if ("23505".equals(refused.getSQLState())) {
                    return true;
                }
                throw refused;
            }
        }
    }

    private static void asTenant(Connection connection, UUID tenant) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('crossdock.tenant_id', ?, true)")) {
            set.setString(1, tenant.toString());
            set.executeQuery().close();
        }
    }

    private static long count(Connection connection, String sql, UUID tenant) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (tenant != null) {
                query.setObject(1, tenant);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private long countOf(String table, UUID tenant) {
        return superuser.sql("SELECT count(*) FROM " + table + " WHERE tenant_id = :tenant")
                .param("tenant", tenant).query(Long.class).single();
    }
}
