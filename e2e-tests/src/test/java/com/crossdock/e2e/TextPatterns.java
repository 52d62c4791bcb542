package com.crossdock.e2e;

import java.util.regex.Pattern;

/**
 * Patterns for Playwright text assertions. Playwright hands patterns to the browser as JavaScript regular
 * expressions, which know no {@code \Q...\E}, so {@link Pattern#quote} cannot be used; this escapes by hand.
 */
final class TextPatterns {

    static final Pattern NOT_BLANK = Pattern.compile("\\S");
    static final Pattern ANY = Pattern.compile(".*");

    private TextPatterns() {
    }

    /** The whole text is {@code text}, give or take surrounding white space. */
    static Pattern exactly(String text) {
        return Pattern.compile("^\\s*" + escape(text) + "\\s*$");
    }

    static Pattern startingWith(String text) {
        return Pattern.compile("^" + escape(text));
    }

    /** A URL whose path ends with {@code path}, with or without a query or fragment. */
    static Pattern urlEndingWith(String path) {
        return Pattern.compile(".*" + escape(path) + "([?#].*)?$");
    }

    private static String escape(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }
}
