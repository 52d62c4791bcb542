package com.crossdock.tenantconfig.workbook;

/**
 * Keeps exported CSV cells from running as formulas when opened in a spreadsheet (CSV injection): a cell that
 * starts with {@code = + - @}, a tab or a carriage return gets a leading {@code '}. Reading takes one such quote
 * off again, so export and import round-trip exactly. A value that itself starts with quotes before such a
 * character gets one more, so it survives too.
 */
final class FormulaEscape {

    private FormulaEscape() {
    }

    static String escape(String value) {
        return needsQuote(value, 0) ? "'" + value : value;
    }

    static String unescape(String cell) {
        return cell.startsWith("'") && needsQuote(cell, 1) ? cell.substring(1) : cell;
    }

    /** Whether the text from {@code from} on, past any quotes, starts with a character a spreadsheet runs. */
    private static boolean needsQuote(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        if (i >= text.length()) {
            return false;
        }
        char first = text.charAt(i);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
