package com.crossdock.portal.sync.recovery;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real portal in a second JVM, started from this test's classpath (as {@code OrphanMaker} is), which a test can
 * kill with SIGKILL as an operating system or an operator would. Its output goes to a log file next to the test's
 * temporary files, since a killed process leaves nothing else behind.
 */
final class ForkedPortal implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final AtomicInteger port = new AtomicInteger();

    private ForkedPortal(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the portal with {@code settings} and waits until it listens. */
    static ForkedPortal start(String name, PortalSettings settings) throws IOException {
        Path log = Path.of(System.getProperty("java.io.tmpdir"), name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"),
                PortalProcess.class.getName()));
        command.addAll(settings.asArguments());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ForkedPortal portal = new ForkedPortal(process, log);
        Thread.ofPlatform().daemon().name(name + "-output").start(portal::copyOutput);
        await(name + " listening").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .failFast(name + " exited while starting; see " + log, () -> !process.isAlive())
                .until(() -> portal.port.get() > 0);
        return portal;
    }

    int port() {
        return port.get();
    }

    long pid() {
        return process.pid();
    }

    /** Kills the JVM with SIGKILL: no shutdown hook, no graceful shutdown, no finished transaction. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void copyOutput() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            Files.deleteIfExists(log);
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Files.writeString(log, line + System.lineSeparator(), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                if (line.startsWith(PortalProcess.READY)) {
                    port.set(Integer.parseInt(line.substring(PortalProcess.READY.length()).strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
