package com.crossdock.tenantconfig.workbook;

/**
 * One column of a sheet as a person reads it.
 *
 * @param header      the header text the export writes; reading matches it loosely (see {@link Names#key})
 * @param required    whether the header must be there and every row needs a value
 * @param number      whether the export writes it as a number cell (otherwise a text cell, so identifiers keep
 *                    their leading zeros)
 * @param width       the column width in characters, for the XLSX export
 * @param description one sentence for the "Read me" sheet
 */
record Column(String header, boolean required, boolean number, int width, String description) {

    static Column required(String header, int width, String description) {
        return new Column(header, true, false, width, description);
    }

    static Column optional(String header, int width, String description) {
        return new Column(header, false, false, width, description);
    }

    static Column requiredNumber(String header, int width, String description) {
        return new Column(header, true, true, width, description);
    }

    static Column optionalNumber(String header, int width, String description) {
        return new Column(header, false, true, width, description);
    }
}
