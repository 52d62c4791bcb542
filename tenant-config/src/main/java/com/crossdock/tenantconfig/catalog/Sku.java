package com.crossdock.tenantconfig.catalog;

import java.util.Locale;
import java.util.Objects;

/**
 * A master SKU as the brand writes it, without surrounding spaces. {@link #folded()} is the form under which two
 * SKUs count as duplicates ({@code "ab-1 "} and {@code "AB-1"}).
 */
public record Sku(String value) implements Comparable<Sku> {

    /** Longest SKU accepted; channels allow 40 to 50 characters, WMSs often fewer. */
    public static final int MAX_LENGTH = 64;

    public Sku {
        Objects.requireNonNull(value, "sku");
        value = value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("A SKU cannot be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A SKU has at most " + MAX_LENGTH + " characters");
        }
    }

    public static Sku of(String value) {
        return new Sku(value);
    }

    /** The SKU trimmed and case-folded: equal folded forms are duplicates. */
    public String folded() {
        return value.toUpperCase(Locale.ROOT);
    }

    @Override
    public int compareTo(Sku other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
