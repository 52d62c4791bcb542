package com.crossdock.portal.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 15 server run from the zonky binaries, with a persistent data directory. It copes with an
 * unclean previous shutdown: a server orphaned by a killed JVM is stopped, and a stale {@code postmaster.pid}
 * is removed, before the new server starts.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String PID_FILE = "postmaster.pid";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts PostgreSQL on {@code dataDirectory}, creating it on first use. */
    public static EmbeddedPostgresServer start(Path dataDirectory, Path binariesDirectory, int port,
            Duration orphanStopGrace) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            Files.createDirectories(binariesDirectory);
            recoverFromUncleanShutdown(dataDirectory, orphanStopGrace);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // Spring stops it after everything that uses it (Quartz, JPA); a JVM hook of its own would
                    // stop the database while those are still shutting down
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(binariesDirectory.toFile())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "60")
                    // zonky starts PostgreSQL with -F (no fsync) for throw-away test databases; this data is kept
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
            return new EmbeddedPostgresServer(postgres, dataDirectory);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "Could not start the embedded PostgreSQL with data in " + dataDirectory + ": " + e.getMessage()
                            + ". Check that the folder is writable, or set CROSSDOCK_HOME to another folder.", e);
        }
    }

    /**
     * Stops a server still running on {@code dataDirectory} from an earlier, killed run and removes a
     * {@code postmaster.pid} whose process is gone. Package-visible for tests.
     */
    static void recoverFromUncleanShutdown(Path dataDirectory, Duration grace) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(EmbeddedPostgresServer::isPostgres);
        if (orphan.isPresent()) {
            ProcessHandle process = orphan.get();
            log.warn("Stopping PostgreSQL (pid {}) left running by an unclean shutdown of an earlier run",
                    process.pid());
            process.destroy();
            try {
                process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                log.warn("PostgreSQL (pid {}) did not stop within {}; killing it", process.pid(), grace);
                process.destroyForcibly();
                awaitExit(process, grace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while stopping the orphaned PostgreSQL", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException("Could not wait for the orphaned PostgreSQL to stop", e);
            }
        } else {
            log.warn("Removing stale {} from an unclean shutdown of an earlier run", pidFile);
        }
        Files.deleteIfExists(pidFile);
    }

    private static void awaitExit(ProcessHandle process, Duration grace) throws IOException {
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("PostgreSQL (pid " + process.pid() + ") would not stop; stop it by hand", e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.getFirst().strip()));
        } catch (NumberFormatException e) {
            log.warn("{} does not start with a process id ({}); treating it as stale", pidFile, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.contains("postgres")).orElse(true);
    }

    /** The JDBC URL of the {@code postgres} database as {@code postgres}. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Could not stop the embedded PostgreSQL cleanly: " + e.getMessage(), e);
        }
    }
}
