package com.crossdock.tenantconfig.workbook;

import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.DataFormatter;

/**
 * Shows a numeric XLSX cell as the number it is, not as Excel displays it: a GTIN or a Shopify variant id typed
 * as a number comes out with all its digits ({@code 45678901234567}, never {@code 4.56789E+13}), a whole number
 * without ".0" or thousands separators. Only a format of zeros alone ({@code 0000000000000}) is kept, because
 * people use it to show the leading zeros of a barcode.
 */
final class PlainNumberFormatter extends DataFormatter {

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
        return formatRawCellContents(value, formatIndex, formatString, false);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString,
            boolean use1904Windowing) {
        if (formatString != null && !formatString.isEmpty() && formatString.chars().allMatch(c -> c == '0')) {
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
        return plain(value);
    }

    static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value)) {
            return new BigDecimal(value).toPlainString();
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
