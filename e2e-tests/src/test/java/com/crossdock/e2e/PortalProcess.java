package com.crossdock.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged portal jar, started as a separate JVM with an empty home, so it runs exactly as it would be
 * deployed: embedded PostgreSQL, Flyway migrations and demo data included.
 */
public final class PortalProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 80;

    private final Process process;
    private final String baseUrl;
    private final Path workdir;
    private final Path log;

    private PortalProcess(Process process, String baseUrl, Path workdir, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.workdir = workdir;
        this.log = log;
    }

    /** Starts the portal and returns once {@code /login} answers 200; fails with the tail of its log otherwise. */
    static PortalProcess start() {
        return start(Path.of(requiredProperty("portal.workdir")), Map.of());
    }

    /**
     * Starts the portal in its own {@code workdir} (emptied first) with these environment variables added, for
     * tests that run it configured differently (for example signing in through Keycloak) beside the default one.
     */
    public static PortalProcess start(Path directory, Map<String, String> environment) {
        Path jar = Path.of(requiredProperty("portal.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No portal jar at " + jar + "; package portal-app first.");
        }
        Path workdir = directory.toAbsolutePath();
        stopLeftoverPostgres(workdir);
        recreate(workdir);
        Path runningJar = copyInto(jar, workdir);
        Path log = workdir.resolve("portal.log");
        int port = freePort();
        List<String> command = List.of(javaExecutable(), "-Xmx512m",
                "-Djava.io.tmpdir=" + workdir.resolve("tmp"),
                "-jar", runningJar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--crossdock.home=" + workdir.resolve("home"));
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            process = builder
                    .directory(workdir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
        PortalProcess portal = new PortalProcess(process, "http://127.0.0.1:" + port, workdir, log);
        portal.awaitLoginPage();
        portal.checkItUsesItsOwnHome();
        return portal;
    }

    public String baseUrl() {
        return baseUrl;
    }

    private void awaitLoginPage() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try (HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            while (true) {
                if (!process.isAlive()) {
                    throw startupFailure("exited with code " + process.exitValue() + " before it answered");
                }
                if (ChildProcesses.answersOk(client, request)) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw startupFailure("did not answer 200 on /login within " + STARTUP_TIMEOUT.toSeconds() + " s");
                }
                // returns early when the process exits, so a crash is reported at once
                process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw startupFailure("startup wait was interrupted");
        }
    }

    /**
     * The embedded database must live in the home these tests gave it; otherwise the run has written demo data
     * and test tenants into a developer's real Crossdock home, and the next run would not start from empty.
     */
    private void checkItUsesItsOwnHome() {
        Path home = workdir.resolve("home");
        try (Stream<Path> entries = Files.list(home)) {
            if (entries.findAny().isEmpty()) {
                throw startupFailure("started but wrote nothing to its --crossdock.home " + home
                        + " (is the option ignored? its embedded database is somewhere else)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IllegalStateException startupFailure(String what) {
        close();
        return new IllegalStateException("The portal " + what + ". Last lines of " + log + ":\n"
                + ChildProcesses.logTail(log, LOG_TAIL_LINES));
    }

    /**
     * Stops the portal gracefully (SIGTERM lets Spring stop the embedded PostgreSQL), forcibly after a grace
     * period, then anything it started that is still running.
     */
    @Override
    public void close() {
        ChildProcesses.stopTree(process, STOP_GRACE);
        stopLeftoverPostgres(workdir);
    }

    /**
     * PostgreSQL daemonizes, so it is no descendant of the portal; a killed portal leaves it running. Its pid is
     * in {@code postmaster.pid} under the work directory.
     */
    private static void stopLeftoverPostgres(Path workdir) {
        if (!Files.isDirectory(workdir)) {
            return;
        }
        try (Stream<Path> files = Files.find(workdir, 8, (path, attrs) -> path.endsWith("postmaster.pid"))) {
            files.map(PortalProcess::postmasterPid)
                    .flatMap(Optional::stream)
                    .flatMap(pid -> ProcessHandle.of(pid).stream())
                    .filter(PortalProcess::isPostgres)
                    .forEach(postgres -> ChildProcesses.stop(postgres, STOP_GRACE));
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not look for a leftover PostgreSQL under " + workdir + ": " + e.getMessage());
        }
    }

    private static Optional<Long> postmasterPid(Path pidFile) {
        try (Stream<String> lines = Files.lines(pidFile)) {
            return lines.findFirst().map(String::trim).filter(s -> s.matches("\\d+")).map(Long::valueOf);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle handle) {
        return handle.info().command().map(command -> command.contains("postgres")).orElse(false);
    }

    private static void recreate(Path workdir) {
        try {
            if (Files.exists(workdir)) {
                try (Stream<Path> paths = Files.walk(workdir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(workdir.resolve("tmp"));
            Files.createDirectories(workdir.resolve("home"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not recreate " + workdir, e);
        }
    }

    /**
     * The portal runs from a copy: a JVM loads classes from its jar lazily, so a rebuild of portal-app while the
     * tests run would otherwise break the running portal with NoClassDefFoundErrors.
     */
    private static Path copyInto(Path jar, Path workdir) {
        Path copy = workdir.resolve("portal-app.jar");
        try {
            Files.copy(jar, copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + jar + " to " + copy, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    /** The java running these tests, so the portal runs on the same JDK the build chose. */
    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set; run the tests through Maven "
                    + "(./mvnw -pl e2e-tests verify) or pass -D" + name + "=...");
        }
        return value;
    }
}
