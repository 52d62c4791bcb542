package com.crossdock.tenantconfig.workbook;

import static com.crossdock.tenantconfig.workbook.Workbooks.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.Gtin;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.workbook.CatalogRow.AliasRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.ItemRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.PackRow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading XLSX workbooks as people make them in Excel: numbers stored as numbers, sheets named loosely. */
class XlsxReadingTest {

    @TempDir
    Path dir;

    @Test
    void bigNumbersInNumberCellsKeepAllTheirDigits() throws IOException {
        Path file = workbook(book -> {
            XSSFSheet aliases = sheet(book, "Aliases", "SKU", "Channel identifier", "Value");
            XSSFRow row = aliases.createRow(1);
            row.createCell(0).setCellValue("TEE-1");
            row.createCell(1).setCellValue("SHOPIFY_VARIANT_ID");
            row.createCell(2).setCellValue(45678901234567d);
        });

        RecordingListener read = read(file);

        assertThat(read.rows).containsExactly(new AliasRow(2, Sku.of("TEE-1"), AliasKind.SHOPIFY_VARIANT_ID,
                "45678901234567"));
    }

    @Test
    void numberCellsAreWholeNumbersAndGtinsWithoutExcelsFormatting() throws IOException {
        Path file = workbook(book -> {
            XSSFSheet packs = sheet(book, "Packs", Sheet.PACKS.headers().toArray(String[]::new));
            CellStyle thousands = book.createCellStyle();
            thousands.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            CellStyle zeros = book.createCellStyle();
            zeros.setDataFormat(book.createDataFormat().getFormat("00000000000000"));
            XSSFRow each = packs.createRow(1);
            each.createCell(0).setCellValue("TEE-1");
            each.createCell(1).setCellValue("Each");
            each.createCell(2).setCellValue(1d);
            each.createCell(6).setCellValue(1200d);
            each.getCell(6).setCellStyle(thousands);
            each.createCell(7).setCellValue(614141000012d);
            XSSFRow caseRow = packs.createRow(2);
            caseRow.createCell(0).setCellValue("TEE-1");
            caseRow.createCell(1).setCellValue("Case");
            caseRow.createCell(2).setCellValue(24d);
            caseRow.createCell(7).setCellValue(614141000012d);
            caseRow.getCell(7).setCellStyle(zeros);
        });

        RecordingListener read = read(file);

        assertThat(read.problems).isEmpty();
        assertThat(read.rows).containsExactly(
                new PackRow(2, Sku.of("TEE-1"), PackLevel.EACH, 1, null, null, null, 1200,
                        Gtin.parse("614141000012")),
                new PackRow(3, Sku.of("TEE-1"), PackLevel.CASE, 24, null, null, null, null,
                        Gtin.parse("00614141000012")));
        assertThat(((PackRow) read.rows.getLast()).gtin().digits()).isEqualTo("00614141000012");
    }

    @Test
    void aDecimalInANumberCellAndABarcodeThatLostItsZeroAreProblems() throws IOException {
        Path file = workbook(book -> {
            XSSFSheet packs = sheet(book, "Packs", Sheet.PACKS.headers().toArray(String[]::new));
            XSSFRow row = packs.createRow(1);
            row.createCell(0).setCellValue("TEE-1");
            row.createCell(1).setCellValue("CASE");
            row.createCell(2).setCellValue(12.5);
            row.createCell(7).setCellValue(36000291452d);
        });

        RecordingListener read = read(file);

        assertThat(read.problems).extracting(RowProblem::value).containsExactly("12.5", "36000291452");
        assertThat(read.reasons().getLast()).contains("probably dropped a leading zero");
    }

    @Test
    void booleanCellsAreYesOrNo() throws IOException {
        Path file = workbook(book -> {
            XSSFSheet items = sheet(book, "Items", "SKU", "Description", "Hazmat");
            XSSFRow row = items.createRow(1);
            row.createCell(0).setCellValue("TEE-1");
            row.createCell(1).setCellValue("Tee");
            row.createCell(2).setCellValue(true);
        });

        RecordingListener read = read(file);

        assertThat(read.rows).containsExactly(new ItemRow(2, Sku.of("TEE-1"), "Tee", ItemStatus.ACTIVE, false,
                false, false, true));
    }

