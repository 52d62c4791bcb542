package com.crossdock.portal.channel.amazon;

import com.crossdock.portal.channel.PayloadProblem;
import com.crossdock.portal.order.Address;
import com.crossdock.portal.order.CanonicalOrder;
import com.crossdock.portal.order.FinancialStatus;
import com.crossdock.portal.order.OrderLine;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Orders API v0 JSON → Crossdock's records: a {@code getOrders} page (each order's JSON as it came, and the
 * {@code NextToken}), a {@code getOrderItems} page, and an order with its items (kept together in the inbox as
 * {@code {"order": …, "items": […]}}) → {@link AmazonOrder}. Strict: anything it cannot use is an
 * {@link AmazonPayloadException} naming the JSON path. Stateless and thread-safe.
 */
public final class AmazonOrderParser {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The currency of a marketplace, for orders that carry no total (pending ones, restricted data). */
    private static final Map<String, String> MARKETPLACE_CURRENCY = Map.ofEntries(
            Map.entry("ATVPDKIKX0DER", "USD"), Map.entry("A2EUQ1WTGCTBG2", "CAD"), Map.entry("A1AM78C64UM0Y8", "MXN"),
            Map.entry("A2Q3Y263D00KWC", "BRL"), Map.entry("A1F83G8C2ARO7P", "GBP"), Map.entry("A1PA6795UKMFR9", "EUR"),
            Map.entry("A13V1IB3VIYZZH", "EUR"), Map.entry("APJ6JRA9NG5V4", "EUR"), Map.entry("A1RKKUPIHCS9HS", "EUR"),
            Map.entry("A1805IZSGTT6HS", "EUR"), Map.entry("A2NODRKZP88ZB9", "SEK"), Map.entry("A1C3SOZRARQ6R3", "PLN"),
            Map.entry("A1VC38T7YXB528", "JPY"), Map.entry("A39IBJ37TRP1C6", "AUD"), Map.entry("A21TJRUUN4KGV", "INR"));

    /** One {@code getOrders} page: each order's JSON as Amazon sent it, and the token of the next page. */
    public record OrdersPage(List<String> orders, @Nullable String nextToken) {
    }

    /** One {@code getOrderItems} page: each item's JSON as Amazon sent it, and the token of the next page. */
    public record ItemsPage(List<String> items, @Nullable String nextToken) {
    }

    public OrdersPage parseOrdersPage(byte[] json) {
        JsonNode payload = object(readObject(json).get("payload"), "$.payload");
        return new OrdersPage(rawElements(payload.get("Orders"), "$.payload.Orders"),
                optionalText(payload, "NextToken", "$.payload"));
    }

    /** A {@code getOrder} answer: the order's JSON as Amazon sent it. */
    public String parseOrderPayload(byte[] json) {
        return MAPPER.writeValueAsString(object(readObject(json).get("payload"), "$.payload"));
    }

    public ItemsPage parseItemsPage(byte[] json) {
        JsonNode payload = object(readObject(json).get("payload"), "$.payload");
        return new ItemsPage(rawElements(payload.get("OrderItems"), "$.payload.OrderItems"),
                optionalText(payload, "NextToken", "$.payload"));
    }

