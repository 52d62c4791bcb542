package com.crossdock.tenantconfig.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an XLSX with POI's event API: each sheet's XML is parsed as a stream of rows, never loaded as a whole.
 * Sheets are known by their name; a sheet with another name is known by its headers, or ignored with a notice.
 */
final class XlsxReader {

    /** Excel's last column is XFD; cells further right are not in any workbook Excel wrote. */
    private static final int MAX_COLUMNS = 16_384;

    private final ReadContext context;

    XlsxReader(ReadContext context) {
        this.context = context;
    }

    void read(Path file, String fileName) throws IOException, OpenXML4JException, SAXException,
            ParserConfigurationException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            context.totalBytes(totalSize(reader));
            List<String> names = new ArrayList<>();
            boolean anyRead = false;
            while (sheets.hasNext()) {
                try (InputStream data = sheets.next()) {
                    String name = sheets.getSheetName();
                    names.add(name);
                    if (!SheetNames.isInstructions(name)) {
                        anyRead |= readSheet(name, data, strings, styles);
                    }
                }
            }
            if (!anyRead) {
                throw new WorkbookFormatException(("%s has no sheet named %s (its sheets are %s). Name each sheet "
                        + "after what it holds, as the template does.").formatted(fileName, SheetNames.titles(),
                        names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "))));
            }
        }
    }

    private boolean readSheet(String name, InputStream data, ReadOnlySharedStringsTable strings,
            StylesTable styles) throws IOException, SAXException, ParserConfigurationException {
        RowHandler rows = new RowHandler(name, SheetNames.byName(name).orElse(null));
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, rows, new PlainNumberFormatter(), false));
        try {
            parser.parse(new InputSource(context.counted(data)));
        } catch (SkipSheet skipped) {
            return false;
        } catch (SAXException e) {
            if (e.getCause() instanceof SkipSheet) {
                return false;
            }
            throw e;
        }
        return rows.recognised();
    }

    private static long totalSize(XSSFReader reader) throws IOException, OpenXML4JException {
        long total = 0;
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        while (sheets.hasNext()) {
            sheets.next().close();
            total += Math.max(0, sheets.getSheetPart().getSize());
        }
        return total;
    }

    /** Collects each row's cells and hands row 1 to the header check, the others to {@link SheetRows}. */
    private final class RowHandler implements SheetContentsHandler {

        private final String name;
        private @Nullable Sheet sheet;
        private @Nullable SheetRows rows;
        private boolean headerSeen;
        private final List<String> cells = new ArrayList<>();

        RowHandler(String name, @Nullable Sheet sheet) {
            this.name = name;
            this.sheet = sheet;
        }

        /** Whether the sheet was read as one of the workbook's; an empty sheet of a known name counts. */
        boolean recognised() {
            return sheet != null;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void cell(@Nullable String reference, @Nullable String value, @Nullable XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column >= MAX_COLUMNS) {
                return;
            }
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, value == null ? "" : value);
        }

        @Override
        public void endRow(int rowNum) {
            if (headerSeen) {
                if (rows != null) {
                    rows.row(rowNum + 1L, cells);
                }
                return;
            }
            headerSeen = true;
            header(rowNum);
        }

        private void header(int rowNum) {
            String where = "sheet '" + name + "'";
            boolean blank = rowNum != 0 || cells.stream().allMatch(String::isBlank);
            if (sheet == null) {
                Optional<Sheet> byHeaders = blank ? Optional.empty() : SheetNames.byHeaders(cells, name);
                if (byHeaders.isEmpty()) {
                    context.notice("Ignored %s: neither its name nor its headers are those of the %s sheet."
                            .formatted(where, SheetNames.titles()));
                    throw new SkipSheet();
                }
                sheet = byHeaders.get();
                context.notice("Read %s as the %s sheet, by its headers.".formatted(where, sheet.title()));
            }
            if (blank) {
                throw new WorkbookFormatException("Row 1 of %s is empty; it must hold the column headers."
                        .formatted(where));
            }
            rows = SheetRows.start(sheet, cells, where, context);
        }
    }

    /** Stops parsing a sheet that turned out not to be one of the workbook's. */
    private static final class SkipSheet extends RuntimeException {

        @Serial
        private static final long serialVersionUID = 1L;

        SkipSheet() {
            super(null, null, false, false);
        }
    }
}