    @Test
    void sheetsAreKnownByTitleOrNameInAnyCaseAndReadMeSheetsAreSkippedQuietly() throws IOException {
        Path file = workbook(book -> {
            sheet(book, "Read me", "How to fill in this workbook");
            XSSFSheet items = sheet(book, "ITEMS", "SKU", "Description");
            items.createRow(1).createCell(0).setCellValue("TEE-1");
            items.getRow(1).createCell(1).setCellValue("Tee");
            XSSFSheet prep = sheet(book, "fba prep", "SKU", "Prep category");
            prep.createRow(3).createCell(0).setCellValue("TEE-1");
        });

        RecordingListener read = read(file);

        assertThat(read.rows).extracting(CatalogRow::sheet, CatalogRow::row)
                .containsExactly(tuple(Sheet.ITEMS, 2L),
                        tuple(Sheet.PREP, 4L));
        assertThat(read.notices).isEmpty();
    }

    @Test
    void aSheetWithAnotherNameIsKnownByItsHeadersOrIgnoredWithANotice() throws IOException {
        Path file = workbook(book -> {
            XSSFSheet items = sheet(book, "Sheet1", "SKU", "Description", "Status");
            items.createRow(1).createCell(0).setCellValue("TEE-1");
            items.getRow(1).createCell(1).setCellValue("Tee");
            sheet(book, "Pivot", "Month", "Units");
        });

        RecordingListener read = read(file);

        assertThat(read.rows).hasSize(1);
        assertThat(read.notices).containsExactly("Read sheet 'Sheet1' as the Items sheet, by its headers.",
                "Ignored sheet 'Pivot': neither its name nor its headers are those of the Items, Packs, Aliases, "
                        + "Bundles or FBA prep sheet.");
    }

    @Test
    void aWorkbookWithoutAnyKnownSheetIsRefused() throws IOException {
        Path file = workbook(book -> sheet(book, "Orders", "Order", "Customer"));

        assertThatThrownBy(() -> read(file)).isInstanceOf(WorkbookFormatException.class)
                .hasMessageContaining("has no sheet named Items, Packs, Aliases, Bundles or FBA prep")
                .hasMessageContaining("'Orders'");
    }

    @Test
    void aMissingHeaderIsNamedWithItsSheet() throws IOException {
        Path file = workbook(book -> sheet(book, "Items", "SKU", "Desc"));

        assertThatThrownBy(() -> read(file)).isInstanceOfSatisfying(WorkbookFormatException.class,
                e -> assertThat(e.problems()).containsExactly(
                        "Missing column 'Description' in sheet 'Items'; did you mean 'Desc'?"));
    }

    @Test
    void theHeaderRowIsRow1() throws IOException {
        Path file = workbook(book -> {
            XSSFSheet items = book.createSheet("Items");
            items.createRow(2).createCell(0).setCellValue("SKU");
        });

        assertThatThrownBy(() -> read(file)).isInstanceOf(WorkbookFormatException.class)
                .hasMessage("Row 1 of sheet 'Items' is empty; it must hold the column headers.");
    }

    @Test
    void anEmptySheetOfAKnownNameHasNoRows() throws IOException {
        Path file = workbook(book -> book.createSheet("Bundles"));

        RecordingListener read = read(file);

        assertThat(read.rows).isEmpty();
        assertThat(read.problems).isEmpty();
    }

    @Test
    void aListenersOwnExceptionReachesTheCallerUnchangedThroughTheXmlParser() throws IOException {
        Path file = workbook(book -> {
            XSSFSheet items = sheet(book, "Items", "SKU", "Description");
            items.createRow(1).createCell(0).setCellValue("TEE-1");
            items.getRow(1).createCell(1).setCellValue("Tee");
        });
        IllegalStateException databaseDown = new IllegalStateException("database down");
        WorkbookListener failing = new RecordingListener() {
            @Override
            public void row(CatalogRow row) {
                throw databaseDown;
            }
        };

        assertThatThrownBy(() -> new WorkbookReader(WorkbookLimits.defaults()).read(file, "catalog.xlsx", failing))
                .isSameAs(databaseDown);
    }

    interface Filler {
        void fill(XSSFWorkbook book);
    }

    private Path workbook(Filler filler) throws IOException {
        Path file = dir.resolve("catalog.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            filler.fill(book);
            book.write(out);
        }
        return file;
    }

    private static XSSFSheet sheet(XSSFWorkbook book, String name, String... headers) {
        XSSFSheet sheet = book.createSheet(name);
        XSSFRow row = sheet.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            row.createCell(i).setCellValue(headers[i]);
        }
        return sheet;
    }
}
