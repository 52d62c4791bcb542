package com.crossdock.portal.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Opaque cursors: a position in a list ordered by (changed at, id), or an offset in a list without such an order.
 * Clients pass back what they were given and never build one.
 */
final class Cursors {

    private static final UUID LOWEST = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);

    private Cursors() {
    }

    /** A position after which to continue: (changed at, id). */
    record Position(Instant at, UUID id) {
    }

    /** Where a list starts: the cursor's position, else just before {@code updatedSince}, else the beginning. */
    static Position position(@Nullable String cursor, @Nullable Instant updatedSince) {
        if (cursor != null && !cursor.isBlank()) {
            String[] parts = decode(cursor).split("\\|");
            try {
                if (parts.length == 3 && parts[0].equals("p")) {
                    return new Position(Instant.parse(parts[1]), UUID.fromString(parts[2]));
                }
            } catch (RuntimeException malformed) {
                throw bad();
            }
            throw bad();
        }
        // the smallest id: the first change at exactly updatedSince is included
        return new Position(updatedSince == null ? Instant.EPOCH : updatedSince.minusNanos(1), LOWEST);
    }

    static String position(Instant at, UUID id) {
        return encode("p|" + at + "|" + id);
    }

    static int offset(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        String[] parts = decode(cursor).split("\\|");
        try {
            if (parts.length == 2 && parts[0].equals("o")) {
                return Math.max(0, Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException malformed) {
            throw bad();
        }
        throw bad();
    }

    static String offset(int offset) {
        return encode("o|" + offset);
    }

    /** A page size between 1 and 200; 50 when none is asked for. */
    static int limit(@Nullable Integer limit) {
        return limit == null ? 50 : Math.min(200, Math.max(1, limit));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw bad();
        }
    }

    private static ApiProblemException bad() {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, "Bad cursor",
                "Pass back the nextCursor of the previous page unchanged, or leave cursor out to start over");
    }
}
