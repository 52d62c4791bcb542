package com.crossdock.portal.channel.shopify;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The refund of returned units, written back once the warehouse decided each unit's disposition.
 *
 * @param orderId        the order's GID
 * @param lines          units per order line, restocked or not
 * @param locationId     where restocked units go back (the connection's primary location); null when none is
 * @param note           what the buyer and the merchant see, e.g. the RMA number
 * @param idempotencyKey the same for every attempt of one RMA's refund
 */
public record ReturnRefundRequest(String orderId, List<Line> lines, @Nullable String locationId, String note,
        String idempotencyKey) {

    public ReturnRefundRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a refund needs at least one line");
        }
    }

    /**
     * Units of one order line.
     *
     * @param lineItemId the line item's GID
     * @param quantity   units
     * @param restock    whether they go back to stock ({@code RETURN}) or not ({@code NO_RESTOCK})
     */
    public record Line(String lineItemId, int quantity, boolean restock) {
    }
}