    /** The order's id in its JSON, to ask for its items; empty when it has none (the order then fails parsing). */
    public @Nullable String orderIdOf(String orderJson) {
        try {
            JsonNode id = MAPPER.readTree(orderJson).get("AmazonOrderId");
            return id != null && id.isString() && !id.asString().isBlank() ? id.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** When Amazon last changed the order in its JSON, or empty when it has no usable time. */
    public java.util.Optional<Instant> updatedAtOf(String orderJson) {
        try {
            JsonNode updated = MAPPER.readTree(orderJson).get("LastUpdateDate");
            return updated != null && updated.isString() ? java.util.Optional.of(Instant.parse(updated.asString()))
                    : java.util.Optional.empty();
        } catch (JacksonException | DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Whether the order's items are worth a {@code getOrderItems} call: not for an order fulfilled by Amazon, nor
     * for one whose payment is still pending (both are set aside without them).
     */
    public boolean needsItems(String orderJson) {
        try {
            JsonNode order = MAPPER.readTree(orderJson);
            return !"AFN".equals(order.path("FulfillmentChannel").asString(""))
                    && !order.path("OrderStatus").asString("").startsWith("Pending");
        } catch (JacksonException e) {
            return false;
        }
    }

    /**
     * The order and its items as the inbox keeps them, marked as a buyer's cancellation request (from an
     * {@code ORDER_CHANGE} notification, at {@code at} with Amazon's reason), which the parser turns into a
     * cancellation of an order not yet shipped.
     */
    public static String combineWithBuyerCancel(String orderJson, List<String> itemsJson, Instant at,
            @Nullable String reason) {
        ObjectNode combined = (ObjectNode) MAPPER.readTree(combine(orderJson, itemsJson));
        ObjectNode cancel = combined.putObject("buyerCancel");
        cancel.put("at", at.toString());
        cancel.put("reason", reason);
        return MAPPER.writeValueAsString(combined);
    }

    /** The order and its items as the inbox keeps them. */
    public static String combine(String orderJson, List<String> itemsJson) {
        ObjectNode combined = MAPPER.createObjectNode();
        combined.set("order", MAPPER.readTree(orderJson));
        ArrayNode items = combined.putArray("items");
        itemsJson.forEach(item -> items.add(MAPPER.readTree(item)));
        return MAPPER.writeValueAsString(combined);
    }

    /** An order with its items, as {@link #combine} kept them, or a 2026-01-01 order {@link AmazonOrders2026#wrap}ped. */
    public AmazonOrder parseOrder(byte[] combined) {
        JsonNode root = readObject(combined);
        if (root.has("order2026")) {
            // an Orders API 2026-01-01 order, items inside
            return new AmazonOrders2026().parse(root.get("order2026"));
        }
        JsonNode order = object(root.get("order"), "$.order");
        String id = requiredText(order, "AmazonOrderId", "$.order");
        Instant updated = instant(order, "LastUpdateDate", "$.order");
        List<OrderLine> lines = new ArrayList<>();
        String status = requiredText(order, "OrderStatus", "$.order");
        String fulfillment = optionalText(order, "FulfillmentChannel", "$.order");
        if ("AFN".equals(fulfillment)) {
            return new AmazonOrder.Ignored(id, updated, "Fulfilled by Amazon (FulfillmentChannel AFN): Amazon ships "
                    + "it from its own stock, so it is not sent to the warehouse");
        }
        if ("Pending".equals(status) || "PendingAvailability".equals(status)) {
            return new AmazonOrder.Ignored(id, updated, "Amazon has not authorised the payment yet (OrderStatus "
                    + status + "); it is imported when Amazon marks it Unshipped");
        }
        JsonNode items = root.get("items");
        if (items == null || !items.isArray()) {
            throw new AmazonPayloadException(PayloadProblem.MISSING_FIELD, "$.items", "the order's items are missing");
        }
        String currency = null;
        for (int i = 0; i < items.size(); i++) {
            String path = "$.items[" + i + "]";
            JsonNode item = object(items.get(i), path);
            int ordered = quantity(item, "QuantityOrdered", path);
            JsonNode shippedNode = item.get("QuantityShipped");
            int shipped = shippedNode == null || shippedNode.isNull() ? 0 : quantity(item, "QuantityShipped", path);
            if (shipped > ordered) {
                throw new AmazonPayloadException(PayloadProblem.INVALID_VALUE, path + ".QuantityShipped",
                        "more units shipped (" + shipped + ") than ordered (" + ordered + ")");
            }
            String sku = optionalText(item, "SellerSKU", path);
            String title = optionalText(item, "Title", path);
            lines.add(new OrderLine(requiredText(item, "OrderItemId", path), sku == null ? "" : sku,
                    optionalText(item, "ASIN", path), title == null ? "" : title, ordered,
                    "Canceled".equals(status) ? 0 : ordered - shipped));
            JsonNode price = item.path("ItemPrice");
            if (currency == null && price.isObject()) {
                currency = optionalText(price, "CurrencyCode", path + ".ItemPrice");
            }
        }
        if (lines.isEmpty()) {
            throw new AmazonPayloadException(PayloadProblem.MISSING_FIELD, "$.items", "the order has no items");
        }
        JsonNode total = order.path("OrderTotal");
        if (total.isObject()) {
            currency = requiredText(total, "CurrencyCode", "$.order.OrderTotal");
        }
        if (currency == null) {
            currency = MARKETPLACE_CURRENCY.get(optionalText(order, "MarketplaceId", "$.order"));
        }
        if (currency == null) {
            throw new AmazonPayloadException(PayloadProblem.MISSING_FIELD, "$.order.OrderTotal",
                    "no currency: the order has no total, its items no price and its marketplace is unknown");
        }
        JsonNode buyer = order.path("BuyerInfo");
        String email = buyer.isObject() ? optionalText(buyer, "BuyerEmail", "$.order.BuyerInfo") : null;
        boolean cancelled = "Canceled".equals(status);
        String cancelReason = cancelled ? "Canceled on Amazon" : null;
        JsonNode buyerCancel = root.get("buyerCancel");
        if (!cancelled && buyerCancel != null && !buyerCancel.isNull()
                && ("Unshipped".equals(status) || "PartiallyShipped".equals(status))) {
            // an ORDER_CHANGE notification said the buyer asked to cancel: stop it before the warehouse ships it
            Instant asked = instant(object(buyerCancel, "$.buyerCancel"), "at", "$.buyerCancel");
            String why = optionalText(buyerCancel, "reason", "$.buyerCancel");
            cancelled = true;
            // a change after the order's last update, so the pipeline never takes it for a stale repeat
            updated = (asked.isAfter(updated) ? asked : updated).plusMillis(1);
            cancelReason = "Buyer requested cancellation on Amazon" + (why == null ? "" : ": " + why);
            lines = lines.stream().map(line -> new OrderLine(line.channelLineId(), line.sku(), line.channelVariantId(),
                    line.title(), line.quantity(), 0)).toList();
        }
        return new AmazonOrder.ForWarehouse(new CanonicalOrder(id, id, instant(order, "PurchaseDate", "$.order"),
                updated, currency, email, address(order.get("ShippingAddress")),
                optionalText(order, "ShipmentServiceLevelCategory", "$.order"),
                optionalText(order, "ShipServiceLevel", "$.order"), lines,
                cancelled ? FinancialStatus.VOIDED : FinancialStatus.PAID, cancelled ? updated : null,
                cancelReason));
    }

    private static Address address(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            // Amazon leaves the address out of orders a selling partner may not see it for (restricted data token)
            return Address.NONE;
        }
        JsonNode address = object(node, "$.order.ShippingAddress");
        String path = "$.order.ShippingAddress";
        String line2 = optionalText(address, "AddressLine2", path);
        String line3 = optionalText(address, "AddressLine3", path);
        return new Address(optionalText(address, "Name", path), null, optionalText(address, "AddressLine1", path),
                line3 == null ? line2 : (line2 == null ? line3 : line2 + ", " + line3),
                optionalText(address, "City", path), optionalText(address, "StateOrRegion", path),
                optionalText(address, "PostalCode", path), optionalText(address, "CountryCode", path),
                optionalText(address, "Phone", path));
    }

    private static JsonNode readObject(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new AmazonPayloadException(PayloadProblem.MALFORMED_JSON, "$", e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new AmazonPayloadException(PayloadProblem.MALFORMED_JSON, "$", "the body is empty");
        }
        return object(root, "$");
    }

    private static JsonNode object(@Nullable JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new AmazonPayloadException(PayloadProblem.MISSING_FIELD, path, "expected an object, found nothing");
        }
        if (!node.isObject()) {
            throw new AmazonPayloadException(PayloadProblem.WRONG_TYPE, path, "expected an object, found "
                    + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return node;
    }

    private static List<String> rawElements(@Nullable JsonNode node, String path) {
        if (node == null || node.isNull()) {
            throw new AmazonPayloadException(PayloadProblem.MISSING_FIELD, path, "expected a list, found nothing");
        }
        if (!node.isArray()) {
            throw new AmazonPayloadException(PayloadProblem.WRONG_TYPE, path, "expected a list, found "
                    + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            raw.add(MAPPER.writeValueAsString(object(node.get(i), path + "[" + i + "]")));
        }
        return raw;
    }

    private static String requiredText(JsonNode parent, String field, String path) {
        String value = optionalText(parent, field, path);
        if (value == null) {
            throw new AmazonPayloadException(PayloadProblem.MISSING_FIELD, path + "." + field, "required, found nothing");
        }
        return value;
    }

    private static @Nullable String optionalText(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new AmazonPayloadException(PayloadProblem.WRONG_TYPE, path + "." + field, "expected text, found "
                    + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return value.asString().isBlank() ? null : value.asString().strip();
    }

    private static Instant instant(JsonNode parent, String field, String path) {
        String text = requiredText(parent, field, path);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new AmazonPayloadException(PayloadProblem.INVALID_VALUE, path + "." + field,
                    "not an ISO 8601 time: " + text, e);
        }
    }

    private static int quantity(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw new AmazonPayloadException(PayloadProblem.MISSING_FIELD, path + "." + field, "required, found nothing");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new AmazonPayloadException(PayloadProblem.WRONG_TYPE, path + "." + field, "expected a whole number, found "
                    + value);
        }
        if (value.intValue() < 0) {
            throw new AmazonPayloadException(PayloadProblem.INVALID_VALUE, path + "." + field, "negative: " + value);
        }
        return value.intValue();
    }
}
