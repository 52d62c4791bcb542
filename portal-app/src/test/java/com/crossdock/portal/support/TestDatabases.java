package com.crossdock.portal.support;

import com.crossdock.portal.database.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL for the whole test JVM, and a fresh database per test class, so test classes never see
 * each other's rows. The server is stopped when the JVM exits.
 */
public final class TestDatabases {

    private static EmbeddedPostgresServer server;

    private TestDatabases() {
    }

    /** Points the Spring context of {@code testClass} at a new, empty database of its own. */
    public static void register(DynamicPropertyRegistry registry, Class<?> testClass) {
        String url = createDatabaseFor(testClass);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("crossdock.demo.enabled", () -> "false");
    }

    /** Creates an empty database named after {@code testClass} and returns its JDBC URL. */
    public static synchronized String createDatabaseFor(Class<?> testClass) {
        EmbeddedPostgresServer postgres = server();
        String name = testClass.getSimpleName().toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name, e);
        }
        return "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + name;
    }

    private static EmbeddedPostgresServer server() {
        if (server == null) {
            Path root = Path.of(System.getProperty("java.io.tmpdir"), "crossdock-test-db");
            server = EmbeddedPostgresServer.start(root.resolve("data-" + ProcessHandle.current().pid()),
                    root.resolve("binaries"), 0, Duration.ofSeconds(10));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
        }
        return server;
    }
}
