package com.crossdock.portal.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The roles and database Crossdock runs on: an owner role that owns every table and runs the migrations, and an
 * application role that owns nothing, cannot bypass row-level security, and is what the connection pool uses.
 * Created idempotently through a superuser connection (the embedded server's, or a test's).
 */
public record DatabaseLayout(String database, String ownerRole, String appRole) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** The layout of the embedded default. */
    public static final DatabaseLayout EMBEDDED = new DatabaseLayout("crossdock", "crossdock_owner", "crossdock_app");

    public DatabaseLayout {
        for (String name : new String[] {database, ownerRole, appRole}) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a plain PostgreSQL identifier: " + name);
            }
        }
    }

    /** Creates the roles and the database when missing; changes nothing that exists. */
    public void createIfMissing(Connection superuser) throws SQLException {
        try (Statement statement = superuser.createStatement()) {
            if (!exists(superuser, "SELECT 1 FROM pg_roles WHERE rolname = ?", ownerRole)) {
                statement.execute("CREATE ROLE " + ownerRole + " LOGIN NOSUPERUSER NOCREATEROLE NOBYPASSRLS");
            }
            if (!exists(superuser, "SELECT 1 FROM pg_roles WHERE rolname = ?", appRole)) {
                statement.execute("CREATE ROLE " + appRole
                        + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
            }
            if (!exists(superuser, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                statement.execute("CREATE DATABASE " + database + " OWNER " + ownerRole);
            }
        }
    }

    /** The JDBC URL of the database on a server listening on {@code port} of this machine. */
    public String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
