package com.crossdock.tenantconfig.workbook;

import static com.crossdock.tenantconfig.workbook.Workbooks.file;
import static com.crossdock.tenantconfig.workbook.Workbooks.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.Gtin;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.workbook.CatalogRow.AliasRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.ItemRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.PackRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the export writes, byte for byte where it matters to a spreadsheet. */
class WorkbookWriterTest {

    private static final ItemRow FORMULA_LIKE = new ItemRow(7, Sku.of("=HYPERLINK(\"x\")"), "-5 off, @home +1",
            ItemStatus.INACTIVE, true, false, true, false);
    private static final PackRow CASE = new PackRow(0, Sku.of("TEE-1"), PackLevel.CASE, 24, 600, null, 300, 4_700,
            Gtin.parse("00614141000012"));

    @TempDir
    Path dir;

    @Test
    void aCsvIsUtf8WithBomCommaDelimitedWithCrlfAndFormulaCellsQuoted() throws IOException {
        byte[] csv = write(WorkbookFormat.CSV, writer -> writer.sheet(Sheet.ITEMS, List.of(FORMULA_LIKE).iterator()));

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("\uFEFF"
                + "SKU,Description,Status,Lot tracked,Expiry tracked,Serial tracked,Hazmat\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",\"'-5 off, @home +1\",INACTIVE,yes,no,yes,no\r\n");
    }

    @Test
    void whatTheCsvExportWritesReadsBackAsItWasApartFromTheRowNumber() throws IOException {
        byte[] csv = write(WorkbookFormat.CSV, writer -> writer.sheet(Sheet.ITEMS, List.of(FORMULA_LIKE).iterator()));

        RecordingListener read = read(file(dir, "items.csv", csv));

        assertThat(read.rows).containsExactly(new ItemRow(2, FORMULA_LIKE.sku(), FORMULA_LIKE.description(),
                ItemStatus.INACTIVE, true, false, true, false));
    }

    @Test
    void aCsvFileHoldsOneSheet() throws IOException {
        WorkbookWriter writer = WorkbookWriter.open(WorkbookFormat.CSV, new ByteArrayOutputStream());
        writer.sheet(Sheet.ITEMS, List.<ItemRow>of().iterator());

        assertThatThrownBy(() -> writer.sheet(Sheet.PACKS, List.<PackRow>of().iterator()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("one sheet");
    }

    @Test
    void rowsOfAnotherSheetAreRefused() {
        WorkbookWriter writer = WorkbookWriter.open(WorkbookFormat.XLSX, new ByteArrayOutputStream());

        assertThatThrownBy(() -> writer.sheet(Sheet.ITEMS, List.of(CASE).iterator()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A row of the Packs sheet cannot go on the Items sheet (SKU TEE-1)");
    }

    @Test
    void aSheetIsWrittenOnce() throws IOException {
        WorkbookWriter writer = WorkbookWriter.open(WorkbookFormat.CSV_ZIP, new ByteArrayOutputStream());
        writer.sheet(Sheet.PACKS, List.of(CASE).iterator());

        assertThatThrownBy(() -> writer.sheet(Sheet.PACKS, List.of(CASE).iterator()))
                .isInstanceOf(IllegalStateException.class).hasMessage("The Packs sheet was written already");
    }

    @Test
    void aZipHoldsTheSheetsInTheOrderWrittenThenTheOthersWithHeadersOnly() throws IOException {
        byte[] zip = write(WorkbookFormat.CSV_ZIP, writer -> {
            writer.sheet(Sheet.PACKS, List.of(CASE).iterator());
            writer.sheet(Sheet.ITEMS, List.of(FORMULA_LIKE).iterator());
        });

        List<String> names = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                contents.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(names).containsExactly("packs.csv", "items.csv", "aliases.csv", "bundles.csv", "prep.csv");
        assertThat(contents.get(2)).isEqualTo("\uFEFFSKU,Channel identifier,Value\r\n");
        assertThat(contents.get(0)).endsWith("TEE-1,CASE,24,600,,300,4700,00614141000012\r\n");
    }

    @Test
    void anXlsxHasABoldFrozenHeaderTextIdentifiersAndNumberQuantities() throws IOException {
        byte[] xlsx = write(WorkbookFormat.XLSX, writer -> {
            writer.sheet(Sheet.PACKS, List.of(CASE).iterator());
            writer.sheet(Sheet.ALIASES, List.of(new AliasRow(0, Sku.of("TEE-1"), AliasKind.SHOPIFY_VARIANT_ID,
                    "45678901234567")).iterator());
        });

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(5);
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2),
                    book.getSheetName(3), book.getSheetName(4)))
                    .containsExactly("Packs", "Aliases", "Items", "Bundles", "FBA prep");
            XSSFSheet packs = book.getSheet("Packs");
            XSSFRow header = packs.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("SKU");
            assertThat(header.getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(packs.getPaneInformation().isFreezePane()).isTrue();
            assertThat(packs.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(packs.getColumnWidth(7)).isGreaterThan(14 * 256);
            XSSFRow row = packs.getRow(1);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(4)).isNull();
            assertThat(row.getCell(7).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(7).getStringCellValue()).isEqualTo("00614141000012");
            assertThat(row.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("@");
            assertThat(book.getSheet("Aliases").getRow(1).getCell(2).getStringCellValue())
                    .isEqualTo("45678901234567");
            assertThat(book.getSheet("Items").getPhysicalNumberOfRows()).isEqualTo(1);
        }
    }

    @Test
    void textThatLooksLikeExcelsCharacterEscapeComesBackAsWritten() throws IOException {
        AliasRow alias = new AliasRow(0, Sku.of("BOX_x0041_"), AliasKind.WALMART_SKU, "_x0041_x0042_ and _x00");
        byte[] xlsx = write(WorkbookFormat.XLSX, writer -> writer.sheet(Sheet.ALIASES, List.of(alias).iterator()));

        RecordingListener read = read(file(dir, "catalog.xlsx", xlsx));

        assertThat(Workbooks.unnumbered(read.rows)).containsExactly(alias);
    }

    @Test
    void closingLeavesTheCallersStreamOpen() throws IOException {
        class Tracking extends ByteArrayOutputStream {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        }
        for (WorkbookFormat format : WorkbookFormat.values()) {
            Tracking out = new Tracking();
            try (WorkbookWriter writer = WorkbookWriter.open(format, out)) {
                writer.sheet(Sheet.ITEMS, List.of(FORMULA_LIKE).iterator());
            }
            assertThat(out.closed).as(format.name()).isFalse();
            assertThat(out.size()).as(format.name()).isPositive();
        }
    }

    interface Writing {
        void write(WorkbookWriter writer) throws IOException;
    }

    private static byte[] write(WorkbookFormat format, Writing writing) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WorkbookWriter writer = WorkbookWriter.open(format, out)) {
            writing.write(writer);
        }
        return out.toByteArray();
    }
}
