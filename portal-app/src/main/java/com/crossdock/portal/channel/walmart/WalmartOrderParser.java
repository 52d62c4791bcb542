package com.crossdock.portal.channel.walmart;

import com.crossdock.portal.channel.PayloadProblem;
import com.crossdock.portal.order.Address;
import com.crossdock.portal.order.CanonicalOrder;
import com.crossdock.portal.order.FinancialStatus;
import com.crossdock.portal.order.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walmart Marketplace JSON → Crossdock's records: an Orders v3 {@code getAllOrders} page (each purchase order's JSON
 * as it came, and {@code meta.nextCursor}), a purchase order → {@link WalmartOrder}, and the request and answer
 * shapes of shipping updates, line cancellations, refunds, inventory (per ship node, and the multi-node bulk feed)
 * and feed statuses, which the sandbox reads as Walmart would. Strict: anything it cannot use is a
 * {@link WalmartPayloadException} naming the JSON path. Stateless and thread-safe.
 */
public final class WalmartOrderParser {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Line statuses whose units are still the seller's to ship. */
    private static final List<String> OPEN = List.of("Created", "Acknowledged");

    /** One {@code getAllOrders} page: each purchase order's JSON as Walmart sent it, and the next page's cursor. */
    public record OrdersPage(List<String> orders, @Nullable String nextCursor) {
    }

    /**
     * A purchase order as the connector reads it.
     *
     * @param order                    the canonical order (its channel order id is the purchase order id)
     * @param awaitingAcknowledgement  whether a line is still {@code Created}: Walmart waits for the seller's
     *                                 acknowledgement
     */
    public record WalmartOrder(CanonicalOrder order, boolean awaitingAcknowledgement) {
    }

    /** One line of a shipping update: units of a line shipped in one parcel with its carrier and tracking. */
    public record ShippedLine(String lineNumber, int quantity, String carrier, @Nullable String methodCode,
            String trackingNumber, @Nullable String trackingUrl, Instant shipDateTime) {
    }

    /** Units of a line the seller cancels, and why (Walmart's cancellation reason code). */
    public record CancelledLine(String lineNumber, int quantity, String reason) {
    }

    /**
     * A refund of one line: the (negative) amount of its product charge, the (negative) tax on it or null, the
     * currency and the reason.
     */
    public record RefundLine(String lineNumber, BigDecimal amount, @Nullable BigDecimal tax, String currency,
            String reason, boolean fullRefund) {
    }

    /** A seller's refund request: the purchase order, its lines and the seller's comments (blank when none). */
    public record Refund(String purchaseOrderId, List<RefundLine> lines, String comments) {
    }

    /** What a ship node holds of a SKU: the input, what can be sold and what is reserved for orders. */
    public record NodeQuantity(String shipNode, int input, int availableToSell, int reserved) {
    }

    /** A SKU's inventory per ship node, as {@code GET /v3/inventories} lists it. */
    public record SkuInventory(String sku, List<NodeQuantity> nodes) {
    }

    /** One page of {@code GET /v3/inventories}. */
    public record InventoryPage(List<SkuInventory> inventories, @Nullable String nextCursor) {
    }

    /** How Walmart processed one SKU of a feed; {@code error} is empty when it succeeded. */
    public record FeedItem(String sku, String status, String error) {

        public boolean succeeded() {
            return status.equals("SUCCESS");
        }
    }

    /** A feed's status: RECEIVED, INPROGRESS, PROCESSED or ERROR, with per-SKU results once processed. */
    public record FeedStatus(String feedId, String status, List<FeedItem> items) {

        public boolean done() {
            return status.equals("PROCESSED") || status.equals("ERROR");
        }
    }

