package com.crossdock.portal.channel.shopify;

import java.util.List;
import java.util.Objects;

/**
 * One fulfillment order of a Shopify order, as {@link ShopifyAdminClient#fulfillmentOrdersOf} reads it: what a
 * shipment is reported against, with what each line still has to ship.
 *
 * @param id     the fulfillment order's GID ({@code gid://shopify/FulfillmentOrder/...})
 * @param status Shopify's status: {@code OPEN}, {@code IN_PROGRESS}, {@code CLOSED}, {@code CANCELLED},
 *               {@code ON_HOLD}, {@code SCHEDULED}, {@code INCOMPLETE}
 * @param lines  every line of the fulfillment order
 */
public record FulfillmentOrderInfo(String id, String status, List<Line> lines) {

    public FulfillmentOrderInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
    }

    /** Whether Shopify still takes shipments against it ({@code OPEN} or {@code IN_PROGRESS}). */
    public boolean acceptsFulfillments() {
        return status.equals("OPEN") || status.equals("IN_PROGRESS");
    }

    /**
     * One line of a fulfillment order.
     *
     * @param id                the fulfillment order line item's GID, to name in a {@link FulfillmentRequest.Line}
     * @param lineItemId        the GID of the order's {@code LineItem} it stands for
     * @param sku               the SKU, or empty when the variant has none
     * @param remainingQuantity units not yet fulfilled
     */
    public record Line(String id, String lineItemId, String sku, int remainingQuantity) {

        public Line {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(lineItemId, "lineItemId");
            sku = sku == null ? "" : sku;
            if (remainingQuantity < 0) {
                throw new IllegalArgumentException("a remaining quantity must not be negative, was "
                        + remainingQuantity);
            }
        }
    }
}
