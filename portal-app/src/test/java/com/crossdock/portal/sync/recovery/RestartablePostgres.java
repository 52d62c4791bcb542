package com.crossdock.portal.sync.recovery;

import com.crossdock.portal.database.DatabaseLayout;
import com.crossdock.portal.database.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A PostgreSQL server of one test's own (the shared test server must not go down under other tests), which the test
 * stops and starts again on the same data directory and port, as an operator restarting the database would.
 */
final class RestartablePostgres implements AutoCloseable {

    private static final Duration ORPHAN_GRACE = Duration.ofSeconds(10);

    private final Path data;
    private final Path binaries;
    private final DatabaseLayout layout;
    private int port;
    private EmbeddedPostgresServer server;

    private RestartablePostgres(Path data, Path binaries, DatabaseLayout layout) {
        this.data = data;
        this.binaries = binaries;
        this.layout = layout;
    }

    /** Starts a server on a free port with an empty database for {@code testClass} and the portal's roles. */
    static RestartablePostgres start(Class<?> testClass) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        RestartablePostgres postgres = new RestartablePostgres(
                tmp.resolve("crossdock-restart-db").resolve("data-" + ProcessHandle.current().pid()),
                tmp.resolve("crossdock-test-db").resolve("binaries"),
                new DatabaseLayout("restart_" + testClass.getSimpleName().toLowerCase(java.util.Locale.ROOT),
                        DatabaseLayout.EMBEDDED.ownerRole(), DatabaseLayout.EMBEDDED.appRole()));
        postgres.startServer();
        try (Connection superuser = DriverManager.getConnection(postgres.server.jdbcUrl(), "postgres", "")) {
            superuser.createStatement().execute("DROP DATABASE IF EXISTS " + postgres.layout.database());
            postgres.layout.createIfMissing(superuser);
        } catch (SQLException e) {
            postgres.close();
            throw new IllegalStateException("Could not create the database " + postgres.layout.database(), e);
        }
        return postgres;
    }

    /** {@code settings} pointed at this server's database (the roles are the same). */
    PortalSettings settingsFrom(PortalSettings settings) {
        String url = layout.jdbcUrl(port);
        return settings.with("spring.datasource.url", url).with("spring.flyway.url", url);
    }

    JdbcClient superuser() {
        return JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), layout.jdbcUrl(port),
                "postgres", ""));
    }

    /** Stops the server (a fast shutdown: sessions are cut, open transactions roll back). */
    void stop() {
        server.close();
        server = null;
    }

    /** Starts the server again on the same data directory and port. */
    void startAgain() {
        startServer();
    }

    private void startServer() {
        server = EmbeddedPostgresServer.start(data, binaries, port, ORPHAN_GRACE);
        port = server.port();
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }
}
