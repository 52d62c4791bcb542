package com.crossdock.portal.audit;

import org.jspecify.annotations.Nullable;

/** One field of one change: its value before and after ({@code null} where there was none). */
public record FieldChange(String field, @Nullable String before, @Nullable String after) {

    @Override
    public String toString() {
        return field + ": " + (before == null ? "none" : before) + " → " + (after == null ? "none" : after);
    }
}
