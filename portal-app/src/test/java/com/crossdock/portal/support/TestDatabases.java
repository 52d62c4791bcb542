package com.crossdock.portal.support;

import com.crossdock.portal.database.DatabaseLayout;
import com.crossdock.portal.database.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL for the whole test JVM, and a fresh database per test class, so test classes never see
 * each other's rows. Each database has the production layout: migrations run as the owner role, the application
 * connects as the application role under row-level security. The server is stopped when the JVM exits.
 */
public final class TestDatabases {

    private static EmbeddedPostgresServer server;

    private TestDatabases() {
    }

    /** Points the Spring context of {@code testClass} at a new, empty database of its own. */
    public static void register(DynamicPropertyRegistry registry, Class<?> testClass) {
        DatabaseLayout layout = createDatabaseFor(testClass);
        String url = layout.jdbcUrl(server().port());
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", layout::appRole);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.url", () -> url);
        registry.add("spring.flyway.user", layout::ownerRole);
        registry.add("spring.flyway.password", () -> "");
        registry.add("spring.flyway.placeholders.app_role", layout::appRole);
        registry.add("crossdock.demo.enabled", () -> "false");
        // flows poll on a timer; tests that need them schedule or run them explicitly
        registry.add("crossdock.sync.schedule-flows", () -> "false");
        // a fixed test key, so no test writes a key file into the home folder of whoever runs it
        registry.add("crossdock.credentials.key", () -> "Y3Jvc3Nkb2NrLXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmc=");
        // every test class keeps its own cached context: small pools keep them within the server's connections
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    }

    /** Creates an empty database named after {@code testClass}, dropping an earlier one. */
    public static synchronized DatabaseLayout createDatabaseFor(Class<?> testClass) {
        DatabaseLayout layout = layoutOf(testClass);
        try (Connection connection = DriverManager.getConnection(server().jdbcUrl(), "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + layout.database() + " WITH (FORCE)");
            layout.createIfMissing(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + layout.database(), e);
        }
        return layout;
    }

    /** The database of {@code testClass} as a superuser, who alone sees past row-level security. */
    public static JdbcClient superuser(Class<?> testClass) {
        return connect(testClass, "postgres");
    }

    /** The database of {@code testClass} as {@code role}, with no pool. */
    public static JdbcClient connect(Class<?> testClass, String role) {
        return JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(),
                layoutOf(testClass).jdbcUrl(server().port()), role, ""));
    }

    private static DatabaseLayout layoutOf(Class<?> testClass) {
        return new DatabaseLayout(testClass.getSimpleName().toLowerCase(Locale.ROOT),
                DatabaseLayout.EMBEDDED.ownerRole(), DatabaseLayout.EMBEDDED.appRole());
    }

    private static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            Path root = Path.of(System.getProperty("java.io.tmpdir"), "crossdock-test-db");
            server = EmbeddedPostgresServer.start(root.resolve("data-" + ProcessHandle.current().pid()),
                    root.resolve("binaries"), 0, Duration.ofSeconds(10));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
        }
        return server;
    }
}
