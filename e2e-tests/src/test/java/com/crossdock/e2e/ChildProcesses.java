package com.crossdock.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** What the servers the tests start (the portal, Keycloak) share: readiness probes, log tails, stopping by pid. */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    /** Whether {@code request} answers 200; {@code false} while nothing listens yet. */
    public static boolean answersOk(HttpClient client, HttpRequest request) throws InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** The last {@code lines} lines of a log, for a failure message. */
    public static String logTail(Path log, int lines) {
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> read = all.toList();
            return String.join("\n", read.subList(Math.max(0, read.size() - lines), read.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read the log: " + e.getMessage() + ")";
        }
    }

    /** Stops {@code process} gracefully, forcibly after {@code grace}, then whatever it started that still runs. */
    public static void stopTree(Process process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        stop(process.toHandle(), grace);
        descendants.stream().filter(ProcessHandle::isAlive).forEach(child -> stop(child, grace));
    }

    /** Stops one process gracefully, forcibly after {@code grace}. */
    public static void stop(ProcessHandle handle, Duration grace) {
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException stillRunning) {
            handle.destroyForcibly();
        } catch (InterruptedException e) {
            handle.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
