package com.crossdock.portal.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An order from a sales channel in Crossdock's own shape: what the portal stores, holds and sends to the
 * warehouse, whichever channel it came from. Connectors build it at their boundary; nothing past them sees a
 * channel's payload.
 *
 * @param channelOrderId      the channel's id of the order (for Shopify the numeric id, also inside its GID)
 * @param orderName           the number people use for the order, as the channel shows it (Shopify {@code #1001})
 * @param createdAt           when the buyer placed the order
 * @param updatedAt           when the channel last changed the order; a newer value supersedes an older one
 * @param currency            ISO 4217 code of the order's currency
 * @param customerEmail       the buyer's e-mail address, if the channel gave one
 * @param shipTo              where to ship; {@link Address#NONE} when the channel gave no shipping address
 * @param shippingMethodCode  the channel's code of the chosen shipping method, mapped to a carrier service later
 * @param shippingMethodTitle the shipping method as the buyer saw it
 * @param lines               the ordered lines, never empty
 * @param financialStatus     how far the order has been paid or refunded
 * @param cancelledAt         when the order was cancelled, or {@code null} while it is not
 * @param cancelReason        why it was cancelled, in the channel's words (Shopify: customer, fraud, inventory,
 *                            declined, staff, other)
 */
public record CanonicalOrder(
        String channelOrderId,
        String orderName,
        Instant createdAt,
        Instant updatedAt,
        String currency,
        @Nullable String customerEmail,
        Address shipTo,
        @Nullable String shippingMethodCode,
        @Nullable String shippingMethodTitle,
        List<OrderLine> lines,
        FinancialStatus financialStatus,
        @Nullable Instant cancelledAt,
        @Nullable String cancelReason) {

    public CanonicalOrder {
        Objects.requireNonNull(channelOrderId, "channelOrderId");
        Objects.requireNonNull(orderName, "orderName");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(shipTo, "shipTo");
        Objects.requireNonNull(financialStatus, "financialStatus");
        if (channelOrderId.isBlank()) {
            throw new IllegalArgumentException("an order needs the channel's order id");
        }
        if (orderName.isBlank()) {
            throw new IllegalArgumentException("an order needs a name or number");
        }
        if (currency.isBlank()) {
            throw new IllegalArgumentException("an order needs a currency");
        }
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
    }

    /** Whether the channel has cancelled the order. */
    public boolean isCancelled() {
        return cancelledAt != null;
    }
}
