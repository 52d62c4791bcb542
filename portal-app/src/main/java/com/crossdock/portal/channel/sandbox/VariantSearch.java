package com.crossdock.portal.channel.sandbox;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The part of Shopify's search syntax ({@code productVariants(query: ...)}) that the sandbox understands:
 * {@code sku:} terms joined by {@code OR}, each value bare, in single or in double quotes, with {@code \} escaping a
 * quote or a backslash inside quotes. A SKU matches regardless of case, as Shopify's search does, so a connector must
 * still compare SKUs exactly. Anything else is refused rather than ignored.
 */
final class VariantSearch {

    private VariantSearch() {
    }

    /**
     * The variants {@code query} matches; an empty query matches all.
     *
     * @throws IllegalArgumentException naming what the sandbox does not understand
     */
    static Predicate<SandboxStore.Variant> parse(String query) {
        String rest = query.strip();
        if (rest.isEmpty()) {
            return variant -> true;
        }
        Set<String> skus = new HashSet<>();
        boolean expectTerm = true;
        while (!rest.isEmpty()) {
            if (!expectTerm) {
                if (!rest.startsWith("OR ")) {
                    throw new IllegalArgumentException("The sandbox joins product variant search terms with OR only, "
                            + "found \"" + rest + "\"");
                }
                rest = rest.substring(3).strip();
                expectTerm = true;
                continue;
            }
            if (!rest.startsWith("sku:")) {
                throw new IllegalArgumentException("The sandbox searches product variants by sku: only, found \""
                        + rest + "\"");
            }
            rest = rest.substring(4);
            int end = valueEnd(rest);
            skus.add(unescape(rest.substring(0, end)).toLowerCase(Locale.ROOT));
            rest = rest.substring(end).strip();
            expectTerm = false;
        }
        if (expectTerm) {
            throw new IllegalArgumentException("The product variant search ends with OR");
        }
        return variant -> skus.contains(variant.sku().toLowerCase(Locale.ROOT));
    }

    /** Where the value at the start of {@code text} ends: its closing quote, or the next space. */
    private static int valueEnd(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("sku: needs a value");
        }
        char quote = text.charAt(0);
        if (quote != '\'' && quote != '"') {
            int space = text.indexOf(' ');
            return space < 0 ? text.length() : space;
        }
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == quote) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("A quoted SKU is not closed: " + text);
    }

    private static String unescape(String value) {
        if (value.isEmpty() || value.charAt(0) != '\'' && value.charAt(0) != '"') {
            return value;
        }
        StringBuilder plain = new StringBuilder();
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            plain.append(c);
        }
        return plain.toString();
    }
}
