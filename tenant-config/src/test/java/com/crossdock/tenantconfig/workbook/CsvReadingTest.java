package com.crossdock.tenantconfig.workbook;

import static com.crossdock.tenantconfig.workbook.Workbooks.csv;
import static com.crossdock.tenantconfig.workbook.Workbooks.file;
import static com.crossdock.tenantconfig.workbook.Workbooks.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.workbook.CatalogRow.ItemRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.PackRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading CSV files as spreadsheets save them: encodings, delimiters, quoting, headers and row numbers. */
class CsvReadingTest {

    private static final String ITEMS_HEADER = String.join(",", Sheet.ITEMS.headers());

    @TempDir
    Path dir;

    @Test
    void aProblemNamesTheSkuOfItsRowSoAnImporterCanHoldBackTheWholeItem() throws IOException {
        RecordingListener read = read(file(dir, "packs.csv", csv("SKU,Level,Eaches per pack,GTIN",
                " TEE-3 ,EACH,1,416000336109", ",EACH,1,")));

        assertThat(read.problems).extracting(RowProblem::row, RowProblem::column, RowProblem::sku)
                .contains(org.assertj.core.groups.Tuple.tuple(2L, "GTIN", "TEE-3"),
                        org.assertj.core.groups.Tuple.tuple(3L, "SKU", ""));
    }

    @Test
    void aUtf8FileWithoutBomIsReadAsUtf8() throws IOException {
        RecordingListener read = read(file(dir, "items.csv", csv("SKU,Description", "TEE-1,Café crème")));

        assertThat(read.rows).containsExactly(item(2, "TEE-1", "Café crème"));
        assertThat(read.notices).isEmpty();
    }

    @Test
    void aUtf8BomIsNotPartOfTheFirstHeader() throws IOException {
        RecordingListener read = read(file(dir, "items.csv", "\uFEFF" + csv("SKU,Description", "TEE-1,Café")));

        assertThat(read.rows).containsExactly(item(2, "TEE-1", "Café"));
        assertThat(read.problems).isEmpty();
    }

