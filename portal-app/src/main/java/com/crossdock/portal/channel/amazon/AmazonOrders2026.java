package com.crossdock.portal.channel.amazon;

import com.crossdock.portal.channel.amazon.AmazonOrderParser.OrdersPage;
import com.crossdock.portal.channel.PayloadProblem;
import com.crossdock.portal.order.Address;
import com.crossdock.portal.order.CanonicalOrder;
import com.crossdock.portal.order.FinancialStatus;
import com.crossdock.portal.order.OrderLine;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Orders API 2026-01-01 JSON → Crossdock's records: a {@code searchOrders} page (each order's JSON, items included,
 * and {@code pagination.nextToken}), a {@code getOrder} answer, and one order → {@link AmazonOrder}. An order fulfilled
 * by Amazon ({@code fulfilledBy AMAZON}) or still {@code PENDING} is set aside; a {@code CANCELLED} one is cancelled.
 * The inbox keeps such an order as {@code {"order2026": …}}. Strict like {@link AmazonOrderParser}. Stateless.
 */
public final class AmazonOrders2026 {

    /** The sections {@code searchOrders} and {@code getOrder} are asked to include. */
    public static final String INCLUDED_DATA = "BUYER,RECIPIENT,FULFILLMENT,PROCEEDS";

    public OrdersPage parseSearchPage(byte[] json) {
        JsonNode root = read(json);
        List<String> orders = new ArrayList<>();
        JsonNode list = AmazonFeeds.array(root.get("orders"), "$.orders");
        for (int i = 0; i < list.size(); i++) {
            orders.add(AmazonOrderParser.MAPPER.writeValueAsString(AmazonFeeds.object(list.get(i),
                    "$.orders[" + i + "]")));
        }
        JsonNode pagination = root.path("pagination");
        return new OrdersPage(orders, pagination.isObject() ? AmazonFeeds.optional(pagination, "nextToken") : null);
    }

    /** A {@code getOrder} answer: the order's JSON. */
    public String parseGetOrder(byte[] json) {
        return AmazonOrderParser.MAPPER.writeValueAsString(AmazonFeeds.object(read(json).get("order"), "$.order"));
    }

    /** The order's id, or {@code null} when it has none. */
    public @Nullable String orderIdOf(String orderJson) {
        try {
            return AmazonFeeds.optional(AmazonOrderParser.MAPPER.readTree(orderJson), "orderId");
        } catch (JacksonException e) {
            return null;
        }
    }

