package com.crossdock.portal.channel.walmart;

import com.crossdock.portal.channel.amazon.Pace;
import com.crossdock.portal.channel.amazon.SpApiException;
import com.crossdock.portal.channel.amazon.SpApiTransport;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.CancelledLine;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.FeedStatus;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.OrdersPage;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.RefundLine;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.ShippedLine;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.SkuInventory;
import com.crossdock.portal.channel.walmart.WalmartReturnParser.ReturnsPage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Walmart Marketplace API of one seller over {@code java.net.http}: Orders v3 ({@code getAllOrders} by
 * {@code lastModifiedStartDate} or {@code createdStartDate}, paged by {@code nextCursor}; one order; acknowledge;
 * shipping updates with a carrier and tracking number per line; cancelling and refunding lines), Returns
 * ({@code getReturns} by {@code returnLastModifiedStartDate}, paged by {@code nextCursor}), Inventory (a SKU's
 * quantity per ship node, the list of all SKUs) and Feeds (the multi-node bulk {@code MP_INVENTORY} feed and its
 * status). Every call carries {@code WM_SEC.ACCESS_TOKEN}, {@code WM_SVC.NAME} and a fresh
 * {@code WM_QOS.CORRELATION_ID}. A 429 waits as {@link WalmartLimiter} says and goes again; a 401 renews the
 * token once; a 5xx or no answer is tried again a few times with a growing wait. Thread-safe.
 */
public final class WalmartClient {

    /** What Walmart asks callers to name themselves in {@code WM_SVC.NAME}. */
    public static final String SERVICE_NAME = "Walmart Marketplace";
    /** How often a 5xx or an unreachable Walmart is tried before the call fails. */
    static final int SERVER_ATTEMPTS = 4;
    /** A call still throttled after this many waits fails. */
    static final int THROTTLE_ATTEMPTS = 30;
    /** Orders per page; Walmart allows up to 200. */
    static final int PAGE_SIZE = 100;

    private final URI endpoint;
    private final SpApiTransport transport;
    private final WalmartTokens tokens;
    private final WalmartLimiter limiter;
    private final Pace pace;
    private final WalmartOrderParser parser = new WalmartOrderParser();
    private final WalmartReturnParser returnParser = new WalmartReturnParser();

    /** @param endpoint {@code https://marketplace.walmartapis.com}, or the sandbox's address */
    public WalmartClient(URI endpoint, SpApiTransport transport, WalmartTokens tokens, WalmartLimiter limiter,
            Pace pace) {
        this.endpoint = endpoint;
        this.transport = transport;
        this.tokens = tokens;
        this.limiter = limiter;
        this.pace = pace;
    }

    /** Whether another bulk feed may go this hour; takes it when it may. */
    public boolean tryFeed() {
        return limiter.tryFeed();
    }

    /**
     * The first page of purchase orders changed since {@code lastModifiedStart}, or the page {@code nextCursor}
     * (Walmart's {@code meta.nextCursor}, a query string) names. No order at all is an empty page.
     */
    public OrdersPage orders(Instant lastModifiedStart, @Nullable String nextCursor) {
        String query = nextCursor != null ? nextCursor
                : "?lastModifiedStartDate=" + encode(lastModifiedStart.truncatedTo(ChronoUnit.SECONDS).toString())
                        + "&limit=" + PAGE_SIZE;
        Optional<String> body = call(WalmartOperation.GET_ALL_ORDERS, "GET", "/v3/orders"
                + (query.startsWith("?") ? query : "?" + query), null, true);
        return body.map(json -> parser.parseOrdersPage(json.getBytes(StandardCharsets.UTF_8)))
                .orElse(new OrdersPage(List.of(), null));
    }

