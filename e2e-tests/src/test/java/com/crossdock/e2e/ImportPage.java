package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Import & export of the selected tenant's catalog workbook: templates, upload, preview, error file, commit. */
final class ImportPage {

    private final Page page;

    ImportPage(Page page) {
        this.page = page;
        assertThat(page.locator("#template-xlsx")).isVisible();
    }

    /** Downloads the Excel template; answers the downloaded file. */
    Path downloadTemplate() {
        return download("#template-xlsx");
    }

    /** Uploads a workbook and waits for its preview (or the reason it could not be read). */
    ImportPage upload(String fileName, String mimeType, byte[] content) {
        page.locator("#import-upload input[type=file]").setInputFiles(new FilePayload(fileName, mimeType, content));
        assertThat(page.locator("#import-preview")).containsText(fileName);
        return this;
    }

    ImportPage assertProblemCount(long problems) {
        if (problems == 0) {
            assertThat(page.locator("#import-problem-count")).hasCount(0);
            assertThat(page.locator("#import-rows")).containsText("0 problem(s)");
        } else {
            assertThat(page.locator("#import-problem-count")).hasText(problems == 1 ? "1 problem"
                    : problems + " problems");
        }
        return this;
    }

    /** Checks how many items the commit would add, change, leave or hold back. */
    ImportPage assertItems(String change, long items) {
        assertThat(page.locator("#import-count-" + change)).hasAttribute("data-items", Long.toString(items));
        return this;
    }

    ImportPage assertProblemListed(String text) {
        assertThat(page.locator("#import-problems")).containsText(text);
        return this;
    }

    /** Downloads the error file of the shown preview; answers its text. */
    String downloadErrorFile() {
        try {
            return Files.readString(download("#import-error-file")).replace("\uFEFF", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits the shown preview as "all or nothing" and waits for the result. */
    ImportPage commit() {
        page.locator("#import-commit").click();
        assertThat(page.locator("#import-result")).isVisible();
        return this;
    }

    /** Discards the shown preview; it is listed as discarded in the history. */
    ImportPage discard() {
        page.locator("#import-discard").click();
        assertThat(page.locator("#import-preview")).isHidden();
        assertThat(history()).containsText("discarded");
        return this;
    }

    ImportPage assertResult(String text) {
        assertThat(page.locator("#import-result")).containsText(text);
        return this;
    }

    Locator history() {
        return page.locator("#import-history");
    }

    private Path download(String selector) {
        Download download = page.waitForDownload(() -> page.locator(selector).click());
        return download.path();
    }
}
