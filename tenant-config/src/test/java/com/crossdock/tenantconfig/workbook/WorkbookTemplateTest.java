package com.crossdock.tenantconfig.workbook;

import static com.crossdock.tenantconfig.workbook.Workbooks.file;
import static com.crossdock.tenantconfig.workbook.Workbooks.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.tenantconfig.workbook.CatalogRow.AliasRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.BundleRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.PackRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.PrepRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template a brand starts from reads back clean and explains itself. */
class WorkbookTemplateTest {

    @TempDir
    Path dir;

    @Test
    void theXlsxTemplateReadsBackAsItsExamplesWithoutProblemsOrNotices() throws IOException {
        RecordingListener read = read(file(dir, "template.xlsx", template(WorkbookFormat.XLSX)));

        assertThat(read.problems).isEmpty();
        assertThat(read.notices).isEmpty();
        assertThat(Workbooks.unnumbered(read.rows)).isEqualTo(allExamples());
    }

    @Test
    void theZipTemplateReadsBackAsItsExamplesWithoutProblemsOrNotices() throws IOException {
        RecordingListener read = read(file(dir, "template.zip", template(WorkbookFormat.CSV_ZIP)));

        assertThat(read.problems).isEmpty();
        assertThat(read.notices).isEmpty();
        assertThat(Workbooks.unnumbered(read.rows)).isEqualTo(allExamples());
    }

    @Test
    void theXlsxTemplateOpensWithAReadMeExplainingEverySheetAndColumn() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template(WorkbookFormat.XLSX)))) {
            assertThat(book.getSheetName(0)).isEqualTo("Read me");
            List<String> firstColumn = new java.util.ArrayList<>();
            book.getSheetAt(0).forEach(row -> {
                if (row.getCell(0) != null) {
                    firstColumn.add(row.getCell(0).getStringCellValue());
                }
            });
            for (Sheet sheet : Sheet.values()) {
                assertThat(book.getSheetName(sheet.ordinal() + 1)).isEqualTo(sheet.title());
                assertThat(firstColumn).contains(sheet.title()).containsAll(sheet.headers());
            }
        }
    }

    @Test
    void theExamplesShowEveryKindOfRowABrandNeeds() {
        assertThat(WorkbookTemplate.examples(Sheet.PACKS)).extracting(row -> ((PackRow) row).gtin())
                .doesNotContainNull();
        assertThat(WorkbookTemplate.examples(Sheet.ALIASES)).extracting(row -> ((AliasRow) row).kind().name())
                .contains("SHOPIFY_VARIANT_SKU", "AMAZON_FNSKU");
        assertThat(WorkbookTemplate.examples(Sheet.BUNDLES)).extracting(row -> ((BundleRow) row).kind().name())
                .containsOnly("VIRTUAL");
        AliasRow fnsku = (AliasRow) WorkbookTemplate.examples(Sheet.ALIASES).getLast();
        assertThat(WorkbookTemplate.examples(Sheet.PREP)).extracting(row -> ((PrepRow) row).sku())
                .contains(fnsku.sku());
        for (Sheet sheet : Sheet.values()) {
            assertThat(WorkbookTemplate.examples(sheet)).hasSizeBetween(2, 3);
        }
    }

    @Test
    void aCsvTemplateIsOneSheetAtATime() {
        assertThatThrownBy(() -> WorkbookTemplate.write(WorkbookFormat.CSV, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("write(Sheet, OutputStream)");
    }

    private static byte[] template(WorkbookFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookTemplate.write(format, out);
        return out.toByteArray();
    }

    private static List<CatalogRow> allExamples() {
        return Arrays.stream(Sheet.values()).flatMap(sheet -> WorkbookTemplate.examples(sheet).stream())
                .map(row -> (CatalogRow) row).toList();
    }
}
