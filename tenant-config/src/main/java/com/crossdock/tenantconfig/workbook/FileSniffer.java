package com.crossdock.tenantconfig.workbook;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Tells from a file's first bytes whether it is a zip (an XLSX or a zip of CSV files) or text (CSV), and turns
 * away what is neither, naming what it looks like.
 */
final class FileSniffer {

    /** How many bytes of the file {@link #sniff} looks at. */
    static final int HEAD_LENGTH = 8 * 1024;

    /** Text has hardly any control characters; binary data is full of them. */
    private static final double MAX_CONTROL_SHARE = 0.02;

    private static final String WHAT_TO_UPLOAD = " Upload the catalog as an Excel workbook (.xlsx), a CSV file or a "
            + "zip of CSV files; the template shows the layout.";

    enum Kind {
        ZIP, TEXT
    }

    private record Signature(byte[] magic, String looksLike) {
        Signature(String hex, String looksLike) {
            this(HexFormat.of().parseHex(hex), looksLike);
        }
    }

    private static final Signature[] NOT_WORKBOOKS = {
            new Signature("89504e47", "a PNG image"),
            new Signature("ffd8ff", "a JPEG image"),
            new Signature("47494638", "a GIF image"),
            new Signature("25504446", "a PDF document"),
            new Signature("1f8b", "a gzip archive"),
            new Signature("526172211a07", "a RAR archive"),
            new Signature("377abcaf271c", "a 7-Zip archive"),
    };

    private FileSniffer() {
    }

    static Kind sniff(byte[] head, String fileName) {
        if (head.length == 0) {
            throw new WorkbookFormatException("%s is empty.".formatted(fileName) + WHAT_TO_UPLOAD);
        }
        if (startsWith(head, HexFormat.of().parseHex("504b0304")) || startsWith(head,
                HexFormat.of().parseHex("504b0506"))) {
            return Kind.ZIP;
        }
        if (startsWith(head, HexFormat.of().parseHex("d0cf11e0a1b11ae1"))) {
            throw new WorkbookFormatException(("%s is an Excel 97-2003 workbook (.xls) or a password-protected "
                    + "one, which cannot be read. Open it in Excel and save it as Excel Workbook (.xlsx) without "
                    + "a password, or as CSV UTF-8, and upload that.").formatted(fileName));
        }
        for (Signature signature : NOT_WORKBOOKS) {
            if (startsWith(head, signature.magic())) {
                throw notAWorkbook(fileName, signature.looksLike());
            }
        }
        boolean utf16 = startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xFE})
                || startsWith(head, new byte[] {(byte) 0xFE, (byte) 0xFF});
        if (!utf16 && isBinary(head)) {
            throw notAWorkbook(fileName, "binary data, not text");
        }
        if (!utf16 && startsWithMarkup(head)) {
            throw notAWorkbook(fileName, "a web page or XML file");
        }
        return Kind.TEXT;
    }

    static WorkbookFormatException notAWorkbook(String fileName, String looksLike) {
        return new WorkbookFormatException("%s is not a workbook (it looks like %s).".formatted(fileName, looksLike)
                + WHAT_TO_UPLOAD);
    }

    private static boolean isBinary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
            if (b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7F) {
                control++;
            }
        }
        return control > head.length * MAX_CONTROL_SHARE;
    }

    /** Excel's "XML Spreadsheet 2003" and web tables saved as ".xls" start with a tag. */
    private static boolean startsWithMarkup(byte[] head) {
        int i = startsWith(head, HexFormat.of().parseHex("efbbbf")) ? 3 : 0;
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        return i < head.length && head[i] == '<';
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
