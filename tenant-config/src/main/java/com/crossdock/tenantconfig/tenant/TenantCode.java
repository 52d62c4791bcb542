package com.crossdock.tenantconfig.tenant;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The short code a 3PL uses for a brand client on documents and in the WMS (for example {@code HPA}):
 * 2 to 16 characters, upper-case letters, digits and hyphens, starting with a letter.
 */
public record TenantCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z0-9-]{1,15}");

    public TenantCode {
        Objects.requireNonNull(value, "tenant code");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(problemWith(value));
        }
    }

    /** Accepts what a person types: surrounding spaces are trimmed and letters upper-cased. */
    public static TenantCode of(String typed) {
        return new TenantCode(normalise(typed));
    }

    /** Why {@code typed} is not a valid code, or {@code null} when it is. */
    public static @org.jspecify.annotations.Nullable String validate(@org.jspecify.annotations.Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return "Enter a code, for example HPA";
        }
        String normalised = normalise(typed);
        return FORMAT.matcher(normalised).matches() ? null : problemWith(normalised);
    }

    private static String normalise(String typed) {
        return typed.strip().toUpperCase(Locale.ROOT);
    }

    private static String problemWith(String code) {
        if (code.length() < 2 || code.length() > 16) {
            return "A code has 2 to 16 characters";
        }
        if (!Character.isLetter(code.charAt(0))) {
            return "A code starts with a letter";
        }
        return "Use only letters A-Z, digits and hyphens";
    }

    @Override
    public String toString() {
        return value;
    }
}
