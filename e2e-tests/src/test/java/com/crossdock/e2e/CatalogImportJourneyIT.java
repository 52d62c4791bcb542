package com.crossdock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalog onboarding journey of a brand: Oakline's mug set has no each pack and no FBA prep. Its admin
 * downloads the template, uploads a workbook with two mistakes, reads the error file, fixes both, commits, and the
 * data-quality panel has nothing left to report.
 */
@ExtendWith(PortalBrowserExtension.class)
class CatalogImportJourneyIT {

    private static final String ZIP = "application/zip";

    @Test
    void aBrandAdminImportsAWorkbookFixesWhatTheErrorFileSaysAndReachesZeroFindings(Page page) throws IOException {
        MainLayoutPage shell = LoginPage.open(page).signInAs(DemoUser.OAKLINE_ADMIN);
        shell.goToDataQuality().assertFinding("MISSING_EACH_PACK").assertFinding("MISSING_PREP");
        Screenshots.save(page, "quality-with-findings");

        ImportPage imports = shell.goToImport();
        Screenshots.save(page, "import-empty");
        Path template = imports.downloadTemplate();
        try (ZipFile xlsx = new ZipFile(template.toFile())) {
            assertThat(xlsx.getEntry("xl/workbook.xml")).as("the template is an Excel workbook").isNotNull();
        }

        imports.upload("oakline-mugs.zip", ZIP, workbook("086789005109", "ITEM_BUBLEWRAP,ITEM_LABELING"))
                .assertProblemCount(2)
                .assertItems("invalid", 1)
                .assertProblemListed("check digit");
        Screenshots.save(page, "import-preview-with-problems");
        String errors = imports.downloadErrorFile();
        assertThat(errors.lines().findFirst()).hasValue("Sheet,Row,Column,Value,Reason");
        assertThat(errors).contains("Packs,2,GTIN,086789005109,").contains("ITEM_BUBLEWRAP");

        imports.upload("oakline-mugs-fixed.zip", ZIP, workbook("086789005108", "ITEM_BUBBLEWRAP,ITEM_LABELING"))
                .assertProblemCount(0)
                .assertItems("changed", 1)
                .assertItems("invalid", 0);
        Screenshots.save(page, "import-preview-clean");
        imports.commit().assertResult("1 changed item(s)");
        Screenshots.save(page, "import-committed");

        shell.goToDataQuality().assertNoFindings();
        Screenshots.save(page, "quality-clean");
    }

    @Test
    void aWorkbookOfSeveralMegabytesIsPreviewedAndCanBeDiscardedWithoutChangingTheCatalog(Page page) {
        StringBuilder csv = new StringBuilder("SKU,Description,Status\r\n");
        for (int i = 0; i < 40_000; i++) {
            csv.append("HP-BULK-%05d,\"Harbor bulk tee %d, organic cotton, heavyweight\",ACTIVE\r\n".formatted(i, i));
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(content.length).as("above the 1 MB a servlet container allows by default").isGreaterThan(2_000_000);

        ImportPage imports = LoginPage.open(page).signInAs(DemoUser.BRAND_USER).goToImport();
        imports.upload("bulk-items.csv", "text/csv", content)
                .assertProblemCount(0)
                .assertItems("new", 40_000);
        Screenshots.save(page, "import-preview-large");
        imports.discard();
    }

    /** The mug set's packs (an each pack with {@code eachGtin}, its case) and its FBA prep, as CSV files in a zip. */
    private static byte[] workbook(String eachGtin, String prepTypes) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("packs.csv", "SKU,Level,Eaches per pack,Length mm,Width mm,Height mm,Weight g,GTIN\r\n"
                + "OAK-MUG-SET4,EACH,1,,,,1800," + eachGtin + "\r\n"
                + "OAK-MUG-SET4,CASE,6,,,,,086789005030\r\n");
        files.put("prep.csv", "SKU,Prep category,Prep types,Prep owner,Label owner\r\n"
                + "OAK-MUG-SET4,FRAGILE,\"" + prepTypes + "\",SELLER,SELLER\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
