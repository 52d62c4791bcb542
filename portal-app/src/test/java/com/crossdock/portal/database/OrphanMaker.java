package com.crossdock.portal.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

/**
 * Run in a separate JVM by {@link EmbeddedPostgresServerIT}: starts the embedded server, writes a row, says
 * READY and waits to be killed with -9, leaving its PostgreSQL orphaned as a crashed portal would.
 */
public final class OrphanMaker {

    private OrphanMaker() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), Path.of(args[1]), 0,
                Duration.ofSeconds(20));
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('from the killed run')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
