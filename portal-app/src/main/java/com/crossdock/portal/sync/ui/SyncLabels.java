package com.crossdock.portal.sync.ui;

import com.crossdock.portal.sync.OrderStatus;
import com.crossdock.portal.uikit.Badge;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the sync screens write statuses, steps and times, so Orders and Exceptions read alike. */
final class SyncLabels {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter WHEN_EXACTLY = DateTimeFormatter
            .ofPattern("d MMM yyyy HH:mm:ss", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private SyncLabels() {
    }

    static String when(Instant at) {
        return WHEN.format(at);
    }

    /** With seconds: the steps of one order often happen within the same minute. */
    static String whenExactly(Instant at) {
        return WHEN_EXACTLY.format(at);
    }

    /** {@code STALE_UPDATE_SKIPPED} → "Stale update skipped". */
    static String words(String code) {
        String spaced = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** A coloured status label; {@code data-status} carries the status for tests and styles. */
    static Span statusBadge(OrderStatus status) {
        Span badge = Badge.of(words(status.name()), switch (status) {
            case HELD -> Badge.Tone.WARNING;
            case RELEASED, SHIPPED -> Badge.Tone.SUCCESS;
            case CANCELED -> Badge.Tone.CONTRAST;
            case PICKED, PACKED -> Badge.Tone.PRIMARY;
            case IMPORTED -> Badge.Tone.NEUTRAL;
        });
        badge.getElement().setAttribute("data-status", status.name());
        return badge;
    }
}