    @Test
    void utf16WithBomIsRead() throws IOException {
        RecordingListener read = read(file(dir, "items.csv", "\uFEFF" + csv("SKU\tDescription", "TEE-1\tCafé"),
                StandardCharsets.UTF_16LE));

        assertThat(read.rows).containsExactly(item(2, "TEE-1", "Café"));
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsWindows1252WithANoticeQuotingTheFirstAccentedCell() throws IOException {
        String content = csv("SKU,Description", "TEE-1,Plain tee", "MUG-1,Café mug", "TEE-2,Crème");

        RecordingListener read = read(file(dir, "items.csv", content, TextEncoding.WINDOWS_1252));

        assertThat(read.rows).extracting(row -> ((ItemRow) row).description())
                .containsExactly("Plain tee", "Café mug", "Crème");
        assertThat(read.notices).containsExactly("The file items.csv is not UTF-8; it was read as Windows-1252 "
                + "(Excel's default on Windows). Check accented characters, e.g. row 3 'Café mug'.");
    }

    @Test
    void semicolonAndTabDelimitersAreDetectedFromTheHeaderLine() throws IOException {
        RecordingListener semicolons = read(file(dir, "items.csv", csv("SKU;Description;Status",
                "TEE-1;Tee, black;INACTIVE")));
        RecordingListener tabs = read(file(dir, "items2.csv", csv("SKU\tDescription", "TEE-1\tTee; black")));

        assertThat(semicolons.rows).containsExactly(new ItemRow(2, Sku.of("TEE-1"), "Tee, black",
                ItemStatus.INACTIVE, false, false, false, false));
        assertThat(tabs.rows).containsExactly(item(2, "TEE-1", "Tee; black"));
    }

    @Test
    void quotedCellsMayHoldDelimitersQuotesAndLineBreaksAndRowsCountRecordsNotLines() throws IOException {
        RecordingListener read = read(file(dir, "items.csv", csv("SKU,Description",
                "TEE-1,\"Tee, black\nsize \"\"M\"\"\"", "TEE-2,Tee white")));

        assertThat(read.rows).containsExactly(item(2, "TEE-1", "Tee, black\nsize \"M\""),
                item(3, "TEE-2", "Tee white"));
    }

    @Test
    void headersAreMatchedIgnoringCaseSpacesUnderscoresHyphensAndPunctuation() throws IOException {
        RecordingListener read = read(file(dir, "items.csv", csv("sku*,DESCRIPTION,lot_tracked,Expiry-Tracked",
                "TEE-1,Tee,yes,x")));

        assertThat(read.rows).containsExactly(new ItemRow(2, Sku.of("TEE-1"), "Tee", ItemStatus.ACTIVE, true, true,
                false, false));
    }

    @Test
    void aMissingRequiredHeaderIsNamedWithTheUnknownHeaderItProbablyIs() throws IOException {
        Path items = file(dir, "items.csv", csv("SKU,Descripton,Status", "TEE-1,Tee,ACTIVE"));

        assertThatThrownBy(() -> read(items)).isInstanceOfSatisfying(WorkbookFormatException.class,
                e -> assertThat(e.problems()).containsExactly(
                        "Missing column 'Description' in items.csv; did you mean 'Descripton'?"));
    }

    @Test
    void everyMissingRequiredHeaderIsNamed() throws IOException {
        Path packs = file(dir, "packs.csv", csv("SKU,Length mm,Colour", "TEE-1,300,red"));

        assertThatThrownBy(() -> read(packs)).isInstanceOfSatisfying(WorkbookFormatException.class,
                e -> assertThat(e.problems()).hasSize(2)
                        .anySatisfy(problem -> assertThat(problem).startsWith("Missing column 'Level' in packs.csv;"))
                        .anySatisfy(problem -> assertThat(problem)
                                .startsWith("Missing column 'Eaches per pack' in packs.csv;")));
    }

    @Test
    void extraColumnsAreIgnoredWithANoticeNamingThem() throws IOException {
        RecordingListener read = read(file(dir, "items.csv", csv("SKU,Colour,Description,Notes",
                "TEE-1,red,Tee,call supplier")));

        assertThat(read.rows).containsExactly(item(2, "TEE-1", "Tee"));
        assertThat(read.notices).containsExactly("In items.csv: ignored the columns 'Colour', 'Notes', which the "
                + "Items sheet does not have.");
    }

    @Test
    void emptyRowsAreSkippedAndLaterRowsKeepTheirSpreadsheetRowNumbers() throws IOException {
        RecordingListener read = read(file(dir, "items.csv", csv("SKU,Description,Status", "TEE-1,Tee,",
                ",,", "", " , ,", "TEE-2,Tee two,")));

        assertThat(read.rows).containsExactly(item(2, "TEE-1", "Tee"), item(6, "TEE-2", "Tee two"));
        assertThat(read.problems).isEmpty();
    }

    @Test
    void theSheetOfACsvFileIsToldByItsHeadersBeforeItsName() throws IOException {
        RecordingListener read = read(file(dir, "items.csv", csv("SKU,Level,Eaches per pack", "TEE-1,Case,24")));

        assertThat(read.rows).singleElement().isInstanceOf(PackRow.class);
    }

    @Test
    void whenTheHeadersFitSeveralSheetsAlikeTheFileNameDecides() throws IOException {
        RecordingListener read = read(file(dir, "acme-fba-prep-2026.csv", csv("SKU", "TEE-1")));

        assertThat(read.rows).singleElement().isInstanceOf(CatalogRow.PrepRow.class);
    }

    @Test
    void aCsvFileOfNoKnownSheetIsRefusedShowingTheExpectedHeaders() throws IOException {
        Path orders = file(dir, "orders.csv", csv("Order,Customer", "1001,Jane"));

        assertThatThrownBy(() -> read(orders)).isInstanceOf(WorkbookFormatException.class)
                .hasMessageContaining("Could not tell which sheet orders.csv is")
                .hasMessageContaining("SKU, Description, Status");
    }

    @Test
    void whenNoHeaderIsKnownTheFileNameTellsTheSheetSoTheMissingColumnsAreNamed() throws IOException {
        Path items = file(dir, "items.csv", csv("Artikel,Beschreibung", "TEE-1,Tee"));

        assertThatThrownBy(() -> read(items)).isInstanceOfSatisfying(WorkbookFormatException.class,
                e -> assertThat(e.problems()).hasSize(2).allSatisfy(problem -> assertThat(problem)
                        .startsWith("Missing column '").contains("in items.csv; row 1 must hold the headers SKU,")));
    }

    @Test
    void aFileWithNothingButAByteOrderMarkIsRefusedAsEmpty() throws IOException {
        Path items = file(dir, "items.csv", "\uFEFF");

        assertThatThrownBy(() -> read(items)).isInstanceOf(WorkbookFormatException.class)
                .hasMessage("items.csv is empty; row 1 must hold the column headers.");
    }

    @Test
    void anEmptyFirstRowIsRefusedBecauseRow1HoldsTheHeaders() throws IOException {
        Path items = file(dir, "items.csv", csv(",,", "SKU,Description", "TEE-1,Tee"));

        assertThatThrownBy(() -> read(items)).isInstanceOf(WorkbookFormatException.class)
                .hasMessage("Row 1 of items.csv is empty; it must hold the column headers.");
    }

    @Test
    void anUnclosedQuoteIsAFileProblemInWords() throws IOException {
        Path items = file(dir, "items.csv", csv("SKU,Description", "TEE-1,\"Tee", "TEE-2,Tee"));

        assertThatThrownBy(() -> read(items)).isInstanceOf(WorkbookFormatException.class)
                .hasMessageContaining("items.csv cannot be read as CSV")
                .hasMessageContaining("stray quote");
    }

    @Test
    void aLeadingQuoteTheExportAddedAgainstFormulasIsTakenOffAgain() throws IOException {
        RecordingListener read = read(file(dir, "items.csv", csv("SKU,Description",
                "'=TEE-1,'-5 dollars off", "'TEE-2,''+quoted")));

        assertThat(read.rows).containsExactly(item(2, "=TEE-1", "-5 dollars off"), item(3, "'TEE-2", "'+quoted"));
    }

    @Test
    void progressIsReportedUpToTheFileSize() throws IOException {
        Path items = file(dir, "items.csv", csv(ITEMS_HEADER, "TEE-1,Tee,,,,,"));

        RecordingListener read = read(items);

        assertThat(read.lastProgress).isEqualTo(java.nio.file.Files.size(items));
    }

    @Test
    void aListenersOwnExceptionReachesTheCallerUnchanged() throws IOException {
        Path items = file(dir, "items.csv", csv("SKU,Description", "TEE-1,Tee"));
        IllegalStateException databaseDown = new IllegalStateException("database down");
        WorkbookListener failing = new RecordingListener() {
            @Override
            public void row(CatalogRow row) {
                throw databaseDown;
            }
        };

        assertThatThrownBy(() -> new WorkbookReader(WorkbookLimits.defaults()).read(items, "items.csv", failing))
                .isSameAs(databaseDown);
    }

    @Test
    void aSingleSheetCsvTemplateReadsBackWithoutProblems() throws IOException {
        for (Sheet sheet : Sheet.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WorkbookTemplate.write(sheet, out);

            RecordingListener read = read(file(dir, sheet.csvFileName(), out.toByteArray()));

            assertThat(read.problems).isEmpty();
            assertThat(Workbooks.unnumbered(read.rows)).isEqualTo(WorkbookTemplate.examples(sheet));
        }
    }

    private static ItemRow item(long row, String sku, String description) {
        return new ItemRow(row, Sku.of(sku), description, ItemStatus.ACTIVE, false, false, false, false);
    }
}