    public OrdersPage parseOrdersPage(byte[] json) {
        JsonNode list = object(readObject(json).get("list"), "$.list");
        JsonNode meta = list.get("meta");
        String cursor = meta == null || meta.isNull() ? null : optionalText(object(meta, "$.list.meta"),
                "nextCursor", "$.list.meta");
        JsonNode elements = object(list.get("elements"), "$.list.elements");
        JsonNode orders = elements.get("order");
        List<String> raw = new ArrayList<>();
        if (orders != null && !orders.isNull()) {
            if (!orders.isArray()) {
                throw new WalmartPayloadException(PayloadProblem.WRONG_TYPE, "$.list.elements.order", "expected a list, found "
                        + kind(orders));
            }
            for (int i = 0; i < orders.size(); i++) {
                raw.add(MAPPER.writeValueAsString(object(orders.get(i), "$.list.elements.order[" + i + "]")));
            }
        }
        return new OrdersPage(raw, cursor);
    }

    /** The purchase order of a {@code GET /v3/orders/{purchaseOrderId}} answer ({@code {"order": …}}), as JSON. */
    public String orderOfResponse(byte[] json) {
        return MAPPER.writeValueAsString(object(readObject(json).get("order"), "$.order"));
    }

    /** The purchase order id in an order's JSON, or null when it has none (the order then fails parsing). */
    public @Nullable String purchaseOrderIdOf(String orderJson) {
        try {
            JsonNode id = MAPPER.readTree(orderJson).get("purchaseOrderId");
            return id != null && id.isString() && !id.asString().isBlank() ? id.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    public WalmartOrder parseOrder(byte[] json) {
        JsonNode order = readObject(json);
        String id = requiredText(order, "purchaseOrderId", "$");
        Instant created = epoch(order, "orderDate", "$");
        Instant updated = created;
        JsonNode shipping = object(order.get("shippingInfo"), "$.shippingInfo");
        JsonNode linesNode = object(order.get("orderLines"), "$.orderLines").get("orderLine");
        List<JsonNode> lineNodes = array(linesNode, "$.orderLines.orderLine");
        if (lineNodes.isEmpty()) {
            throw new WalmartPayloadException(PayloadProblem.MISSING_FIELD, "$.orderLines.orderLine", "the order has no lines");
        }
        List<OrderLine> lines = new ArrayList<>();
        String currency = null;
        boolean awaiting = false;
        int open = 0;
        int cancelled = 0;
        int total = 0;
        for (int i = 0; i < lineNodes.size(); i++) {
            String path = "$.orderLines.orderLine[" + i + "]";
            JsonNode line = object(lineNodes.get(i), path);
            String number = requiredText(line, "lineNumber", path);
            JsonNode item = object(line.get("item"), path + ".item");
            int quantity = amount(object(line.get("orderLineQuantity"), path + ".orderLineQuantity"),
                    path + ".orderLineQuantity");
            if (line.has("statusDate") && !line.get("statusDate").isNull()) {
                Instant statusDate = epoch(line, "statusDate", path);
                updated = statusDate.isAfter(updated) ? statusDate : updated;
            }
            int done = 0;
            JsonNode statuses = line.path("orderLineStatuses").get("orderLineStatus");
            List<JsonNode> statusNodes = statuses == null || statuses.isNull() ? List.of()
                    : array(statuses, path + ".orderLineStatuses.orderLineStatus");
            int lineCancelled = 0;
            for (int s = 0; s < statusNodes.size(); s++) {
                String statusPath = path + ".orderLineStatuses.orderLineStatus[" + s + "]";
                JsonNode status = object(statusNodes.get(s), statusPath);
                String name = requiredText(status, "status", statusPath);
                int units = amount(object(status.get("statusQuantity"), statusPath + ".statusQuantity"),
                        statusPath + ".statusQuantity");
                if (name.equals("Created")) {
                    awaiting = true;
                }
                if (!OPEN.contains(name)) {
                    done += units;
                }
                if (name.equals("Cancelled")) {
                    lineCancelled += units;
                }
            }
            int fulfillable = Math.max(0, quantity - done);
            open += fulfillable;
            cancelled += lineCancelled;
            total += quantity;
            lines.add(new OrderLine(number, requiredText(item, "sku", path + ".item"), null,
                    blankOr(optionalText(item, "productName", path + ".item")), quantity, fulfillable));
            JsonNode charges = line.path("charges").path("charge");
            if (currency == null && charges.isArray() && !charges.isEmpty()) {
                currency = optionalText(charges.get(0).path("chargeAmount"), "currency",
                        path + ".charges.charge[0].chargeAmount");
            }
        }
        boolean allCancelled = open == 0 && cancelled == total;
        return new WalmartOrder(new CanonicalOrder(id, id, created, updated, currency == null ? "USD" : currency,
                optionalText(order, "customerEmailId", "$"), address(shipping),
                optionalText(shipping, "methodCode", "$.shippingInfo"),
                optionalText(shipping, "methodCode", "$.shippingInfo"), lines,
                allCancelled ? FinancialStatus.VOIDED : FinancialStatus.PAID, allCancelled ? updated : null,
                allCancelled ? "Cancelled on Walmart" : null), awaiting && !allCancelled);
    }

    /** The lines of a shipping update request ({@code orderShipment.orderLines.orderLine}). */
    public List<ShippedLine> parseShippingUpdate(byte[] json) {
        List<ShippedLine> shipped = new ArrayList<>();
        String base = "$.orderShipment.orderLines.orderLine";
        List<JsonNode> lines = array(object(object(readObject(json).get("orderShipment"), "$.orderShipment")
                .get("orderLines"), "$.orderShipment.orderLines").get("orderLine"), base);
        for (int i = 0; i < lines.size(); i++) {
            String path = base + "[" + i + "]";
            JsonNode line = object(lines.get(i), path);
            String number = requiredText(line, "lineNumber", path);
            List<JsonNode> statuses = array(object(line.get("orderLineStatuses"), path + ".orderLineStatuses")
                    .get("orderLineStatus"), path + ".orderLineStatuses.orderLineStatus");
            for (int s = 0; s < statuses.size(); s++) {
                String statusPath = path + ".orderLineStatuses.orderLineStatus[" + s + "]";
                JsonNode status = object(statuses.get(s), statusPath);
                JsonNode tracking = object(status.get("trackingInfo"), statusPath + ".trackingInfo");
                JsonNode carrierName = object(tracking.get("carrierName"), statusPath + ".trackingInfo.carrierName");
                String carrier = optionalText(carrierName, "carrier", statusPath + ".trackingInfo.carrierName");
                if (carrier == null) {
                    carrier = requiredText(carrierName, "otherCarrier", statusPath + ".trackingInfo.carrierName");
                }
                shipped.add(new ShippedLine(number, amount(object(status.get("statusQuantity"),
                        statusPath + ".statusQuantity"), statusPath + ".statusQuantity"), carrier,
                        optionalText(tracking, "methodCode", statusPath + ".trackingInfo"),
                        requiredText(tracking, "trackingNumber", statusPath + ".trackingInfo"),
                        optionalText(tracking, "trackingURL", statusPath + ".trackingInfo"),
                        epoch(tracking, "shipDateTime", statusPath + ".trackingInfo")));
            }
        }
        return shipped;
    }

    /** The lines of a cancel request ({@code orderCancellation.orderLines.orderLine}). */
    public List<CancelledLine> parseCancellation(byte[] json) {
        List<CancelledLine> cancelled = new ArrayList<>();
        String base = "$.orderCancellation.orderLines.orderLine";
        List<JsonNode> lines = array(object(object(readObject(json).get("orderCancellation"), "$.orderCancellation")
                .get("orderLines"), "$.orderCancellation.orderLines").get("orderLine"), base);
        for (int i = 0; i < lines.size(); i++) {
            String path = base + "[" + i + "]";
            JsonNode line = object(lines.get(i), path);
            List<JsonNode> statuses = array(object(line.get("orderLineStatuses"), path + ".orderLineStatuses")
                    .get("orderLineStatus"), path + ".orderLineStatuses.orderLineStatus");
            for (int s = 0; s < statuses.size(); s++) {
                String statusPath = path + ".orderLineStatuses.orderLineStatus[" + s + "]";
                JsonNode status = object(statuses.get(s), statusPath);
                cancelled.add(new CancelledLine(requiredText(line, "lineNumber", path),
                        amount(object(status.get("statusQuantity"), statusPath + ".statusQuantity"),
                                statusPath + ".statusQuantity"),
                        requiredText(status, "cancellationReason", statusPath)));
            }
        }
        return cancelled;
    }

    /** A refund request ({@code orderRefund}): each line's refund charges. */
    public Refund parseRefund(byte[] json) {
        JsonNode refund = object(readObject(json).get("orderRefund"), "$.orderRefund");
        String base = "$.orderRefund.orderLines.orderLine";
        List<JsonNode> lines = array(object(refund.get("orderLines"), "$.orderRefund.orderLines").get("orderLine"),
                base);
        List<RefundLine> refunds = new ArrayList<>();
        String comments = "";
        for (int i = 0; i < lines.size(); i++) {
            String path = base + "[" + i + "]";
            JsonNode line = object(lines.get(i), path);
            List<JsonNode> entries = array(object(line.get("refunds"), path + ".refunds").get("refund"),
                    path + ".refunds.refund");
            for (int r = 0; r < entries.size(); r++) {
                String refundPath = path + ".refunds.refund[" + r + "]";
                String said = optionalText(object(entries.get(r), refundPath), "refundComments", refundPath);
                comments = comments.isEmpty() && said != null ? said : comments;
                List<JsonNode> charges = array(object(object(entries.get(r), refundPath).get("refundCharges"),
                        refundPath + ".refundCharges").get("refundCharge"), refundPath + ".refundCharges.refundCharge");
                for (int c = 0; c < charges.size(); c++) {
                    String chargePath = refundPath + ".refundCharges.refundCharge[" + c + "]";
                    JsonNode charge = object(charges.get(c), chargePath);
                    JsonNode amount = object(object(charge.get("charge"), chargePath + ".charge").get("chargeAmount"),
                            chargePath + ".charge.chargeAmount");
                    JsonNode tax = charge.path("charge").path("tax").get("taxAmount");
                    refunds.add(new RefundLine(requiredText(line, "lineNumber", path),
                            money(amount, chargePath + ".charge.chargeAmount"),
                            tax == null || tax.isNull() ? null : money(object(tax, chargePath + ".charge.tax.taxAmount"),
                                    chargePath + ".charge.tax.taxAmount"),
                            requiredText(amount, "currency", chargePath + ".charge.chargeAmount"),
                            requiredText(charge, "refundReason", chargePath),
                            line.path("isFullRefund").asBoolean(false)));
                }
            }
        }
        return new Refund(requiredText(refund, "purchaseOrderId", "$.orderRefund"), refunds, comments);
    }

    /** A multi-node inventory update of one SKU ({@code inventories.nodes}): quantity per ship node. */
    public Map<String, Integer> parseInventoryUpdate(byte[] json) {
        return nodes(array(object(readObject(json).get("inventories"), "$.inventories").get("nodes"),
                "$.inventories.nodes"), "$.inventories.nodes", "inputQty");
    }

    /** A multi-node bulk inventory feed (version 1.5): quantity per ship node per SKU. */
    public Map<String, Map<String, Integer>> parseInventoryFeed(byte[] json) {
        JsonNode root = readObject(json);
        requiredText(object(root.get("inventoryHeader"), "$.inventoryHeader"), "version", "$.inventoryHeader");
        List<JsonNode> items = array(root.get("inventory"), "$.inventory");
        Map<String, Map<String, Integer>> feed = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "$.inventory[" + i + "]";
            JsonNode item = object(items.get(i), path);
            feed.put(requiredText(item, "sku", path), nodes(array(item.get("shipNodes"), path + ".shipNodes"),
                    path + ".shipNodes", "quantity"));
        }
        return feed;
    }

    /** One page of {@code GET /v3/inventories}: each SKU's quantities per ship node. */
    public InventoryPage parseInventoryPage(byte[] json) {
        JsonNode root = readObject(json);
        JsonNode meta = root.get("meta");
        String cursor = meta == null || meta.isNull() ? null : optionalText(meta, "nextCursor", "$.meta");
        List<JsonNode> items = array(object(root.get("elements"), "$.elements").get("inventories"),
                "$.elements.inventories");
        List<SkuInventory> inventories = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "$.elements.inventories[" + i + "]";
            JsonNode item = object(items.get(i), path);
            List<JsonNode> nodes = array(item.get("nodes"), path + ".nodes");
            List<NodeQuantity> quantities = new ArrayList<>();
            for (int n = 0; n < nodes.size(); n++) {
                String nodePath = path + ".nodes[" + n + "]";
                JsonNode node = object(nodes.get(n), nodePath);
                quantities.add(new NodeQuantity(requiredText(node, "shipNode", nodePath),
                        amount(object(node.get("inputQty"), nodePath + ".inputQty"), nodePath + ".inputQty"),
                        amount(object(node.get("availToSellQty"), nodePath + ".availToSellQty"),
                                nodePath + ".availToSellQty"),
                        amount(object(node.get("reservedQty"), nodePath + ".reservedQty"), nodePath + ".reservedQty")));
            }
            inventories.add(new SkuInventory(requiredText(item, "sku", path), quantities));
        }
        return new InventoryPage(inventories, cursor);
    }

