package com.crossdock.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ScreenshotAnimations;
import java.nio.file.Path;

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

    private static Path directory() {
        return Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    }

    private static String safeFileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