    /** When Amazon last changed the order, or empty. */
    public Optional<Instant> updatedAtOf(String orderJson) {
        try {
            String at = AmazonFeeds.optional(AmazonOrderParser.MAPPER.readTree(orderJson), "lastUpdatedTime");
            return at == null ? Optional.empty() : Optional.of(Instant.parse(at));
        } catch (JacksonException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The order as the inbox keeps it. */
    public static String wrap(String orderJson) {
        var root = AmazonOrderParser.MAPPER.createObjectNode();
        root.set("order2026", AmazonOrderParser.MAPPER.readTree(orderJson));
        return AmazonOrderParser.MAPPER.writeValueAsString(root);
    }

    /** One 2026-01-01 order (its items inside) → an order for the warehouse, or one set aside. */
    AmazonOrder parse(JsonNode order) {
        String path = "$.order2026";
        AmazonFeeds.object(order, path);
        String id = AmazonFeeds.text(order, "orderId", path);
        Instant created = instant(order, "createdTime", path);
        Instant updated = instant(order, "lastUpdatedTime", path);
        JsonNode fulfillment = AmazonFeeds.object(order.get("fulfillment"), path + ".fulfillment");
        String status = AmazonFeeds.text(fulfillment, "fulfillmentStatus", path + ".fulfillment");
        if ("AMAZON".equals(AmazonFeeds.optional(fulfillment, "fulfilledBy"))) {
            return new AmazonOrder.Ignored(id, updated, "Fulfilled by Amazon (fulfilledBy AMAZON): Amazon ships it "
                    + "from its own stock, so it is not sent to the warehouse");
        }
        if (status.startsWith("PENDING")) {
            return new AmazonOrder.Ignored(id, updated, "Amazon has not authorised the payment yet (fulfillmentStatus "
                    + status + "); it is imported when Amazon marks it UNSHIPPED");
        }
        boolean cancelled = status.equals("CANCELLED");
        JsonNode items = AmazonFeeds.array(order.get("orderItems"), path + ".orderItems");
        List<OrderLine> lines = new ArrayList<>();
        String currency = null;
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + ".orderItems[" + i + "]";
            JsonNode item = AmazonFeeds.object(items.get(i), itemPath);
            int ordered = count(item, "quantityOrdered", itemPath);
            JsonNode done = item.path("fulfillment");
            int unfulfilled = done.has("quantityUnfulfilled") ? count(done, "quantityUnfulfilled", itemPath
                    + ".fulfillment") : ordered - (done.has("quantityFulfilled") ? count(done, "quantityFulfilled",
                    itemPath + ".fulfillment") : 0);
            if (unfulfilled < 0 || unfulfilled > ordered) {
                throw new AmazonPayloadException(PayloadProblem.INVALID_VALUE, itemPath + ".fulfillment",
                        "units left to ship (" + unfulfilled + ") are not between 0 and the " + ordered + " ordered");
            }
            JsonNode product = AmazonFeeds.object(item.get("product"), itemPath + ".product");
            String sku = AmazonFeeds.optional(product, "sellerSku");
            String title = AmazonFeeds.optional(product, "title");
            lines.add(new OrderLine(AmazonFeeds.text(item, "orderItemId", itemPath), sku == null ? "" : sku,
                    AmazonFeeds.optional(product, "asin"), title == null ? "" : title, ordered,
                    cancelled ? 0 : unfulfilled));
            JsonNode price = product.path("price").path("unitPrice");
            if (currency == null && price.isObject()) {
                currency = AmazonFeeds.optional(price, "currencyCode");
            }
        }
        if (lines.isEmpty()) {
            throw new AmazonPayloadException(PayloadProblem.MISSING_FIELD, path + ".orderItems", "the order has no items");
        }
        JsonNode total = order.path("proceeds").path("grandTotal");
        if (total.isObject() && AmazonFeeds.optional(total, "currencyCode") != null) {
            currency = AmazonFeeds.optional(total, "currencyCode");
        }
        if (currency == null) {
            throw new AmazonPayloadException(PayloadProblem.MISSING_FIELD, path + ".proceeds.grandTotal",
                    "no currency: the order has no total and its items no price");
        }
        JsonNode buyer = order.path("buyer");
        return new AmazonOrder.ForWarehouse(new CanonicalOrder(id, id, created, updated, currency,
                buyer.isObject() ? AmazonFeeds.optional(buyer, "buyerEmail") : null,
                address(order.path("recipient").path("deliveryAddress")),
                AmazonFeeds.optional(fulfillment, "fulfillmentServiceLevel"),
                AmazonFeeds.optional(fulfillment, "fulfillmentServiceLevel"), lines,
                cancelled ? FinancialStatus.VOIDED : FinancialStatus.PAID, cancelled ? updated : null,
                cancelled ? "Canceled on Amazon" : null));
    }

    private static Address address(JsonNode address) {
        if (!address.isObject()) {
            return Address.NONE;
        }
        String line2 = AmazonFeeds.optional(address, "addressLine2");
        String line3 = AmazonFeeds.optional(address, "addressLine3");
        return new Address(AmazonFeeds.optional(address, "name"), AmazonFeeds.optional(address, "companyName"),
                AmazonFeeds.optional(address, "addressLine1"),
                line3 == null ? line2 : (line2 == null ? line3 : line2 + ", " + line3),
                AmazonFeeds.optional(address, "city"), AmazonFeeds.optional(address, "stateOrRegion"),
                AmazonFeeds.optional(address, "postalCode"), AmazonFeeds.optional(address, "countryCode"),
                AmazonFeeds.optional(address, "phone"));
    }

    private static int count(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isIntegralNumber() || value.intValue() < 0) {
            throw new AmazonPayloadException(PayloadProblem.INVALID_VALUE, path + "." + field,
                    "a whole number of zero or more is required, found " + value);
        }
        return value.intValue();
    }

    private static Instant instant(JsonNode parent, String field, String path) {
        String text = AmazonFeeds.text(parent, field, path);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new AmazonPayloadException(PayloadProblem.INVALID_VALUE, path + "." + field, "not an ISO 8601 time: "
                    + text, e);
        }
    }

    private static JsonNode read(byte[] json) {
        try {
            return AmazonFeeds.object(AmazonOrderParser.MAPPER.readTree(json), "$");
        } catch (JacksonException e) {
            throw new AmazonPayloadException(PayloadProblem.MALFORMED_JSON, "$", e.getOriginalMessage(), e);
        }
    }
}