    /** A feed's id from {@code POST /v3/feeds}'s answer. */
    public String parseFeedId(byte[] json) {
        return requiredText(readObject(json), "feedId", "$");
    }

    /** A feed's status with its items' ingestion results ({@code GET /v3/feeds/{id}?includeDetails=true}). */
    public FeedStatus parseFeedStatus(byte[] json) {
        JsonNode root = readObject(json);
        List<FeedItem> items = new ArrayList<>();
        JsonNode details = root.path("itemDetails").get("itemIngestionStatus");
        if (details != null && !details.isNull()) {
            List<JsonNode> nodes = array(details, "$.itemDetails.itemIngestionStatus");
            for (int i = 0; i < nodes.size(); i++) {
                String path = "$.itemDetails.itemIngestionStatus[" + i + "]";
                JsonNode item = object(nodes.get(i), path);
                List<String> errors = new ArrayList<>();
                JsonNode errorNodes = item.path("ingestionErrors").get("ingestionError");
                if (errorNodes != null && errorNodes.isArray()) {
                    errorNodes.forEach(error -> errors.add(error.path("code").asString("") + ": "
                            + error.path("description").asString("")));
                }
                items.add(new FeedItem(requiredText(item, "sku", path), requiredText(item, "ingestionStatus", path),
                        String.join("; ", errors)));
            }
        }
        return new FeedStatus(requiredText(root, "feedId", "$"), requiredText(root, "feedStatus", "$"), items);
    }