    /** Orders created since {@code createdStart} (the first import of a new seller). */
    public OrdersPage ordersCreatedSince(Instant createdStart) {
        Optional<String> body = call(WalmartOperation.GET_ALL_ORDERS, "GET", "/v3/orders?createdStartDate="
                + encode(createdStart.truncatedTo(ChronoUnit.SECONDS).toString()) + "&limit=" + PAGE_SIZE, null, true);
        return body.map(json -> parser.parseOrdersPage(json.getBytes(StandardCharsets.UTF_8)))
                .orElse(new OrdersPage(List.of(), null));
    }

    /** One purchase order's JSON, or empty when Walmart does not know it. */
    public Optional<String> order(String purchaseOrderId) {
        return call(WalmartOperation.GET_ORDER, "GET", "/v3/orders/" + encode(purchaseOrderId), null, true)
                .map(json -> parser.orderOfResponse(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Acknowledges a purchase order: the seller has it and will ship it. */
    public void acknowledge(String purchaseOrderId) {
        call(WalmartOperation.ACKNOWLEDGE, "POST", "/v3/orders/" + encode(purchaseOrderId) + "/acknowledge", "",
                false);
    }

    /** A shipping update: each line's units with their own carrier and tracking (a split shipment is one per parcel). */
    public void ship(String purchaseOrderId, List<ShippedLine> lines) {
        List<Object> orderLines = new ArrayList<>();
        for (ShippedLine line : lines) {
            Map<String, Object> tracking = new LinkedHashMap<>();
            tracking.put("shipDateTime", line.shipDateTime().toEpochMilli());
            tracking.put("carrierName", KNOWN_CARRIERS.contains(line.carrier()) ? Map.of("carrier", line.carrier())
                    : Map.of("otherCarrier", line.carrier()));
            tracking.put("methodCode", line.methodCode() == null ? "Standard" : line.methodCode());
            tracking.put("trackingNumber", line.trackingNumber());
            if (line.trackingUrl() != null) {
                tracking.put("trackingURL", line.trackingUrl());
            }
            orderLines.add(Map.of("lineNumber", line.lineNumber(), "orderLineStatuses", Map.of("orderLineStatus",
                    List.of(Map.of("status", "Shipped", "statusQuantity", quantity("EACH", line.quantity()),
                            "trackingInfo", tracking)))));
        }
        call(WalmartOperation.SHIP, "POST", "/v3/orders/" + encode(purchaseOrderId) + "/shipping",
                json(Map.of("orderShipment", Map.of("orderLines", Map.of("orderLine", orderLines)))), false);
    }

    /** Cancels units of lines, each with Walmart's reason code. */
    public void cancel(String purchaseOrderId, List<CancelledLine> lines) {
        List<Object> orderLines = lines.stream().<Object>map(line -> Map.of("lineNumber", line.lineNumber(),
                "orderLineStatuses", Map.of("orderLineStatus", List.of(Map.of("status", "Cancelled",
                        "cancellationReason", line.reason(), "statusQuantity", quantity("EA", line.quantity()))))))
                .toList();
        call(WalmartOperation.CANCEL, "POST", "/v3/orders/" + encode(purchaseOrderId) + "/cancel",
                json(Map.of("orderCancellation", Map.of("orderLines", Map.of("orderLine", orderLines)))), false);
    }

    /**
     * Refunds lines (negative amounts of their product charge and tax) with the seller's {@code comments} on each
     * line's refund (Crossdock names the RMA's idempotency key there, so a refund sent before can be found on the
     * order); answers the purchase order as Walmart shows it afterwards.
     */
    public String refund(String purchaseOrderId, List<RefundLine> lines, String comments) {
        List<Object> orderLines = lines.stream().<Object>map(line -> {
            Map<String, Object> charge = new LinkedHashMap<>();
            charge.put("chargeType", "PRODUCT");
            charge.put("chargeName", "Item Price");
            charge.put("chargeAmount", Map.of("currency", line.currency(), "amount", line.amount()));
            if (line.tax() != null) {
                charge.put("tax", Map.of("taxName", "Item Price Tax", "taxAmount", Map.of("currency",
                        line.currency(), "amount", line.tax())));
            }
            return Map.of("lineNumber", line.lineNumber(), "isFullRefund", line.fullRefund(), "refunds",
                    Map.of("refund", List.of(Map.of("refundComments", comments, "refundCharges",
                            Map.of("refundCharge", List.of(Map.of("refundReason", line.reason(), "charge",
                                    charge)))))));
        }).toList();
        return call(WalmartOperation.REFUND, "POST", "/v3/orders/" + encode(purchaseOrderId) + "/refund",
                json(Map.of("orderRefund", Map.of("purchaseOrderId", purchaseOrderId, "orderLines",
                        Map.of("orderLine", orderLines)))), false).map(answer -> parser.orderOfResponse(
                                answer.getBytes(StandardCharsets.UTF_8))).orElseThrow();
    }

    /**
     * The first page of return orders changed since {@code lastModifiedStart} ({@code GET /v3/returns} by
     * {@code returnLastModifiedStartDate}), or the page {@code nextCursor} names. None at all is an empty page.
     */
    public ReturnsPage returns(Instant lastModifiedStart, @Nullable String nextCursor) {
        String query = nextCursor != null ? nextCursor
                : "?returnLastModifiedStartDate=" + encode(lastModifiedStart.truncatedTo(ChronoUnit.SECONDS)
                        .toString()) + "&limit=" + PAGE_SIZE;
        Optional<String> body = call(WalmartOperation.GET_RETURNS, "GET", "/v3/returns"
                + (query.startsWith("?") ? query : "?" + query), null, true);
        return body.map(json -> returnParser.parseReturnsPage(json.getBytes(StandardCharsets.UTF_8)))
                .orElse(new ReturnsPage(List.of(), null));
    }

    /** Sets a SKU's quantity at each given ship node ({@code PUT /v3/inventories/{sku}}). */
    public void updateInventory(String sku, Map<String, Integer> quantityByShipNode) {
        List<Object> nodes = quantityByShipNode.entrySet().stream().<Object>map(node -> Map.of("shipNode",
                node.getKey(), "inputQty", quantity(null, node.getValue()))).toList();
        call(WalmartOperation.UPDATE_INVENTORY, "PUT", "/v3/inventories/" + encode(sku),
                json(Map.of("inventories", Map.of("nodes", nodes))), false);
    }

    /** Every SKU's quantities per ship node, all pages read. */
    public List<SkuInventory> inventories() {
        List<SkuInventory> all = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/v3/inventories?limit=50" + (cursor == null ? "" : "&nextCursor=" + encode(cursor));
            var page = parser.parseInventoryPage(call(WalmartOperation.GET_INVENTORIES, "GET", path, null, false)
                    .orElseThrow().getBytes(StandardCharsets.UTF_8));
            all.addAll(page.inventories());
            cursor = page.inventories().isEmpty() ? null : page.nextCursor();
        } while (cursor != null);
        return all;
    }

    /**
     * Submits a multi-node bulk inventory feed (version 1.5) as {@code feedType=MP_INVENTORY}; answers the feed id.
     * Call {@link #tryFeed} first: Walmart accepts only {@link WalmartLimiter#FEEDS_PER_HOUR} an hour.
     */
    public String submitInventoryFeed(Map<String, Map<String, Integer>> quantityByShipNodeBySku) {
        List<Object> inventory = quantityByShipNodeBySku.entrySet().stream().<Object>map(sku -> Map.of("sku",
                sku.getKey(), "shipNodes", sku.getValue().entrySet().stream().map(node -> Map.of("shipNode",
                        node.getKey(), "quantity", quantity(null, node.getValue()))).toList())).toList();
        String feed = json(Map.of("inventoryHeader", Map.of("version", "1.5"), "inventory", inventory));
        String boundary = "crossdock-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"inventory.json\""
                + "\r\nContent-Type: application/json\r\n\r\n" + feed + "\r\n--" + boundary + "--\r\n";
        String answer = call(WalmartOperation.SUBMIT_FEED, "POST", "/v3/feeds?feedType=MP_INVENTORY", body, false,
                "multipart/form-data; boundary=" + boundary).orElseThrow();
        return parser.parseFeedId(answer.getBytes(StandardCharsets.UTF_8));
    }

    /** A feed's status with each SKU's result. */
    public FeedStatus feedStatus(String feedId) {
        return parser.parseFeedStatus(call(WalmartOperation.FEED_STATUS, "GET", "/v3/feeds/" + encode(feedId)
                + "?includeDetails=true", null, false).orElseThrow().getBytes(StandardCharsets.UTF_8));
    }

    /** Carriers Walmart knows by name; others go as {@code otherCarrier}. */
    private static final List<String> KNOWN_CARRIERS = List.of("UPS", "USPS", "FedEx", "DHL", "OnTrac", "LSO",
            "LaserShip", "Pitney Bowes", "Estes", "Old Dominion", "Saia", "XPO Logistics", "YRC", "Spee Dee");

    private Optional<String> call(WalmartOperation operation, String method, String pathAndQuery,
            @Nullable String body, boolean notFoundIsEmpty) {
        return call(operation, method, pathAndQuery, body, notFoundIsEmpty, "application/json");
    }

    private Optional<String> call(WalmartOperation operation, String method, String pathAndQuery,
            @Nullable String body, boolean notFoundIsEmpty, String contentType) {
        URI uri = URI.create(endpoint.toString().replaceAll("/+$", "") + pathAndQuery);
        int serverFailures = 0;
        int throttles = 0;
        boolean renewed = false;
        String token = tokens.token();
        while (true) {
            limiter.acquire(operation);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("WM_SEC.ACCESS_TOKEN", token);
            headers.put("WM_SVC.NAME", SERVICE_NAME);
            headers.put("WM_QOS.CORRELATION_ID", UUID.randomUUID().toString());
            headers.put("Accept", "application/json");
            if (body != null) {
                headers.put("Content-Type", contentType);
            }
            SpApiTransport.Answer answer;
            try {
                answer = transport.send(new SpApiTransport.Call(method, uri, headers, body == null ? "" : body));
            } catch (SpApiException unreachable) {
                if (++serverFailures >= SERVER_ATTEMPTS) {
                    throw new WalmartApiException(operation + ": " + unreachable.getMessage(), unreachable);
                }
                pace.sleep(backoff(serverFailures));
                continue;
            }
            int status = answer.status();
            if (status == 429) {
                limiter.throttled(operation, answer.header("x-next-replenish-time"));
                if (++throttles >= THROTTLE_ATTEMPTS) {
                    throw new WalmartApiException(operation + " was still throttled after " + throttles + " waits",
                            429);
                }
                continue;
            }
            limiter.observe(operation, answer.header("x-current-token-count"),
                    answer.header("x-next-replenish-time"));
            if (status >= 200 && status < 300) {
                return Optional.of(answer.body());
            }
            if (status == 404 && notFoundIsEmpty) {
                return Optional.empty();
            }
            if (status == 401 && !renewed) {
                renewed = true;
                token = tokens.rejected(token);
                continue;
            }
            if (status >= 500 && ++serverFailures < SERVER_ATTEMPTS) {
                pace.sleep(backoff(serverFailures));
                continue;
            }
            throw new WalmartApiException(operation + " answered " + status + ": " + errorMessage(answer), status);
        }
    }

    private static Map<String, Object> quantity(@Nullable String unitOfMeasurement, int amount) {
        return unitOfMeasurement == null ? Map.of("unit", "EACH", "amount", amount)
                : Map.of("unitOfMeasurement", unitOfMeasurement, "amount", String.valueOf(amount));
    }

    private static String json(Object value) {
        return WalmartOrderParser.MAPPER.writeValueAsString(value);
    }

    private static String errorMessage(SpApiTransport.Answer answer) {
        String body = answer.body().strip();
        return body.isEmpty() ? "(no body)" : body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }

    private static Duration backoff(int attempt) {
        return Duration.ofMillis(500L << Math.min(attempt, 6));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
