package com.crossdock.portal.channel.shopify;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One shipment to report to Shopify against one fulfillment order. A split shipment is several requests, one per
 * parcel or carrier, each naming the lines and quantities it carried.
 *
 * @param fulfillmentOrderId the fulfillment order, as its GID or the bare number
 * @param lines              what this shipment carried; never empty, because Shopify reads "no lines" as
 *                           "everything left on the fulfillment order"
 * @param carrier            the carrier as Shopify knows it (e.g. {@code UPS}, {@code USPS}), so Shopify can link the
 *                           tracking numbers; {@code null} when unknown
 * @param trackingNumbers    the parcels' tracking numbers, possibly none
 * @param notifyCustomer     whether Shopify e-mails the buyer the shipping confirmation
 */
public record FulfillmentRequest(
        String fulfillmentOrderId,
        List<Line> lines,
        @Nullable String carrier,
        List<String> trackingNumbers,
        boolean notifyCustomer) {

    public FulfillmentRequest {
        fulfillmentOrderId = ShopifyGid.of("FulfillmentOrder", fulfillmentOrderId);
        carrier = carrier == null || carrier.isBlank() ? null : carrier.strip();
        lines = List.copyOf(lines);
        trackingNumbers = List.copyOf(trackingNumbers);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a fulfillment must name the lines it shipped");
        }
    }

    /**
     * Units of one fulfillment order line item in this shipment.
     *
     * @param fulfillmentOrderLineItemId the fulfillment order line item (not the order's line item), GID or number
     * @param quantity                   units shipped, at least 1
     */
    public record Line(String fulfillmentOrderLineItemId, int quantity) {

        public Line {
            Objects.requireNonNull(fulfillmentOrderLineItemId, "fulfillmentOrderLineItemId");
            fulfillmentOrderLineItemId = ShopifyGid.of("FulfillmentOrderLineItem", fulfillmentOrderLineItemId);
            if (quantity < 1) {
                throw new IllegalArgumentException("a shipped quantity must be at least 1, was " + quantity);
            }
        }
    }
}
