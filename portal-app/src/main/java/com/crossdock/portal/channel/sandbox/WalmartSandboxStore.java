package com.crossdock.portal.channel.sandbox;

import com.crossdock.portal.channel.amazon.Pace;
import com.crossdock.portal.channel.amazon.SpApiTransport;
import com.crossdock.portal.channel.walmart.WalmartOrderParser;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.CancelledLine;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.Refund;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.ShippedLine;
import com.crossdock.portal.channel.walmart.WalmartPayloadException;
import com.crossdock.portal.channel.walmart.WalmartReturnParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One sandbox Walmart Marketplace seller: the Token API (client credentials as Basic authorisation), Orders v3
 * ({@code getAllOrders} by {@code lastModifiedStartDate} or {@code createdStartDate} with {@code nextCursor},
 * one order, acknowledge, shipping updates, cancel and refund lines, a refund checked as Walmart checks it), Returns
 * ({@code GET /v3/returns}, return orders made from shipped units), Inventory (per SKU and ship node, all SKUs)
 * and Feeds (the multi-node {@code MP_INVENTORY} bulk feed, processed at once, at most
 * {@link #FEEDS_PER_HOUR} an hour), in the JSON shapes of Walmart's published examples. Every call needs the
 * {@code WM_SEC.ACCESS_TOKEN}, {@code WM_SVC.NAME} and {@code WM_QOS.CORRELATION_ID} headers and answers with
 * Walmart's throttling headers. Faults on demand: 429, 503, an expired token, a feed whose first SKU fails. It keeps
 * every acknowledgement, shipping update, cancellation and refund it took, for tests and the sandbox's card.
 * Thread-safe.
 */
public final class WalmartSandboxStore implements SpApiTransport {

    /** A fault the next calls meet. */
    public enum Fault {
        /** 429 Too Many Requests, as if another integration had used the seller's allowance. */
        THROTTLE,
        /** 503 from Walmart's side. */
        SERVER_ERROR,
        /** Every access token issued so far expires now: the next call is refused with 401. */
        EXPIRE_TOKEN,
        /** The next bulk inventory feed is processed with a data error on its first SKU. */
        FEED_ERROR,
        /** A return order Crossdock cannot read (a line without its item, units as words) appears in the returns. */
        MALFORMED_RETURN
    }

    /** A shipping update the sandbox took. */
    public record ShippingUpdate(String purchaseOrderId, List<ShippedLine> lines) {
    }

    /** Bulk feeds one seller may submit an hour. */
    public static final int FEEDS_PER_HOUR = 10;
    static final int PAGE_SIZE = 100;
    /** Calls per operation a minute; Walmart's allowance is larger, a sandbox only needs to show the headers. */
    static final int CALLS_PER_MINUTE = 1000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.math.BigDecimal CENT = new java.math.BigDecimal("0.01");
    private static final Pattern ORDER = Pattern.compile("/v3/orders/([^/]+)(/(acknowledge|shipping|cancel|refund))?");
    private static final Pattern INVENTORY = Pattern.compile("/v3/inventories/([^/]+)");
    private static final Pattern FEED = Pattern.compile("/v3/feeds/([^/]+)");

    private final String clientId;
    private final String clientSecret;
    private final List<String> shipNodes;
    private final Pace pace;
    private final WalmartOrderParser parser = new WalmartOrderParser();
    private final Set<String> validTokens = new HashSet<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private int feedErrors;
    private final Map<String, Map<String, Object>> orders = new LinkedHashMap<>();
    private final Map<String, Instant> modified = new HashMap<>();
    private final Map<String, Integer> acknowledgements = new HashMap<>();
    private final List<ShippingUpdate> shippingUpdates = new ArrayList<>();
    private final List<Refund> refunds = new ArrayList<>();
    private final WalmartReturnParser returnParser = new WalmartReturnParser();
    private final Map<String, Map<String, Object>> returns = new LinkedHashMap<>();
    private final Map<String, Instant> returnModified = new HashMap<>();
    private int nextReturn = 1;
    private int nextRefund = 1;
    private final Map<String, Map<String, Integer>> inventory = new TreeMap<>();
    private final Map<String, Map<String, Object>> feeds = new LinkedHashMap<>();
    private final Deque<Instant> feedTimes = new ArrayDeque<>();
    private final Map<String, Deque<Instant>> calls = new HashMap<>();
    private int tokensIssued;
    private int exchanges;
    private int throttled;
    private int nextOrder = 1;

    public WalmartSandboxStore(String clientId, String clientSecret, List<String> shipNodes, Pace pace) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.shipNodes = List.copyOf(shipNodes);
        this.pace = pace;
    }

    /** The next {@code count} calls meet {@code fault} (a feed error: the next {@code count} feeds). */
    public synchronized void inject(Fault fault, int count) {
        if (fault == Fault.FEED_ERROR) {
            feedErrors += count;
            return;
        }
        if (fault == Fault.MALFORMED_RETURN) {
            for (int i = 0; i < count; i++) {
                String id = String.valueOf(7_900_000_000_000_000L + nextReturn++);
                Map<String, Object> broken = new LinkedHashMap<>();
                broken.put("returnOrderId", id);
                broken.put("returnOrderDate", pace.now().toString());
                broken.put("returnOrderLines", List.of(Map.of("returnOrderLineNumber", 1, "purchaseOrderId",
                        orders.isEmpty() ? "0" : orders.keySet().iterator().next(), "purchaseOrderLineNumber", 1,
                        "quantity", Map.of("unitOfMeasure", "EACH", "measurementValue", "two"))));
                returns.put(id, broken);
                returnModified.put(id, pace.now());
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            faults.add(fault);
        }
    }

    /**
     * Places {@code count} purchase orders, each with one to three of {@code skus} (one or two units a line),
     * created now, lines {@code Created}, shipping to a complete US address. Answers the purchase order ids.
     */
    public synchronized List<String> placeOrders(int count, List<String> skus, RandomGenerator random) {
        if (skus.isEmpty()) {
            throw new IllegalArgumentException("the sandbox needs at least one SKU to place orders");
        }
        List<String> placed = new ArrayList<>();
        Instant now = pace.now();
        for (int i = 0; i < count; i++) {
            int n = nextOrder++;
            String id = String.valueOf(1_800_000_000_000L + n);
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("purchaseOrderId", id);
            order.put("customerOrderId", String.valueOf(5_200_000_000_000L + n));
            order.put("customerEmailId", "SANDBOX" + n + "@relay.walmart.com");
            order.put("orderType", "REGULAR");
            order.put("orderDate", now.toEpochMilli());
            order.put("shippingInfo", new LinkedHashMap<>(Map.of("phone", "3155550100",
                    "estimatedDeliveryDate", now.plus(Duration.ofDays(5)).toEpochMilli(),
                    "estimatedShipDate", now.plus(Duration.ofDays(1)).toEpochMilli(), "methodCode", "Standard",
                    "postalAddress", Map.of("name", "Sandbox Shopper " + n, "address1", n + " Supercenter Way",
                            "city", "Bentonville", "state", "AR", "postalCode", "72712", "country", "USA",
                            "addressType", "RESIDENTIAL"))));
            List<String> shuffled = new ArrayList<>(skus);
            java.util.Collections.shuffle(shuffled, random);
            List<Map<String, Object>> lines = new ArrayList<>();
            int lineCount = 1 + random.nextInt(Math.min(3, shuffled.size()));
            for (int l = 0; l < lineCount; l++) {
                int quantity = 1 + random.nextInt(2);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("lineNumber", String.valueOf(l + 1));
                line.put("item", Map.of("productName", "Sandbox item " + shuffled.get(l), "sku", shuffled.get(l)));
                line.put("charges", Map.of("charge", List.of(Map.of("chargeType", "PRODUCT", "chargeName",
                        "ItemPrice", "chargeAmount", Map.of("currency", "USD", "amount", 19.99 * quantity),
                        "tax", Map.of("taxName", "Tax1", "taxAmount", Map.of("currency", "USD", "amount", 1.6))))));
                line.put("orderLineQuantity", Map.of("unitOfMeasurement", "EACH", "amount",
                        String.valueOf(quantity)));
                line.put("statusDate", now.toEpochMilli());
                List<Map<String, Object>> statuses = new ArrayList<>();
                statuses.add(status("Created", quantity));
                line.put("orderLineStatuses", Map.of("orderLineStatus", statuses));
                line.put("fulfillment", Map.of("fulfillmentOption", "S2H", "shipMethod", "STANDARD"));
                lines.add(line);
            }
            order.put("orderLines", Map.of("orderLine", lines));
            order.put("shipNode", Map.of("type", "SellerFulfilled", "id", shipNodes.getFirst()));
            orders.put(id, order);
            modified.put(id, now);
            placed.add(id);
        }
        return placed;
    }

    /** Walmart cancels every open unit of a purchase order (the customer asked to); the next import reads it. */
    public synchronized void cancel(String purchaseOrderId) {
        Map<String, Object> order = orders.get(purchaseOrderId);
        if (order == null) {
            throw new IllegalArgumentException("The sandbox seller has no purchase order " + purchaseOrderId);
        }
        for (Map<String, Object> line : lines(order)) {
            int open = open(line);
            if (open > 0) {
                move(line, open, status("Cancelled", open));
                line.put("statusDate", touch(purchaseOrderId).toEpochMilli());
            }
        }
    }

    /**
     * The buyer returns every shipped unit of a purchase order that is not on a return yet: a return order (Walmart's
     * Returns API shape) with a line per shipped order line, at the line's unit price. Answers its return order id.
     *
     * @throws IllegalArgumentException for an unknown purchase order, or one with nothing shipped left to return
     */
    public synchronized String requestReturn(String purchaseOrderId, String reason) {
        Map<String, Object> order = orders.get(purchaseOrderId);
        if (order == null) {
            throw new IllegalArgumentException("The sandbox seller has no purchase order " + purchaseOrderId);
        }
        Map<String, WalmartReturnParser.LineCharge> charges = returnParser.lineCharges(JSON.writeValueAsString(order));
        Instant now = pace.now();
        String id = String.valueOf(7_800_000_000_000_000L + nextReturn++);
        List<Map<String, Object>> returnLines = new ArrayList<>();
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (Map<String, Object> line : lines(order)) {
            String number = (String) line.get("lineNumber");
            int units = charges.get(number).shipped() - returned(purchaseOrderId, number);
            if (units <= 0) {
                continue;
            }
            var charge = charges.get(number);
            Map<String, Object> returnLine = new LinkedHashMap<>();
            returnLine.put("returnOrderLineNumber", returnLines.size() + 1);
            returnLine.put("salesOrderLineNumber", Integer.parseInt(number));
            returnLine.put("returnReason", reason);
            returnLine.put("purchaseOrderId", purchaseOrderId);
            returnLine.put("purchaseOrderLineNumber", Integer.parseInt(number));
            returnLine.put("item", line.get("item"));
            returnLine.put("charges", List.of(Map.of("chargeCategory", "PRODUCT", "chargeName", "ItemPrice",
                    "chargePerUnit", money(charge.unitPrice(), charge.currency()), "isDiscount", false,
                    "isBillable", true, "tax", List.of(Map.of("taxName", "Tax1", "taxPerUnit",
                            money(charge.unitTax(), charge.currency()))))));
            returnLine.put("unitPrice", money(charge.unitPrice(), charge.currency()));
            returnLine.put("quantity", Map.of("unitOfMeasure", "EACH", "measurementValue", units));
            returnLine.put("currentDeliveryStatus", "IN_TRANSIT");
            returnLine.put("currentRefundStatus", "REFUND_PENDING");
            returnLine.put("currentTrackingStatuses", List.of(Map.of("status", "INITIATED", "statusTime",
                    now.toString(), "quantity", Map.of("unitOfMeasure", "EACH", "measurementValue", units))));
            returnLine.put("returnExpectedFlag", true);
            returnLines.add(returnLine);
            total = total.add(charge.unitPrice().add(charge.unitTax()).multiply(java.math.BigDecimal.valueOf(units)));
        }
        if (returnLines.isEmpty()) {
            throw new IllegalArgumentException("Purchase order " + purchaseOrderId + " has no shipped unit left to "
                    + "return");
        }
        Map<String, Object> returnOrder = new LinkedHashMap<>();
        returnOrder.put("returnOrderId", id);
        returnOrder.put("customerEmailId", order.get("customerEmailId"));
        returnOrder.put("customerOrderId", order.get("customerOrderId"));
        returnOrder.put("refundMode", "POST_DELIVERY");
        returnOrder.put("returnOrderDate", now.toString());
        returnOrder.put("returnByDate", now.plus(Duration.ofDays(30)).toString());
        returnOrder.put("totalRefundAmount", money(total, charges.values().iterator().next().currency()));
        returnOrder.put("returnOrderLines", returnLines);
        returns.put(id, returnOrder);
        returnModified.put(id, now);
        return id;
    }

    /**
     * Up to {@code count} buyers return what they received: one return order for each of the oldest purchase orders
     * with shipped units not returned yet. Answers the return order ids.
     */
    public synchronized List<String> returnShipped(int count, RandomGenerator random) {
        List<String> reasons = List.of("DOES_NOT_FIT", "DAMAGED_ITEM", "NO_LONGER_NEEDED", "ARRIVED_LATE");
        List<String> made = new ArrayList<>();
        for (String purchaseOrder : List.copyOf(orders.keySet())) {
            if (made.size() >= count) {
                break;
            }
            boolean left = returnParser.lineCharges(JSON.writeValueAsString(orders.get(purchaseOrder))).entrySet()
                    .stream().anyMatch(line -> line.getValue().shipped() > returned(purchaseOrder, line.getKey()));
            if (left) {
                made.add(requestReturn(purchaseOrder, reasons.get(random.nextInt(reasons.size()))));
            }
        }
        return made;
    }

    /** How many return orders the seller holds. */
    public synchronized int returnCount() {
        return returns.size();
    }

    /**
     * The seller refunds every shipped unit of a purchase order in Seller Center, by hand (product and tax): a
     * later refund of the same units is more than is left of their charge, which Walmart refuses.
     */
    public synchronized void refundInSellerCenter(String purchaseOrderId) {
        Map<String, Object> order = orders.get(purchaseOrderId);
        if (order == null) {
            throw new IllegalArgumentException("The sandbox seller has no purchase order " + purchaseOrderId);
        }
        Map<String, WalmartReturnParser.LineCharge> charges = returnParser.lineCharges(JSON.writeValueAsString(order));
        charges.forEach((number, charge) -> {
            if (charge.shipped() > 0) {
                java.math.BigDecimal units = java.math.BigDecimal.valueOf(charge.shipped());
                book(line(order, number), List.of(new WalmartOrderParser.RefundLine(number,
                        charge.unitPrice().multiply(units).negate(), charge.unitTax().multiply(units).negate(),
                        charge.currency(), "Refunded in Seller Center", true)), "Refunded in Seller Center");
            }
        });
        touch(purchaseOrderId);
    }

    /** How many times the client id and secret were exchanged for an access token. */
    public synchronized int exchanges() {
        return exchanges;
    }

    /** How many calls were answered 429. */
    public synchronized int throttled() {
        return throttled;
    }

    /** How many purchase orders the seller holds. */
    public synchronized int orderCount() {
        return orders.size();
    }

    /** How many times each purchase order was acknowledged. */
    public synchronized Map<String, Integer> acknowledgements() {
        return Map.copyOf(acknowledgements);
    }

    /** Every shipping update taken, in order. */
    public synchronized List<ShippingUpdate> shippingUpdates() {
        return List.copyOf(shippingUpdates);
    }

    /** Every refund taken, in order. */
    public synchronized List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    /** The quantity of each SKU at each ship node, as last set. */
    public synchronized Map<String, Map<String, Integer>> inventory() {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        inventory.forEach((sku, nodes) -> copy.put(sku, Map.copyOf(nodes)));
        return copy;
    }

    /** How many bulk feeds were submitted. */
    public synchronized int feedCount() {
        return feeds.size();
    }

    @Override
    public synchronized Answer send(Call call) {
        String path = call.uri().getPath().replaceFirst("^.*?(/v3/.*)$", "$1");
        if (path.equals("/v3/token")) {
            return token(call);
        }
        if (header(call, "WM_SVC.NAME").isBlank() || header(call, "WM_QOS.CORRELATION_ID").isBlank()) {
            return error(400, "INVALID_REQUEST_HEADER.GMP_GATEWAY_API", "WM_SVC.NAME and WM_QOS.CORRELATION_ID "
                    + "are required");
        }
        Fault fault = faults.poll();
        if (fault == Fault.EXPIRE_TOKEN) {
            validTokens.clear();
        }
        if (!validTokens.contains(header(call, "WM_SEC.ACCESS_TOKEN"))) {
            return error(401, "UNAUTHORIZED.GMP_GATEWAY_API", "Unauthorized: the access token is invalid or expired");
        }
        if (fault == Fault.SERVER_ERROR) {
            return error(503, "SERVICE_UNAVAILABLE.GMP_GATEWAY_API", "The service is temporarily unavailable");
        }
        String operation = call.method() + " " + path.replaceAll("/v3/(orders|inventories|feeds)/[^/]+", "/v3/$1/*");
        Instant now = pace.now();
        Deque<Instant> window = calls.computeIfAbsent(operation, key -> new ArrayDeque<>());
        while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(Duration.ofMinutes(1)))) {
            window.removeFirst();
        }
        Instant replenish = window.isEmpty() ? now.plusMillis(200) : window.peekFirst().plus(Duration.ofMinutes(1));
        if (fault == Fault.THROTTLE || window.size() >= CALLS_PER_MINUTE) {
            throttled++;
            Answer refused = error(429, "REQUEST_THRESHOLD_VIOLATED.GMP_GATEWAY_API", "Too many requests");
            refused.headers().put("x-next-replenish-time", List.of(String.valueOf(
                    (fault == Fault.THROTTLE ? now.plusMillis(200) : replenish).toEpochMilli())));
            return refused;
        }
        window.addLast(now);
        Answer answer;
        try {
            answer = route(call, path);
        } catch (WalmartPayloadException unusable) {
            answer = error(400, "INVALID_REQUEST_CONTENT.GMP_ORDER_API", unusable.getMessage());
        }
        answer.headers().put("x-current-token-count", List.of(String.valueOf(CALLS_PER_MINUTE - window.size())));
        answer.headers().put("x-next-replenish-time", List.of(String.valueOf(replenish.toEpochMilli())));
        return answer;
    }

    private Answer route(Call call, String path) {
        byte[] body = call.body().getBytes(StandardCharsets.UTF_8);
        if (path.equals("/v3/orders") && call.method().equals("GET")) {
            return orders(AmazonSandboxStore.query(call.uri().getRawQuery()));
        }
        if (path.equals("/v3/returns") && call.method().equals("GET")) {
            return returns(AmazonSandboxStore.query(call.uri().getRawQuery()));
        }
        Matcher order = ORDER.matcher(path);
        if (order.matches()) {
            String id = order.group(1);
            Map<String, Object> found = orders.get(id);
            if (found == null) {
                return error(404, "CONTENT_NOT_FOUND.GMP_ORDER_API", "Purchase order " + id + " not found");
            }
            String action = order.group(3);
            if (action == null) {
                return ok(Map.of("order", found));
            }
            return switch (action) {
                case "acknowledge" -> acknowledge(id, found);
                case "shipping" -> ship(id, found, parser.parseShippingUpdate(body));
                case "cancel" -> cancelLines(id, found, parser.parseCancellation(body));
                default -> refund(id, found, body);
            };
        }
        Matcher sku = INVENTORY.matcher(path);
        if (sku.matches() && call.method().equals("PUT")) {
            String value = URLDecoder.decode(sku.group(1), StandardCharsets.UTF_8);
            Map<String, Integer> nodes = parser.parseInventoryUpdate(body);
            inventory.computeIfAbsent(value, key -> new TreeMap<>()).putAll(nodes);
            return ok(Map.of("sku", value, "nodes", nodes.keySet().stream().map(node -> Map.of("shipNode", node,
                    "status", "Success")).toList()));
        }
        if (path.equals("/v3/inventories") && call.method().equals("GET")) {
            return ok(Map.of("meta", Map.of("totalCount", inventory.size()), "elements", Map.of("inventories",
                    inventory.entrySet().stream().map(entry -> Map.of("sku", entry.getKey(), "nodes",
                            entry.getValue().entrySet().stream().map(node -> Map.of("shipNode", node.getKey(),
                                    "inputQty", each(node.getValue()), "availToSellQty", each(node.getValue()),
                                    "reservedQty", each(0))).toList())).toList())));
        }
        if (path.equals("/v3/feeds") && call.method().equals("POST")) {
            return feed(AmazonSandboxStore.query(call.uri().getRawQuery()), call.body());
        }
        Matcher feed = FEED.matcher(path);
        if (feed.matches() && feeds.containsKey(feed.group(1))) {
            return ok(feeds.get(feed.group(1)));
        }
        return error(404, "CONTENT_NOT_FOUND.GMP_GATEWAY_API", "Resource " + path + " is not found");
    }

    private Answer token(Call call) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(header(call, "Authorization"))
                || !"client_credentials".equals(AmazonSandboxStore.query(call.body()).get("grant_type"))) {
            return error(401, "UNAUTHORIZED.GMP_GATEWAY_API", "Invalid client id or client secret");
        }
        exchanges++;
        String token = "sandbox-walmart-token-" + (++tokensIssued);
        validTokens.add(token);
        return ok(Map.of("access_token", token, "token_type", "Bearer", "expires_in", 900));
    }

    private Answer orders(Map<String, String> query) {
        String from = query.getOrDefault("lastModifiedStartDate", query.get("createdStartDate"));
        if (from == null) {
            return error(400, "INVALID_REQUEST_PARAM.GMP_ORDER_API", "createdStartDate or lastModifiedStartDate is "
                    + "required");
        }
        boolean byCreation = !query.containsKey("lastModifiedStartDate");
        Instant after = Instant.parse(from);
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        int limit = Math.min(200, Integer.parseInt(query.getOrDefault("limit", String.valueOf(PAGE_SIZE))));
        List<String> matching = orders.keySet().stream()
                .filter(id -> !(byCreation ? Instant.ofEpochMilli((Long) orders.get(id).get("orderDate"))
                        : modified.get(id)).isBefore(after))
                .sorted(Comparator.comparing(modified::get)).toList();
        if (matching.isEmpty()) {
            return error(404, "CONTENT_NOT_FOUND.GMP_ORDER_API", "No orders found for the given criteria");
        }
        List<Object> page = matching.subList(Math.min(offset, matching.size()),
                Math.min(offset + limit, matching.size())).stream().map(id -> (Object) orders.get(id)).toList();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("totalCount", matching.size());
        meta.put("limit", limit);
        if (offset + limit < matching.size()) {
            meta.put("nextCursor", "?limit=" + limit + "&hasMoreElements=true&offset=" + (offset + limit) + "&"
                    + (byCreation ? "createdStartDate=" : "lastModifiedStartDate=") + from);
        }
        return ok(Map.of("list", Map.of("meta", meta, "elements", Map.of("order", page))));
    }

    private Answer acknowledge(String id, Map<String, Object> order) {
        acknowledgements.merge(id, 1, Integer::sum);
        Instant now = touch(id);
        for (Map<String, Object> line : lines(order)) {
            for (Map<String, Object> status : statuses(line)) {
                if (status.get("status").equals("Created")) {
                    status.put("status", "Acknowledged");
                    line.put("statusDate", now.toEpochMilli());
                }
            }
        }
        return ok(Map.of("order", order));
    }

    private Answer ship(String id, Map<String, Object> order, List<ShippedLine> shipped) {
        for (ShippedLine line : shipped) {
            Map<String, Object> target = line(order, line.lineNumber());
            if (target == null || open(target) < line.quantity()) {
                return error(400, "INVALID_REQUEST_CONTENT.GMP_ORDER_API", "Line " + line.lineNumber() + " of "
                        + id + " has fewer than " + line.quantity() + " unit(s) left to ship");
            }
        }
        Instant now = touch(id);
        for (ShippedLine line : shipped) {
            Map<String, Object> target = line(order, line.lineNumber());
            Map<String, Object> status = status("Shipped", line.quantity());
            status.put("trackingInfo", Map.of("shipDateTime", line.shipDateTime().toEpochMilli(), "carrierName",
                    Map.of("carrier", line.carrier()), "methodCode", line.methodCode() == null ? "Standard"
                            : line.methodCode(), "trackingNumber", line.trackingNumber()));
            move(target, line.quantity(), status);
            target.put("statusDate", now.toEpochMilli());
        }
        shippingUpdates.add(new ShippingUpdate(id, shipped));
        return ok(Map.of("order", order));
    }

    private Answer cancelLines(String id, Map<String, Object> order, List<CancelledLine> cancelled) {
        for (CancelledLine line : cancelled) {
            Map<String, Object> target = line(order, line.lineNumber());
            if (target == null || open(target) < line.quantity()) {
                return error(400, "INVALID_REQUEST_CONTENT.GMP_ORDER_API", "Line " + line.lineNumber() + " of "
                        + id + " has fewer than " + line.quantity() + " unit(s) left to cancel");
            }
        }
        Instant now = touch(id);
        for (CancelledLine line : cancelled) {
            Map<String, Object> target = line(order, line.lineNumber());
            Map<String, Object> status = status("Cancelled", line.quantity());
            status.put("cancellationReason", line.reason());
            move(target, line.quantity(), status);
            target.put("statusDate", now.toEpochMilli());
        }
        return ok(Map.of("order", order));
    }

    /**
     * A refund as Walmart checks it, all lines or none: each line exists and was shipped, its amounts are negative,
     * and with what was refunded of the line before it is no more than the line's product charge and tax.
     */
    private Answer refund(String id, Map<String, Object> order, byte[] body) {
        Refund refund = parser.parseRefund(body);
        if (!refund.purchaseOrderId().equals(id)) {
            return error(400, "INVALID_REQUEST_CONTENT.GMP_ORDER_API", "The refund names purchase order "
                    + refund.purchaseOrderId() + ", not " + id);
        }
        Map<String, WalmartReturnParser.LineCharge> charges = returnParser.lineCharges(JSON.writeValueAsString(order));
        Map<String, java.math.BigDecimal> asked = new LinkedHashMap<>();
        for (var line : refund.lines()) {
            var charge = charges.get(line.lineNumber());
            if (charge == null) {
                return error(400, "INVALID_REQUEST_CONTENT.GMP_ORDER_API", "Purchase order " + id + " has no line "
                        + line.lineNumber());
            }
            if (charge.shipped() == 0) {
                return error(400, "INVALID_REQUEST_CONTENT.GMP_ORDER_API", "Line " + line.lineNumber() + " of "
                        + id + " was not shipped; refund an unshipped line by cancelling it");
            }
            java.math.BigDecimal tax = line.tax() == null ? java.math.BigDecimal.ZERO : line.tax();
            if (line.amount().signum() >= 0 || tax.signum() > 0) {
                return error(400, "INVALID_REQUEST_CONTENT.GMP_ORDER_API", "Refund amounts of line "
                        + line.lineNumber() + " must be negative");
            }
            asked.merge(line.lineNumber(), line.amount().add(tax).abs(), java.math.BigDecimal::add);
        }
        for (var entry : asked.entrySet()) {
            var charge = charges.get(entry.getKey());
            java.math.BigDecimal units = java.math.BigDecimal.valueOf(charge.shipped());
            java.math.BigDecimal left = charge.unitPrice().add(charge.unitTax()).multiply(units)
                    .subtract(charge.refunded());
            if (entry.getValue().compareTo(left.add(CENT)) > 0) {
                return error(400, "INVALID_REQUEST_CONTENT.GMP_ORDER_API", "The refund of " + entry.getValue()
                        + " " + charge.currency() + " for line " + entry.getKey() + " of " + id + " is more than the "
                        + left.max(java.math.BigDecimal.ZERO) + " " + charge.currency() + " left of its charge");
            }
        }
        Map<String, List<WalmartOrderParser.RefundLine>> byLine = new LinkedHashMap<>();
        refund.lines().forEach(line -> byLine.computeIfAbsent(line.lineNumber(), key -> new ArrayList<>()).add(line));
        byLine.forEach((number, lines) -> book(line(order, number), lines, refund.comments()));
        refunds.add(refund);
        touch(id);
        refunded(id, byLine.keySet());
        return ok(Map.of("order", order));
    }

    /** Writes a refund onto its order line as Walmart shows it ({@code refund}, a list once there are several). */
    @SuppressWarnings("unchecked")
    private void book(@Nullable Map<String, Object> line, List<WalmartOrderParser.RefundLine> lines,
            String comments) {
        if (line == null) {
            return;
        }
        List<Object> charges = lines.stream().<Object>map(refund -> Map.of("refundReason", refund.reason(),
                "charge", Map.of("chargeType", "PRODUCT", "chargeName", "Item Price", "chargeAmount",
                        Map.of("currency", refund.currency(), "amount", refund.amount()), "tax",
                        Map.of("taxName", "Item Price Tax", "taxAmount", Map.of("currency", refund.currency(),
                                "amount", refund.tax() == null ? java.math.BigDecimal.ZERO : refund.tax())))))
                .toList();
        Map<String, Object> booked = Map.of("refundId", String.valueOf(9_100_000_000L + nextRefund++),
                "refundComments", comments, "refundCharges", Map.of("refundCharge", charges));
        Object before = line.get("refund");
        if (before == null) {
            line.put("refund", booked);
        } else {
            List<Object> all = new ArrayList<>(before instanceof List<?> list ? (List<Object>) list
                    : List.of(before));
            all.add(booked);
            line.put("refund", all);
        }
    }

    /** The return lines of refunded order lines show the refund, and their return orders changed. */
    @SuppressWarnings("unchecked")
    private void refunded(String purchaseOrderId, java.util.Collection<String> lineNumbers) {
        Instant now = pace.now();
        returns.forEach((returnId, returnOrder) -> {
            for (Map<String, Object> line : (List<Map<String, Object>>) returnOrder.get("returnOrderLines")) {
                if (purchaseOrderId.equals(line.get("purchaseOrderId"))
                        && lineNumbers.contains(String.valueOf(line.get("purchaseOrderLineNumber")))
                        && line.containsKey("currentRefundStatus")) {
                    line.put("currentRefundStatus", "REFUND_COMPLETED");
                    List<Object> statuses = new ArrayList<>((List<Object>) line.get("currentTrackingStatuses"));
                    statuses.add(Map.of("status", "COMPLETED", "statusTime", now.toString(), "currentRefundStatus",
                            "REFUND_COMPLETED", "quantity", line.get("quantity")));
                    line.put("currentTrackingStatuses", statuses);
                    Instant before = returnModified.get(returnId);
                    returnModified.put(returnId, now.isAfter(before) ? now : before.plusMillis(1));
                }
            }
        });
    }

    /** Units of an order line already on a return. */
    @SuppressWarnings("unchecked")
    private int returned(String purchaseOrderId, String lineNumber) {
        int units = 0;
        for (Map<String, Object> returnOrder : returns.values()) {
            for (Map<String, Object> line : (List<Map<String, Object>>) returnOrder.get("returnOrderLines")) {
                if (purchaseOrderId.equals(line.get("purchaseOrderId"))
                        && lineNumber.equals(String.valueOf(line.get("purchaseOrderLineNumber")))
                        && line.get("quantity") instanceof Map<?, ?> quantity
                        && quantity.get("measurementValue") instanceof Integer value) {
                    units += value;
                }
            }
        }
        return units;
    }

    /** {@code GET /v3/returns}: by {@code returnLastModifiedStartDate} or {@code returnCreationStartDate}, paged. */
    private Answer returns(Map<String, String> query) {
        String from = query.getOrDefault("returnLastModifiedStartDate", query.get("returnCreationStartDate"));
        Instant after = from == null ? Instant.EPOCH : Instant.parse(from);
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        int limit = Math.min(200, Integer.parseInt(query.getOrDefault("limit", "10")));
        List<String> matching = returns.keySet().stream().filter(id -> !returnModified.get(id).isBefore(after))
                .sorted(Comparator.comparing(returnModified::get)).toList();
        List<Object> page = matching.subList(Math.min(offset, matching.size()),
                Math.min(offset + limit, matching.size())).stream().map(id -> (Object) returns.get(id)).toList();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("totalCount", matching.size());
        meta.put("limit", limit);
        if (offset + limit < matching.size()) {
            meta.put("nextCursor", "?limit=" + limit + "&offset=" + (offset + limit)
                    + (from == null ? "" : "&" + (query.containsKey("returnLastModifiedStartDate")
                            ? "returnLastModifiedStartDate=" : "returnCreationStartDate=") + from));
        }
        return ok(Map.of("meta", meta, "returnOrders", page));
    }

    private static Map<String, Object> money(java.math.BigDecimal amount, String currency) {
        return Map.of("currencyAmount", amount, "currencyUnit", currency);
    }

    private Answer feed(Map<String, String> query, String body) {
        if (!"MP_INVENTORY".equals(query.get("feedType")) && !"inventory".equals(query.get("feedType"))) {
            return error(400, "INVALID_REQUEST_PARAM.GMP_FEED_API", "feedType MP_INVENTORY is required");
        }
        Instant now = pace.now();
        while (!feedTimes.isEmpty() && !feedTimes.peekFirst().isAfter(now.minus(Duration.ofHours(1)))) {
            feedTimes.removeFirst();
        }
        if (feedTimes.size() >= FEEDS_PER_HOUR) {
            throttled++;
            return error(429, "REQUEST_THRESHOLD_VIOLATED.GMP_FEED_API", "Too many feeds this hour");
        }
        int start = body.indexOf('{');
        int end = body.lastIndexOf('}');
        if (start < 0 || end < start) {
            return error(400, "INVALID_REQUEST_CONTENT.GMP_FEED_API", "The feed file is missing");
        }
        Map<String, Map<String, Integer>> items = parser.parseInventoryFeed(body.substring(start, end + 1)
                .getBytes(StandardCharsets.UTF_8));
        feedTimes.addLast(now);
        String feedId = "SANDBOX" + String.format("%08d", feeds.size() + 1) + "@AQMBCgA";
        boolean failFirst = feedErrors > 0;
        if (failFirst) {
            feedErrors--;
        }
        List<Object> results = new ArrayList<>();
        int failed = 0;
        int index = 0;
        for (var item : items.entrySet()) {
            boolean fails = failFirst && index++ == 0;
            if (fails) {
                failed++;
                results.add(Map.of("sku", item.getKey(), "ingestionStatus", "DATA_ERROR", "ingestionErrors",
                        Map.of("ingestionError", List.of(Map.of("type", "DATA_ERROR", "code", "ERR_EXT_DATA_0101",
                                "description", "The ship node is not active for this SKU (injected by the "
                                        + "sandbox)")))));
            } else {
                inventory.computeIfAbsent(item.getKey(), key -> new TreeMap<>()).putAll(item.getValue());
                results.add(Map.of("sku", item.getKey(), "ingestionStatus", "SUCCESS", "ingestionErrors",
                        Map.of("ingestionError", List.of())));
            }
        }
        feeds.put(feedId, Map.of("feedId", feedId, "feedStatus", "PROCESSED", "itemsReceived", items.size(),
                "itemsSucceeded", items.size() - failed, "itemsFailed", failed, "itemDetails",
                Map.of("itemIngestionStatus", results)));
        return ok(Map.of("feedId", feedId));
    }

    private Instant touch(String id) {
        Instant previous = modified.get(id);
        Instant now = pace.now();
        Instant next = now.isAfter(previous) ? now : previous.plusMillis(1);
        modified.put(id, next);
        return next;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> order) {
        return (List<Map<String, Object>>) ((Map<String, Object>) order.get("orderLines")).get("orderLine");
    }

    private static @Nullable Map<String, Object> line(Map<String, Object> order, String lineNumber) {
        return lines(order).stream().filter(line -> line.get("lineNumber").equals(lineNumber)).findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statuses(Map<String, Object> line) {
        return (List<Map<String, Object>>) ((Map<String, Object>) line.get("orderLineStatuses")).get("orderLineStatus");
    }

    private static int units(Map<String, Object> status) {
        @SuppressWarnings("unchecked")
        Map<String, Object> quantity = (Map<String, Object>) status.get("statusQuantity");
        return Integer.parseInt((String) quantity.get("amount"));
    }

    private static int open(Map<String, Object> line) {
        return statuses(line).stream().filter(status -> status.get("status").equals("Created")
                || status.get("status").equals("Acknowledged")).mapToInt(WalmartSandboxStore::units).sum();
    }

    /** Moves {@code quantity} open units of the line to {@code to}. */
    private static void move(Map<String, Object> line, int quantity, Map<String, Object> to) {
        int left = quantity;
        List<Map<String, Object>> statuses = statuses(line);
        for (Map<String, Object> status : new ArrayList<>(statuses)) {
            if (left == 0 || !(status.get("status").equals("Created") || status.get("status").equals("Acknowledged"))) {
                continue;
            }
            int units = units(status);
            int take = Math.min(units, left);
            left -= take;
            if (take == units) {
                statuses.remove(status);
            } else {
                status.put("statusQuantity", Map.of("unitOfMeasurement", "EACH", "amount", String.valueOf(units - take)));
            }
        }
        statuses.add(to);
    }

    private static Map<String, Object> status(String name, int quantity) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", name);
        status.put("statusQuantity", Map.of("unitOfMeasurement", "EACH", "amount", String.valueOf(quantity)));
        return status;
    }

    private static Map<String, Object> each(int amount) {
        return Map.of("unit", "EACH", "amount", amount);
    }

    private static String header(Call call, String name) {
        return call.headers().entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    private static Answer ok(Object body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        return new Answer(200, headers, JSON.writeValueAsString(body));
    }

    private static Answer error(int status, String code, String description) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        return new Answer(status, headers, JSON.writeValueAsString(Map.of("errors", Map.of("error", List.of(
                Map.of("code", code, "field", "data", "description", description, "info", description,
                        "severity", "ERROR", "category", "DATA"))))));
    }

}
