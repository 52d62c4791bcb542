package com.crossdock.portal.channel.amazon;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One package of a merchant-fulfilled order, as Orders v0 {@code confirmShipment} takes it.
 *
 * @param marketplaceId      the order's marketplace
 * @param packageReferenceId the package's number within the order (Amazon accepts positive numbers only)
 * @param carrier            the carrier as the warehouse named it; one Amazon knows becomes its {@code carrierCode},
 *                           any other is sent as {@code Other} with the name
 * @param shippingMethod     the carrier's service, or {@code null}
 * @param trackingNumber     the package's tracking number
 * @param shipDate           when the package left the warehouse
 * @param items              the order items the package carried
 */
public record ShipmentConfirmation(String marketplaceId, String packageReferenceId, String carrier,
        @Nullable String shippingMethod, String trackingNumber, Instant shipDate, List<Item> items) {

    /** ISO 8601 in UTC with milliseconds, as Amazon's own examples write it. */
    private static final java.time.format.DateTimeFormatter SHIP_DATE = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** Amazon's carrier codes for the carriers warehouses name most, by the name in upper case. */
    private static final Map<String, String> CARRIER_CODES = Map.of("UPS", "UPS", "USPS", "USPS", "FEDEX", "FedEx",
            "DHL", "DHL", "ONTRAC", "OnTrac", "CANADA POST", "Canada Post", "ROYAL MAIL", "Royal Mail",
            "AMAZON SHIPPING", "Amazon Shipping");

    /** An order item and how many of its units the package carried. */
    public record Item(String orderItemId, int quantity) {

        public Item {
            Objects.requireNonNull(orderItemId, "orderItemId");
            if (quantity < 1) {
                throw new IllegalArgumentException("a package carries at least one unit of an item, not " + quantity);
            }
        }
    }

    public ShipmentConfirmation {
        Objects.requireNonNull(marketplaceId, "marketplaceId");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(shipDate, "shipDate");
        if (!packageReferenceId.matches("[1-9][0-9]*")) {
            throw new IllegalArgumentException("a package reference is a positive number, not " + packageReferenceId);
        }
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a package carries at least one order item");
        }
    }

    /** The carrier code Amazon expects: a known carrier's own, otherwise {@code Other}. */
    public String carrierCode() {
        return CARRIER_CODES.getOrDefault(carrier.strip().toUpperCase(Locale.ROOT), "Other");
    }

    /** The {@code confirmShipment} request body. */
    public String toJson() {
        ObjectNode root = AmazonOrderParser.MAPPER.createObjectNode();
        root.put("marketplaceId", marketplaceId);
        ObjectNode detail = root.putObject("packageDetail");
        detail.put("packageReferenceId", packageReferenceId);
        detail.put("carrierCode", carrierCode());
        detail.put("carrierName", carrier.isBlank() ? "Other" : carrier.strip());
        if (shippingMethod != null && !shippingMethod.isBlank()) {
            detail.put("shippingMethod", shippingMethod.strip());
        }
        detail.put("trackingNumber", trackingNumber);
        detail.put("shipDate", SHIP_DATE.format(shipDate.truncatedTo(ChronoUnit.MILLIS)));
        ArrayNode lines = detail.putArray("orderItems");
        items.forEach(item -> lines.addObject().put("orderItemId", item.orderItemId())
                .put("quantity", item.quantity()));
        return AmazonOrderParser.MAPPER.writeValueAsString(root);
    }
}
