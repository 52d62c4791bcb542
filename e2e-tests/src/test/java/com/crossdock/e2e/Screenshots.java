package com.crossdock.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ScreenshotAnimations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Full-page screenshots in {@code screenshots.dir}, for people reviewing a run. */
final class Screenshots {

    private Screenshots() {
    }

    static Path save(Page page, String name) {
        Path file = directory().resolve(safeFileName(name) + ".png");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(file)
                .setFullPage(true)
                .setAnimations(ScreenshotAnimations.DISABLED));
        return file;
    }

    /**
     * Deletes failure screenshots older than this test JVM, so the folder shows this run's failures only
     * (the screens captured on every run are simply overwritten).
     */
    static void removeFailuresFromEarlierRuns() {
        Path directory = directory();
        if (!Files.isDirectory(directory)) {
            return;
        }
        Instant thisRunStarted = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        try (DirectoryStream<Path> failures = Files.newDirectoryStream(directory, "failed-*.png")) {
            for (Path failure : failures) {
                if (Files.getLastModifiedTime(failure).toInstant().isBefore(thisRunStarted)) {
                    Files.delete(failure);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not tidy " + directory, e);
        }
    }

    private static Path directory() {
        return Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    }

    private static String safeFileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
