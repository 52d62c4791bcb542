package com.crossdock.tenantconfig.catalog;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A GS1 Global Trade Item Number: GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) or GTIN-14, with a valid mod-10 check
 * digit. Two GTINs are equal when they are the same number, whatever their length: each is compared as its
 * GTIN-14 (left-padded with zeros), so the UPC-A {@code 416000336108} equals the EAN-13 {@code 0416000336108}.
 */
public final class Gtin {

    private final String digits;

    private Gtin(String digits) {
        this.digits = digits;
    }

    /** Parses a GTIN as printed under a barcode; throws with the reason when it is not one. */
    public static Gtin parse(String text) {
        String problem = problemWith(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new Gtin(text);
    }

    /** Why {@code text} is not a GTIN, or {@code null} when it is one. */
    public static @Nullable String problemWith(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return "Enter a barcode number";
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return "A GTIN has digits only; found '" + text.charAt(i) + "' at position " + (i + 1);
            }
        }
        int length = text.length();
        if (length != 8 && length != 12 && length != 13 && length != 14) {
            return "A GTIN has 8, 12, 13 or 14 digits, not " + length;
        }
        int expected = checkDigit(text.substring(0, length - 1));
        int actual = text.charAt(length - 1) - '0';
        return expected == actual ? null
                : "The check digit is " + actual + " but should be " + expected + " (mistyped or outdated barcode?)";
    }

    /**
     * The GS1 mod-10 check digit of {@code body} (all digits but the check digit): from the right, digits are
     * weighted 3, 1, 3, ...; the check digit brings the sum up to a multiple of ten. Works for every GS1 key
     * length (GTIN, SSCC, GLN).
     */
    public static int checkDigit(String body) {
        int sum = 0;
        for (int i = body.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            int digit = body.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("digits only");
            }
            sum += digit * weight;
        }
        return (10 - sum % 10) % 10;
    }

    /** The number as given (8, 12, 13 or 14 digits). */
    public String digits() {
        return digits;
    }

    /** The number as a GTIN-14, for comparing and storing. */
    public String gtin14() {
        return "0".repeat(14 - digits.length()) + digits;
    }

    /**
     * The same number at its shortest GTIN length, the way it is printed under the barcode: a GTIN-14 with leading
     * zeros becomes the GTIN-8, UPC-A or EAN-13 it pads. Equal to this GTIN.
     */
    public Gtin shortest() {
        String padded = gtin14();
        for (int length : new int[] {8, 12, 13}) {
            if (padded.startsWith("0".repeat(14 - length))) {
                return new Gtin(padded.substring(14 - length));
            }
        }
        return new Gtin(padded);
    }

    public int length() {
        return digits.length();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Gtin gtin && gtin.gtin14().equals(gtin14());
    }

    @Override
    public int hashCode() {
        return Objects.hash(gtin14());
    }

    @Override
    public String toString() {
        return digits;
    }
}
