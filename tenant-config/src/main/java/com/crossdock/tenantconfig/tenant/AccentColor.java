package com.crossdock.tenantconfig.tenant;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A tenant's brand accent colour as a CSS hex colour {@code #rrggbb}, applied to the portal after sign-in. */
public record AccentColor(String hex) {

    private static final Pattern FORMAT = Pattern.compile("#[0-9a-f]{6}");

    public AccentColor {
        Objects.requireNonNull(hex, "accent colour");
        hex = hex.strip().toLowerCase(Locale.ROOT);
        if (!FORMAT.matcher(hex).matches()) {
            throw new IllegalArgumentException("Use a colour like #1a73e8");
        }
    }

    /** Why {@code typed} is not a colour, or {@code null} when it is one or is empty (no colour). */
    public static @Nullable String validate(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return FORMAT.matcher(typed.strip().toLowerCase(Locale.ROOT)).matches() ? null : "Use a colour like #1a73e8";
    }
}
