package com.crossdock.tenantconfig.workbook;

import static com.crossdock.tenantconfig.workbook.Workbooks.csv;
import static com.crossdock.tenantconfig.workbook.Workbooks.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a zip of CSV files, one sheet per file. */
class CsvZipReadingTest {

    @TempDir
    Path dir;

    @Test
    void eachCsvFileIsTheSheetItIsNamedAfterWhereverItIsInTheZip() throws IOException {
        Path zip = Zips.of()
                .with("catalog/items.csv", csv("SKU,Description", "TEE-1,Tee"))
                .with("catalog/PACKS.CSV", csv("SKU,Level,Eaches per pack", "TEE-1,CASE,24"))
                .with("catalog/README.txt", "Fill in each file.")
                .with("__MACOSX/catalog/._items.csv", "\0\0binary resource fork")
                .with("catalog/.DS_Store", "\0\0")
                .writeTo(dir.resolve("catalog.zip"));

        RecordingListener read = read(zip);

        assertThat(read.rows).extracting(CatalogRow::sheet, CatalogRow::row)
                .containsExactly(tuple(Sheet.ITEMS, 2L), tuple(Sheet.PACKS, 2L));
        assertThat(read.notices).isEmpty();
    }

    @Test
    void aCsvFileWithAnotherNameIsKnownByItsHeadersAndOtherFilesAreIgnoredWithANotice() throws IOException {
        Path zip = Zips.of()
                .with("acme-channel-ids.csv", csv("SKU,Channel identifier,Value", "TEE-1,AMAZON_FNSKU,X00ABC1234"))
                .with("orders.csv", csv("Order,Customer", "1001,Jane"))
                .with("logo.png", new byte[] {1, 2, 3})
                .writeTo(dir.resolve("catalog.zip"));

        RecordingListener read = read(zip);

        assertThat(read.rows).extracting(CatalogRow::sheet).containsExactly(Sheet.ALIASES);
        assertThat(read.notices).hasSize(2)
                .anySatisfy(notice -> assertThat(notice).isEqualTo("Ignored 'logo.png' in catalog.zip: only CSV "
                        + "files are read from a zip."))
                .anySatisfy(notice -> assertThat(notice).startsWith("Could not tell which sheet orders.csv is")
                        .endsWith("It was ignored."));
    }

    @Test
    void eachFileIsDecodedOnItsOwn() throws IOException {
        Path zip = Zips.of()
                .with("items.csv", csv("SKU,Description", "TEE-1,Café").getBytes(TextEncoding.WINDOWS_1252))
                .with("aliases.csv", "\uFEFF" + csv("SKU,Channel identifier,Value", "TEE-1,WALMART_SKU,Crème"))
                .writeTo(dir.resolve("catalog.zip"));

        RecordingListener read = read(zip);

        assertThat(read.problems).isEmpty();
        assertThat(read.rows).hasSize(2);
        assertThat(read.notices).containsExactly("The file items.csv is not UTF-8; it was read as Windows-1252 "
                + "(Excel's default on Windows). Check accented characters, e.g. row 2 'Café'.");
    }

    @Test
    void aZipWithoutAnySheetIsRefusedNamingTheExpectedFiles() {
        Path zip = Zips.of().with("photo.jpg", new byte[] {1}).writeTo(dir.resolve("catalog.zip"));

        assertThatThrownBy(() -> read(zip)).isInstanceOf(WorkbookFormatException.class)
                .hasMessageStartingWith("catalog.zip holds none of the CSV files items.csv, packs.csv, aliases.csv, "
                        + "bundles.csv, prep.csv");
    }

    @Test
    void aMissingHeaderNamesTheFileInTheZip() {
        Path zip = Zips.of().with("bundles.csv", csv("Bundle SKU,Kind,Component,Qty", "B,VIRTUAL,C,1"))
                .writeTo(dir.resolve("catalog.zip"));

        assertThatThrownBy(() -> read(zip)).isInstanceOfSatisfying(WorkbookFormatException.class,
                e -> assertThat(e.problems()).containsExactly(
                        "Missing column 'Component SKU' in bundles.csv; did you mean 'Component'?",
                        "Missing column 'Quantity' in bundles.csv; did you mean 'Qty'?"));
    }
}