    private static Map<String, Integer> nodes(List<JsonNode> nodes, String base, String quantityField) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = base + "[" + i + "]";
            JsonNode node = object(nodes.get(i), path);
            quantities.put(requiredText(node, "shipNode", path), amount(object(node.get(quantityField),
                    path + "." + quantityField), path + "." + quantityField));
        }
        return quantities;
    }

    private static Address address(JsonNode shipping) {
        JsonNode postal = shipping.get("postalAddress");
        if (postal == null || postal.isNull()) {
            return Address.NONE;
        }
        String path = "$.shippingInfo.postalAddress";
        JsonNode address = object(postal, path);
        String country = optionalText(address, "country", path);
        return new Address(optionalText(address, "name", path), null, optionalText(address, "address1", path),
                optionalText(address, "address2", path), optionalText(address, "city", path),
                optionalText(address, "state", path), optionalText(address, "postalCode", path),
                country == null ? null : countryCode(country), optionalText(shipping, "phone", "$.shippingInfo"));
    }

    /** Walmart writes ISO 3166 alpha-3 ({@code USA}); the warehouse wants alpha-2. */
    private static String countryCode(String country) {
        return switch (country.toUpperCase(Locale.ROOT)) {
            case "USA" -> "US";
            case "CAN" -> "CA";
            case "MEX" -> "MX";
            case "CHL" -> "CL";
            default -> country.toUpperCase(Locale.ROOT);
        };
    }

    static JsonNode readObject(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new WalmartPayloadException(PayloadProblem.MALFORMED_JSON, "$", e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new WalmartPayloadException(PayloadProblem.MALFORMED_JSON, "$", "the body is empty");
        }
        return object(root, "$");
    }

    static JsonNode object(@Nullable JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new WalmartPayloadException(PayloadProblem.MISSING_FIELD, path, "expected an object, found nothing");
        }
        if (!node.isObject()) {
            throw new WalmartPayloadException(PayloadProblem.WRONG_TYPE, path, "expected an object, found " + kind(node));
        }
        return node;
    }

    static List<JsonNode> array(@Nullable JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new WalmartPayloadException(PayloadProblem.MISSING_FIELD, path, "expected a list, found nothing");
        }
        if (!node.isArray()) {
            throw new WalmartPayloadException(PayloadProblem.WRONG_TYPE, path, "expected a list, found " + kind(node));
        }
        List<JsonNode> elements = new ArrayList<>();
        node.forEach(elements::add);
        return elements;
    }

    static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    static String requiredText(JsonNode parent, String field, String path) {
        String value = optionalText(parent, field, path);
        if (value == null) {
            throw new WalmartPayloadException(PayloadProblem.MISSING_FIELD, path + "." + field, "required, found nothing");
        }
        return value;
    }

    static @Nullable String optionalText(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new WalmartPayloadException(PayloadProblem.WRONG_TYPE, path + "." + field, "expected text, found "
                    + kind(value));
        }
        return value.asString().isBlank() ? null : value.asString().strip();
    }

    private static String blankOr(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** Walmart's times are milliseconds since the epoch. */
    static Instant epoch(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw new WalmartPayloadException(PayloadProblem.MISSING_FIELD, path + "." + field, "required, found nothing");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new WalmartPayloadException(PayloadProblem.WRONG_TYPE, path + "." + field,
                    "expected milliseconds since 1970, found " + value);
        }
        return Instant.ofEpochMilli(value.longValue());
    }

    /** A quantity object ({@code unitOfMeasurement}/{@code unit} and {@code amount}, text or number): whole eaches. */
    private static int amount(JsonNode quantity, String path) {
        JsonNode value = quantity.get("amount");
        if (value == null || value.isNull()) {
            throw new WalmartPayloadException(PayloadProblem.MISSING_FIELD, path + ".amount", "required, found nothing");
        }
        BigDecimal number;
        try {
            number = value.isNumber() ? value.decimalValue() : value.isString() ? new BigDecimal(value.asString().strip())
                    : null;
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null) {
            throw new WalmartPayloadException(PayloadProblem.WRONG_TYPE, path + ".amount", "expected a number, found "
                    + value);
        }
        if (number.signum() < 0 || number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(
                Integer.MAX_VALUE)) > 0) {
            throw new WalmartPayloadException(PayloadProblem.INVALID_VALUE, path + ".amount",
                    "not a whole, non-negative number of units: " + value);
        }
        return number.intValue();
    }

    static BigDecimal money(JsonNode amount, String path) {
        JsonNode value = amount.get("amount");
        if (value == null || !value.isNumber()) {
            throw new WalmartPayloadException(value == null ? PayloadProblem.MISSING_FIELD : PayloadProblem.WRONG_TYPE,
                    path + ".amount", "expected an amount of money, found " + value);
        }
        return value.decimalValue();
    }
}
