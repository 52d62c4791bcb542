package com.crossdock.tenantconfig.x12;

/**
 * A qualified reference: an N9 (qualifier, value, description), a MAN mark (qualifier, number), a G62 date
 * (qualifier, CCYYMMDD) or an NTE note (reference code, text).
 *
 * @param qualifier   the code that says what the value is (N901 {@code LV} license plate, {@code 2I} tracking,
 *                    MAN01 {@code GM} SSCC-18, {@code CP} carrier-assigned package id, NTE01 {@code WHI}, ...)
 * @param value       the reference itself
 * @param description N903 free text where sent, otherwise empty
 */
public record X12Reference(String qualifier, String value, String description) {

    /** A reference without description. */
    public static X12Reference of(String qualifier, String value) {
        return new X12Reference(qualifier, value, "");
    }
}
