package com.crossdock.tenantconfig.x12;

import org.jspecify.annotations.Nullable;

/**
 * The separators of an interchange: as detected from the ISA when reading, as configured when writing.
 *
 * @param element    the data element separator (ISA's fourth character)
 * @param component  the component element separator (ISA16)
 * @param segment    the segment terminator (the character after ISA16)
 * @param repetition the repetition separator (ISA11 from version 00402 on), or null before that
 */
public record X12Delimiters(char element, char component, char segment, @Nullable Character repetition) {

    /** {@code *}, {@code :}, {@code ~} and {@code ^}: what most partners use. */
    public static X12Delimiters standard() {
        return new X12Delimiters('*', ':', '~', '^');
    }

    /** Delimiters must differ from each other and must not be ASCII letters, digits or a space. */
    public X12Delimiters {
        String all = "" + element + component + segment + (repetition == null ? "" : repetition);
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c) || c == ' ' || all.indexOf(c) != i) {
                throw new IllegalArgumentException("X12 delimiters must be distinct and neither letters, digits "
                        + "nor a space: '" + all + "'");
            }
        }
    }
}
