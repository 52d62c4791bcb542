package com.crossdock.tenantconfig.workbook;

import static com.crossdock.tenantconfig.workbook.Workbooks.csv;
import static com.crossdock.tenantconfig.workbook.Workbooks.file;
import static com.crossdock.tenantconfig.workbook.Workbooks.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not workbooks, or are too large, are refused as a whole, in words. */
class RefusedFilesTest {

    @TempDir
    Path dir;

    @Test
    void anImageIsNotAWorkbook() {
        Path png = file(dir, "catalog.png", HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452"));

        assertThatThrownBy(() -> read(png)).isInstanceOf(WorkbookFormatException.class)
                .hasMessageStartingWith("catalog.png is not a workbook (it looks like a PNG image).");
    }

    @Test
    void randomBytesAreNotAWorkbook() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[0] = 'x'; // not accidentally a known signature
        Path file = file(dir, "catalog.csv", noise);

        assertThatThrownBy(() -> read(file)).isInstanceOf(WorkbookFormatException.class)
                .hasMessageContaining("is not a workbook (it looks like binary data, not text)");
    }

    @Test
    void anEmptyFileIsRefused() {
        Path file = file(dir, "items.csv", new byte[0]);

        assertThatThrownBy(() -> read(file)).isInstanceOf(WorkbookFormatException.class)
                .hasMessageStartingWith("items.csv is empty.");
    }

    @Test
    void anOldExcelWorkbookIsRefusedWithHowToSaveItAgain() {
        Path xls = file(dir, "catalog.xls", HexFormat.of().parseHex("d0cf11e0a1b11ae1000000000000000000"));

        assertThatThrownBy(() -> read(xls)).isInstanceOf(WorkbookFormatException.class)
                .hasMessageContaining("Excel 97-2003 workbook (.xls)")
                .hasMessageContaining("save it as Excel Workbook (.xlsx)");
    }

    @Test
    void aWebPageSavedAsXlsIsRefused() {
        Path html = file(dir, "export.xls", "<html><body><table><tr><td>SKU</td></tr></table></body></html>");

        assertThatThrownBy(() -> read(html)).isInstanceOf(WorkbookFormatException.class)
                .hasMessageStartingWith("export.xls is not a workbook (it looks like a web page or XML file).");
    }

    @Test
    void aWordDocumentIsNotAWorkbook() {
        Path docx = Zips.of().with("[Content_Types].xml", "<Types/>").with("word/document.xml", "<document/>")
                .writeTo(dir.resolve("catalog.docx"));

        assertThatThrownBy(() -> read(docx)).isInstanceOf(WorkbookFormatException.class)
                .hasMessageStartingWith("catalog.docx is not a workbook (it looks like a Word or PowerPoint");
    }

    @Test
    void aTruncatedXlsxIsReportedAsDamaged() throws IOException {
        Path whole = dir.resolve("whole.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(whole)) {
            book.createSheet("Items").createRow(0).createCell(0).setCellValue("SKU");
            book.write(out);
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = file(dir, "catalog.xlsx", java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> read(truncated)).isInstanceOf(WorkbookFormatException.class)
                .hasMessageStartingWith("catalog.xlsx cannot be read as a workbook; it may be damaged");
    }

    @Test
    void anXlsxWhoseSheetInflatesLikeAZipBombIsNotOpened() throws IOException {
        Path template = dir.resolve("template.xlsx");
        try (OutputStream out = Files.newOutputStream(template)) {
            WorkbookTemplate.write(WorkbookFormat.XLSX, out);
        }
        String start = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats"
                + ".org/spreadsheetml/2006/main\"><sheetData>";
        Path bomb = Zips.copyOf(template).with("xl/worksheets/sheet2.xml", out -> {
            out.write(start.getBytes(StandardCharsets.UTF_8));
            Zips.repeated(' ', 40).writeTo(out);
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        }).writeTo(dir.resolve("catalog.xlsx"));
        RecordingListener listener = new RecordingListener();

        assertThat(Files.size(bomb)).isLessThan(200_000);
        assertThatThrownBy(() -> new WorkbookReader(WorkbookLimits.defaults()).read(bomb, "catalog.xlsx", listener))
                .isInstanceOf(WorkbookFormatException.class)
                .hasMessageStartingWith("catalog.xlsx is compressed far more tightly than a real workbook ever is")
                .hasMessageContaining("zip bomb");
    }

    @Test
    void aZipOfCsvFilesThatInflatesLikeAZipBombIsNotOpened() {
        Path bomb = Zips.of().with("items.csv", Zips.repeated(' ', 40)).writeTo(dir.resolve("catalog.zip"));

        assertThatThrownBy(() -> read(bomb)).isInstanceOf(WorkbookFormatException.class)
                .hasMessageContaining("zip bomb");
    }

    @Test
    void aWorkbookThatUnpacksBeyondTheLimitIsRefusedNamingTheLimit() throws IOException {
        Path big = Zips.of().with("items.csv", out -> {
            out.write("SKU,Description\r\n".getBytes(StandardCharsets.UTF_8));
            Random random = new Random(7);
            for (int i = 0; i < 40_000; i++) {
                out.write(("SKU-%d,Tee %x\r\n".formatted(i, random.nextLong())).getBytes(StandardCharsets.UTF_8));
            }
        }).writeTo(dir.resolve("catalog.zip"));
        WorkbookLimits oneMegabyte = new WorkbookLimits(2_000_000, 10_000_000, 1024 * 1024, 1_000);

        assertThatThrownBy(() -> read(big, oneMegabyte)).isInstanceOf(WorkbookFormatException.class)
                .hasMessageStartingWith("The file unpacks to more than 1 MB, the most one upload may hold. Split");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeItIsRead() {
        Path file = file(dir, "items.csv", csv("SKU,Description", "TEE-1," + "x".repeat(200)));
        WorkbookLimits small = new WorkbookLimits(100, 100, 1_000_000, 1_000);

        assertThatThrownBy(() -> read(file, small)).isInstanceOf(WorkbookFormatException.class)
                .hasMessageStartingWith("The file is 225 bytes; an upload may be at most 100 bytes. Split the catalog");
    }

    @Test
    void moreRowsThanTheLimitStopTheRead() {
        Path file = file(dir, "items.csv", csv("SKU,Description", "A,a", "B,b", "C,c", "D,d"));
        WorkbookLimits threeRows = new WorkbookLimits(3, 1_000_000, 1_000_000, 1_000);

        assertThatThrownBy(() -> read(file, threeRows)).isInstanceOf(WorkbookFormatException.class)
                .hasMessageStartingWith("The file has more than 3 rows, the most one upload may hold.");
    }
}
