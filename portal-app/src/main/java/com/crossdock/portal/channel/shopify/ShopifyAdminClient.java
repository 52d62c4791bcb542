package com.crossdock.portal.channel.shopify;

import com.crossdock.portal.channel.shopify.ShopifyApiException.Kind;
import com.crossdock.portal.channel.PayloadProblem;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shopify's Admin GraphQL API for one shop: the order poll, fulfillment and inventory write-back with the lookups
 * they need (fulfillment orders, existing fulfillments, inventory items by SKU, the primary location), and the check
 * of granted access scopes.
 *
 * <p>It paces itself by the cost data Shopify returns ({@code extensions.cost.throttleStatus}): before a query it
 * waits until the bucket holds what that query cost last time. A 429 is retried after {@code Retry-After}, a
 * {@code THROTTLED} error once the bucket has refilled, and 5xx answers and timeouts with exponential backoff and
 * jitter (Resilience4j), except for a fulfillment, which is not safe to send twice. Thread-safe; make one per shop
 * and reuse it so the pacing sees every call.
 */
public final class ShopifyAdminClient {

    /** The Admin API version the queries are written for. */
    public static final String API_VERSION = "2026-07";

    private static final Logger log = LoggerFactory.getLogger(ShopifyAdminClient.class);
    private static final Pattern SHOP_DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]*\\.myshopify\\.com");
    private static final Pattern API_VERSION_FORMAT = Pattern.compile("[0-9]{4}-[0-9]{2}|unstable");
    private static final Pattern SECONDS = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final int MAX_PAGE_SIZE = 250;
    /** SKUs per {@code productVariants} search; Shopify limits a search's length and terms. */
    private static final int SKUS_PER_SEARCH = 25;
    /** Variants per page of a SKU search: twice the SKUs, so a batch usually takes one page. */
    private static final int VARIANTS_PER_PAGE = 50;

    private final URI endpoint;
    private final String accessToken;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Duration maxWait;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ShopifyThrottle throttle;
    private final Retry retry;
    private final ShopifyOrderParser parser = new ShopifyOrderParser();

    private ShopifyAdminClient(Builder builder) {
        String base = builder.baseUrl.toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base + "/admin/api/" + builder.apiVersion + "/graphql.json");
        this.accessToken = builder.accessToken;
        this.http = builder.httpClient != null ? builder.httpClient
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.requestTimeout = builder.requestTimeout;
        this.maxWait = builder.maxWait;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        this.throttle = new ShopifyThrottle(builder.clock);
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(
                builder.initialBackoff, 2.0, 0.5, builder.maxBackoff);
        RetryConfig config = RetryConfig.<Object>custom()
                .maxAttempts(builder.maxAttempts)
                .retryOnException(TransientFailure.class::isInstance)
                .intervalBiFunction((attempt, outcome) -> outcome.isLeft()
                        && outcome.getLeft() instanceof TransientFailure failure && failure.requiredWait() != null
                        ? failure.requiredWait().toMillis()
                        : backoff.apply(attempt))
                .build();
        this.retry = Retry.of("shopify-admin " + builder.shopDomain, config);
    }

    /**
     * Starts a client for {@code shopDomain} ({@code example.myshopify.com}) with the app's Admin API access token.
     */
    public static Builder builder(String shopDomain, String accessToken) {
        return new Builder(shopDomain, accessToken);
    }

    /**
     * The access scopes the merchant granted the app (e.g. {@code read_orders}, {@code write_fulfillments}), to show
     * during onboarding what the connection can and cannot do.
     *
     * @throws ShopifyApiException     when Shopify refuses the call or stays unavailable
     * @throws ShopifyPayloadException when the answer is not what the query asks for
     */
    public List<String> accessScopes() {
        JsonNode data = execute(AdminGraphQl.ACCESS_SCOPES, ShopifyJson.MAPPER.createObjectNode());
        JsonNode scopes = data.path("currentAppInstallation").path("accessScopes");
        if (!scopes.isArray()) {
            throw new ShopifyPayloadException(PayloadProblem.MISSING_FIELD, "$.data.currentAppInstallation.accessScopes",
                    "expected a list of access scopes");
        }
        List<String> handles = new ArrayList<>();
        for (int i = 0; i < scopes.size(); i++) {
            handles.add(requireText(scopes.get(i).path("handle"),
                    "$.data.currentAppInstallation.accessScopes[" + i + "].handle"));
        }
        return List.copyOf(handles);
    }

    /**
     * One page of the orders changed at or after {@code since}, oldest change first, in any status (open, closed,
     * cancelled). The boundary is inclusive and pages may shift while orders change, so the same order can come
     * twice: keep the newest {@code updatedAt} per order.
     *
     * @param cursor   the {@link OrderPage#nextCursor()} of the previous page, or {@code null} for the first page
     * @param pageSize orders per page, 1 to 250; Shopify prices a page by its size, so about 10 keeps a page well
     *                 inside the bucket
     * @throws ShopifyApiException     when Shopify refuses the call or stays unavailable
     * @throws ShopifyPayloadException when the page itself is not what the query asks for (a single unreadable order
     *                                 is a {@link PolledOrder.Rejected} instead)
     */
    public OrderPage ordersUpdatedSince(Instant since, @Nullable String cursor, int pageSize) {
        return ordersUpdatedSince(since, "", cursor, pageSize);
    }

    /**
     * As {@link #ordersUpdatedSince(Instant, String, int)}, narrowed by more of Shopify's search syntax, e.g.
     * {@code status:cancelled}.
     */
    public OrderPage ordersUpdatedSince(Instant since, String filter, @Nullable String cursor, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1 to " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        ObjectNode variables = ShopifyJson.MAPPER.createObjectNode()
                .put("first", pageSize)
                // Shopify's search syntax; whole seconds, rounded down, so nothing at the boundary is missed
                .put("query", ("updated_at:>='" + since.truncatedTo(ChronoUnit.SECONDS) + "' " + filter).strip());
        if (cursor != null) {
            variables.put("after", cursor);
        }
        JsonNode orders = execute(AdminGraphQl.ORDERS_UPDATED_SINCE, variables).path("orders");
        JsonNode nodes = orders.path("nodes");
        if (!nodes.isArray()) {
            throw new ShopifyPayloadException(PayloadProblem.MISSING_FIELD, "$.data.orders.nodes", "expected a list of orders");
        }
        List<PolledOrder> polled = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (node instanceof ObjectNode order) {
                fetchRemainingLineItems(order);
            }
            polled.add(parse(node));
        }
        return new OrderPage(polled, nextCursor(orders.path("pageInfo"), "$.data.orders.pageInfo"));
    }

    /**
     * Reports one shipment against one fulfillment order, with its carrier, tracking numbers and the quantities it
     * carried. A split shipment is one call per parcel. It is not retried after a 5xx or a timeout, because Shopify
     * may have created it; that case is {@link Kind#OUTCOME_UNKNOWN}.
     *
     * @return the GID of the new fulfillment
     * @throws ShopifyApiException     {@link Kind#USER_ERRORS} with Shopify's messages when it refuses the shipment
     *                                 (e.g. more units than the fulfillment order has left), or another kind
     * @throws ShopifyPayloadException when the answer is not what the mutation asks for
     */
    public String createFulfillment(FulfillmentRequest request) {
        ObjectNode fulfillment = ShopifyJson.MAPPER.createObjectNode();
        ObjectNode byOrder = fulfillment.putArray("lineItemsByFulfillmentOrder").addObject()
                .put("fulfillmentOrderId", request.fulfillmentOrderId());
        ArrayNode lines = byOrder.putArray("fulfillmentOrderLineItems");
        for (FulfillmentRequest.Line line : request.lines()) {
            lines.addObject().put("id", line.fulfillmentOrderLineItemId()).put("quantity", line.quantity());
        }
        if (request.carrier() != null || !request.trackingNumbers().isEmpty()) {
            ObjectNode tracking = fulfillment.putObject("trackingInfo");
            if (request.carrier() != null) {
                tracking.put("company", request.carrier());
            }
            ArrayNode numbers = tracking.putArray("numbers");
            request.trackingNumbers().forEach(numbers::add);
        }
        fulfillment.put("notifyCustomer", request.notifyCustomer());
        ObjectNode variables = ShopifyJson.MAPPER.createObjectNode();
        variables.set("fulfillment", fulfillment);

        JsonNode payload = execute(AdminGraphQl.FULFILLMENT_CREATE, variables).path("fulfillmentCreate");
        requireNoUserErrors(AdminGraphQl.FULFILLMENT_CREATE, payload);
        return requireText(payload.path("fulfillment").path("id"), "$.data.fulfillmentCreate.fulfillment.id");
    }

    /**
     * Refunds the returned units of an order once their disposition is decided: units back in stock are refunded
     * with restock type {@code RETURN} at {@code locationId}, the others with {@code NO_RESTOCK}. Sent with the
     * request's idempotency key, so a repeat after a lost answer refunds once.
     *
     * @return the GID of the refund
     * @throws ShopifyApiException     {@link Kind#USER_ERRORS} when Shopify refuses it (e.g. more units than are
     *                                 left to refund), or another kind
     * @throws ShopifyPayloadException when the answer is not what the mutation asks for
     */
    public String createReturnRefund(ReturnRefundRequest request) {
        ObjectNode input = ShopifyJson.MAPPER.createObjectNode()
                .put("orderId", request.orderId())
                .put("note", request.note())
                .put("notify", true);
        ArrayNode lines = input.putArray("refundLineItems");
        for (ReturnRefundRequest.Line line : request.lines()) {
            ObjectNode item = lines.addObject().put("lineItemId", line.lineItemId()).put("quantity", line.quantity())
                    .put("restockType", line.restock() ? "RETURN" : "NO_RESTOCK");
            if (line.restock() && request.locationId() != null) {
                item.put("locationId", request.locationId());
            }
        }
        ObjectNode variables = ShopifyJson.MAPPER.createObjectNode();
        variables.set("input", input);
        variables.put("idempotencyKey", request.idempotencyKey());

        JsonNode payload = execute(AdminGraphQl.REFUND_CREATE, variables).path("refundCreate");
        requireNoUserErrors(AdminGraphQl.REFUND_CREATE, payload);
        return requireText(payload.path("refund").path("id"), "$.data.refundCreate.refund.id");
    }

    /**
     * Sets the available quantity of one item at one location ({@code inventorySetQuantities} with reason
     * {@code correction}), sent with the update's idempotency key so that retries and repeats apply it once.
     *
     * @throws ShopifyApiException     {@link Kind#USER_ERRORS} when Shopify refuses it, e.g.
     *                                 {@code CHANGE_FROM_QUANTITY_STALE} when Shopify's quantity is not
     *                                 {@link AvailableQuantityUpdate#changeFromQuantity()}; or another kind
     * @throws ShopifyPayloadException when the answer is not what the mutation asks for
     */
    public void setAvailableQuantity(AvailableQuantityUpdate update) {
        ObjectNode input = ShopifyJson.MAPPER.createObjectNode()
                .put("name", "available")
                .put("reason", "correction");
        if (update.referenceDocumentUri() != null) {
            input.put("referenceDocumentUri", update.referenceDocumentUri());
        }
        ObjectNode quantity = input.putArray("quantities").addObject()
                .put("inventoryItemId", update.inventoryItemId())
                .put("locationId", update.locationId())
                .put("quantity", update.quantity());
        // since 2026-04 Shopify wants changeFromQuantity on every quantity; an explicit null opts out of the check
        if (update.changeFromQuantity() == null) {
            quantity.putNull("changeFromQuantity");
        } else {
            quantity.put("changeFromQuantity", update.changeFromQuantity().intValue());
        }
        ObjectNode variables = ShopifyJson.MAPPER.createObjectNode();
        variables.set("input", input);
        variables.put("idempotencyKey", update.idempotencyKey());

        JsonNode payload = execute(AdminGraphQl.INVENTORY_SET_QUANTITIES, variables).path("inventorySetQuantities");
        if (!payload.isObject()) {
            throw new ShopifyPayloadException(PayloadProblem.MISSING_FIELD, "$.data.inventorySetQuantities",
                    "expected the mutation's payload");
        }
        requireNoUserErrors(AdminGraphQl.INVENTORY_SET_QUANTITIES, payload);
    }

    /**
     * Every fulfillment order of an order, with each line's remaining quantity: what the shipments of the order are
     * reported against. All pages are fetched, of the fulfillment orders and of each one's lines.
     *
     * @param orderId the order, as its GID or the bare number
     * @throws ShopifyApiException     {@link Kind#NOT_FOUND} when the shop has no such order, or another kind
     * @throws ShopifyPayloadException when the answer is not what the query asks for
     */
    public List<FulfillmentOrderInfo> fulfillmentOrdersOf(String orderId) {
        String id = ShopifyGid.of("Order", orderId);
        List<FulfillmentOrderInfo> fulfillmentOrders = new ArrayList<>();
        String after = null;
        do {
            ObjectNode variables = ShopifyJson.MAPPER.createObjectNode().put("id", id);
            if (after != null) {
                variables.put("after", after);
            }
            JsonNode connection = existingOrder(AdminGraphQl.ORDER_FULFILLMENT_ORDERS, variables, id)
                    .path("fulfillmentOrders");
            String path = "$.data.order.fulfillmentOrders";
            JsonNode nodes = requireArray(connection.path("nodes"), path + ".nodes");
            for (int i = 0; i < nodes.size(); i++) {
                fulfillmentOrders.add(fulfillmentOrder(nodes.get(i), path + ".nodes[" + i + "]"));
            }
            after = nextCursor(connection.path("pageInfo"), path + ".pageInfo", after);
        } while (after != null);
        return List.copyOf(fulfillmentOrders);
    }

    /**
     * The fulfillments an order already has, with their tracking numbers. After a {@code fulfillmentCreate} that
     * ended in {@link Kind#OUTCOME_UNKNOWN}, look for one that {@linkplain FulfillmentInfo#carries carries} the
     * shipment's tracking numbers before sending it again.
     *
     * @param orderId the order, as its GID or the bare number
     * @throws ShopifyApiException     {@link Kind#NOT_FOUND} when the shop has no such order, or another kind
     * @throws ShopifyPayloadException when the answer is not what the query asks for
     */
    public List<FulfillmentInfo> fulfillmentsOf(String orderId) {
        String id = ShopifyGid.of("Order", orderId);
        JsonNode order = existingOrder(AdminGraphQl.ORDER_FULFILLMENTS,
                ShopifyJson.MAPPER.createObjectNode().put("id", id), id);
        JsonNode fulfillments = requireArray(order.path("fulfillments"), "$.data.order.fulfillments");
        List<FulfillmentInfo> found = new ArrayList<>();
        for (int i = 0; i < fulfillments.size(); i++) {
            String path = "$.data.order.fulfillments[" + i + "]";
            JsonNode fulfillment = fulfillments.get(i);
            JsonNode tracking = requireArray(fulfillment.path("trackingInfo"), path + ".trackingInfo");
            List<String> numbers = new ArrayList<>();
            for (int j = 0; j < tracking.size(); j++) {
                JsonNode number = tracking.get(j).path("number");
                // Shopify allows tracking info without a number (a carrier only)
                if (!number.isNull() && !number.isMissingNode()) {
                    numbers.add(requireText(number, path + ".trackingInfo[" + j + "].number"));
                }
            }
            found.add(new FulfillmentInfo(requireText(fulfillment.path("id"), path + ".id"),
                    requireText(fulfillment.path("status"), path + ".status"), numbers));
        }
        return List.copyOf(found);
    }

    /**
     * The inventory items of the variants carrying {@code skus}, found with {@code productVariants} searches of
     * 25 SKUs each, every page read. Shopify's search matches loosely, so only variants whose SKU
     * is exactly one asked for count; a SKU on two or more variants is {@linkplain InventoryItems#ambiguous()
     * ambiguous} and maps to none of them.
     *
     * @param skus the SKUs, none blank; repeats are looked up once
     * @throws ShopifyApiException     when Shopify refuses the call or stays unavailable
     * @throws ShopifyPayloadException when the answer is not what the query asks for
     */
    public InventoryItems inventoryItemIdsBySku(Collection<String> skus) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String sku : skus) {
            if (sku == null || sku.isBlank()) {
                throw new IllegalArgumentException("a SKU to look up must not be blank");
            }
            wanted.add(sku);
        }
        // SKU → variant GID → inventory item GID, so a variant seen twice (pages shift) is still one variant
        Map<String, Map<String, String>> variantsBySku = new HashMap<>();
        List<String> all = List.copyOf(wanted);
        for (int from = 0; from < all.size(); from += SKUS_PER_SEARCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + SKUS_PER_SEARCH));
            searchVariants(batch, variantsBySku);
        }
        Map<String, String> found = new LinkedHashMap<>();
        Set<String> ambiguous = new LinkedHashSet<>();
        Set<String> notFound = new LinkedHashSet<>();
        for (String sku : wanted) {
            Map<String, String> variants = variantsBySku.getOrDefault(sku, Map.of());
            if (variants.size() == 1) {
                found.put(sku, variants.values().iterator().next());
            } else if (variants.isEmpty()) {
                notFound.add(sku);
            } else {
                ambiguous.add(sku);
            }
        }
        if (!ambiguous.isEmpty()) {
            log.warn("Shopify SKUs carried by more than one variant, so not mapped to an inventory item: {}",
                    ambiguous);
        }
        return new InventoryItems(found, ambiguous, notFound);
    }

    /**
     * The GID of the location Crossdock sets stock at: the first active location that fulfils online orders.
     *
     * @throws ShopifyApiException     {@link Kind#NOT_FOUND} when no active location fulfils online orders, or
     *                                 another kind
     * @throws ShopifyPayloadException when the answer is not what the query asks for
     */
    public String primaryLocationId() {
        JsonNode data = execute(AdminGraphQl.LOCATIONS, ShopifyJson.MAPPER.createObjectNode());
        JsonNode nodes = requireArray(data.path("locations").path("nodes"), "$.data.locations.nodes");
        for (int i = 0; i < nodes.size(); i++) {
            String path = "$.data.locations.nodes[" + i + "]";
            JsonNode location = nodes.get(i);
            if (requireBoolean(location.path("isActive"), path + ".isActive")
                    && requireBoolean(location.path("fulfillsOnlineOrders"), path + ".fulfillsOnlineOrders")) {
                return requireText(location.path("id"), path + ".id");
            }
        }
        throw new ShopifyApiException(Kind.NOT_FOUND, AdminGraphQl.LOCATIONS.operationName(),
                "none of the shop's " + nodes.size() + " active locations fulfils online orders; turn on "
                        + "\"Fulfill online orders from this location\" for the warehouse's location in Shopify",
                null);
    }

    /**
     * What the store shows as sellable for each SKU ({@code ProductVariant.inventoryQuantity}, summed over the
     * variants carrying it); SKUs the store does not carry are left out.
     *
     * @throws ShopifyApiException     when Shopify refuses the call or stays unavailable
     * @throws ShopifyPayloadException when the answer is not what the query asks for
     */
    public Map<String, Integer> sellableBySku(Collection<String> skus) {
        List<String> all = skus.stream().filter(sku -> sku != null && !sku.isBlank()).distinct().toList();
        Map<String, Integer> sellable = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += SKUS_PER_SEARCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + SKUS_PER_SEARCH));
            StringBuilder query = new StringBuilder();
            for (String sku : batch) {
                query.append(query.isEmpty() ? "" : " OR ").append("sku:").append(searchValue(sku));
            }
            Set<String> inBatch = Set.copyOf(batch);
            Set<String> seen = new java.util.HashSet<>();
            String after = null;
            do {
                ObjectNode variables = ShopifyJson.MAPPER.createObjectNode().put("first", VARIANTS_PER_PAGE)
                        .put("query", query.toString());
                if (after != null) {
                    variables.put("after", after);
                }
                JsonNode connection = execute(AdminGraphQl.VARIANT_QUANTITIES_BY_SKU, variables)
                        .path("productVariants");
                JsonNode nodes = requireArray(connection.path("nodes"), "$.data.productVariants.nodes");
                for (int i = 0; i < nodes.size(); i++) {
                    String path = "$.data.productVariants.nodes[" + i + "]";
                    JsonNode variant = nodes.get(i);
                    JsonNode sku = variant.path("sku");
                    if (!sku.isString() || !inBatch.contains(sku.stringValue())
                            || !seen.add(requireText(variant.path("id"), path + ".id"))) {
                        continue;
                    }
                    JsonNode quantity = variant.path("inventoryQuantity");
                    if (!quantity.isIntegralNumber()) {
                        throw new ShopifyPayloadException(PayloadProblem.WRONG_TYPE,
                                path + ".inventoryQuantity", "expected a whole number, got " + quantity);
                    }
                    sellable.merge(sku.stringValue(), quantity.intValue(), Integer::sum);
                }
                after = nextCursor(connection.path("pageInfo"), "$.data.productVariants.pageInfo", after);
            } while (after != null);
        }
        return sellable;
    }

    private void searchVariants(List<String> batch, Map<String, Map<String, String>> variantsBySku) {
        StringBuilder query = new StringBuilder();
        for (String sku : batch) {
            query.append(query.isEmpty() ? "" : " OR ").append("sku:").append(searchValue(sku));
        }
        Set<String> inBatch = Set.copyOf(batch);
        String after = null;
        do {
            ObjectNode variables = ShopifyJson.MAPPER.createObjectNode()
                    .put("first", VARIANTS_PER_PAGE)
                    .put("query", query.toString());
            if (after != null) {
                variables.put("after", after);
            }
            JsonNode connection = execute(AdminGraphQl.VARIANTS_BY_SKU, variables).path("productVariants");
            JsonNode nodes = requireArray(connection.path("nodes"), "$.data.productVariants.nodes");
            for (int i = 0; i < nodes.size(); i++) {
                String path = "$.data.productVariants.nodes[" + i + "]";
                JsonNode variant = nodes.get(i);
                JsonNode sku = variant.path("sku");
                if (!sku.isString() || !inBatch.contains(sku.stringValue())) {
                    continue;
                }
                variantsBySku.computeIfAbsent(sku.stringValue(), key -> new HashMap<>())
                        .put(requireText(variant.path("id"), path + ".id"),
                                requireText(variant.path("inventoryItem").path("id"), path + ".inventoryItem.id"));
            }
            after = nextCursor(connection.path("pageInfo"), "$.data.productVariants.pageInfo", after);
        } while (after != null);
    }

    /** A value of Shopify's search syntax in single quotes, with quotes and backslashes escaped. */
    static String searchValue(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** The data's {@code order}, or {@link Kind#NOT_FOUND} when Shopify answers {@code null} for it. */
    private JsonNode existingOrder(AdminGraphQl operation, ObjectNode variables, String orderId) {
        JsonNode order = execute(operation, variables).path("order");
        if (order.isNull() || order.isMissingNode()) {
            throw new ShopifyApiException(Kind.NOT_FOUND, operation.operationName(),
                    "the shop has no order " + orderId + " (or the app may not read it)", null);
        }
        if (!order.isObject()) {
            throw new ShopifyPayloadException(PayloadProblem.WRONG_TYPE, "$.data.order",
                    "expected an object, found " + ShopifyJson.kind(order));
        }
        return order;
    }

    private FulfillmentOrderInfo fulfillmentOrder(JsonNode node, String path) {
        String id = requireText(node.path("id"), path + ".id");
        String status = requireText(node.path("status"), path + ".status");
        JsonNode connection = node.path("lineItems");
        List<FulfillmentOrderInfo.Line> lines = new ArrayList<>();
        String linesPath = path + ".lineItems";
        String after = null;
        while (true) {
            JsonNode nodes = requireArray(connection.path("nodes"), linesPath + ".nodes");
            for (int i = 0; i < nodes.size(); i++) {
                lines.add(fulfillmentOrderLine(nodes.get(i), linesPath + ".nodes[" + i + "]"));
            }
            after = nextCursor(connection.path("pageInfo"), linesPath + ".pageInfo", after);
            if (after == null) {
                return new FulfillmentOrderInfo(id, status, lines);
            }
            ObjectNode variables = ShopifyJson.MAPPER.createObjectNode().put("id", id).put("after", after);
            JsonNode fulfillmentOrder = execute(AdminGraphQl.FULFILLMENT_ORDER_LINE_ITEMS, variables)
                    .path("fulfillmentOrder");
            if (!fulfillmentOrder.isObject()) {
                // it was there a moment ago: a partial list would ship short, so refuse rather than guess
                throw new ShopifyPayloadException(PayloadProblem.INCOMPLETE, "$.data.fulfillmentOrder",
                        "fulfillment order " + id + " vanished while its lines were being read");
            }
            connection = fulfillmentOrder.path("lineItems");
            linesPath = "$.data.fulfillmentOrder.lineItems";
        }
    }

    private static FulfillmentOrderInfo.Line fulfillmentOrderLine(JsonNode node, String path) {
        JsonNode sku = node.path("sku");
        if (!sku.isNull() && !sku.isMissingNode() && !sku.isString()) {
            throw new ShopifyPayloadException(PayloadProblem.WRONG_TYPE, path + ".sku",
                    "expected text, found " + ShopifyJson.kind(sku));
        }
        JsonNode remaining = node.path("remainingQuantity");
        if (remaining.isNull() || remaining.isMissingNode()) {
            throw new ShopifyPayloadException(PayloadProblem.MISSING_FIELD, path + ".remainingQuantity",
                    "required but absent or null");
        }
        if (!remaining.isIntegralNumber() || !remaining.canConvertToInt()) {
            throw new ShopifyPayloadException(PayloadProblem.WRONG_TYPE, path + ".remainingQuantity",
                    "expected a whole number, found " + ShopifyJson.kind(remaining));
        }
        if (remaining.intValue() < 0) {
            throw new ShopifyPayloadException(PayloadProblem.INVALID_VALUE, path + ".remainingQuantity",
                    "a remaining quantity must not be negative, was " + remaining.intValue());
        }
        return new FulfillmentOrderInfo.Line(requireText(node.path("id"), path + ".id"),
                requireText(node.path("lineItem").path("id"), path + ".lineItem.id"),
                sku.isString() ? sku.stringValue() : "", remaining.intValue());
    }

    private PolledOrder parse(JsonNode node) {
        String raw = node.toString();
        try {
            // paths relative to the order itself, so they still point right when the stored raw JSON is replayed
            return new PolledOrder.Parsed(raw, parser.fromGraphQl(node, "$"));
        } catch (ShopifyPayloadException problem) {
            log.warn("Shopify order refused, to be quarantined: {}", problem.getMessage());
            return new PolledOrder.Rejected(raw, problem);
        }
    }

    /** Appends the line items beyond the first page to the order's JSON, so the parser sees the whole order. */
    private void fetchRemainingLineItems(ObjectNode order) {
        JsonNode lineItems = order.path("lineItems");
        if (!(lineItems instanceof ObjectNode connection) || !(connection.path("nodes") instanceof ArrayNode nodes)
                || !order.path("id").isString()) {
            return;
        }
        JsonNode pageInfo = connection.path("pageInfo");
        String lastCursor = null;
        while (pageInfo.path("hasNextPage").asBoolean(false) && pageInfo.path("endCursor").isString()
                && !pageInfo.path("endCursor").stringValue().equals(lastCursor)) {
            lastCursor = pageInfo.path("endCursor").stringValue();
            ObjectNode variables = ShopifyJson.MAPPER.createObjectNode()
                    .put("id", order.path("id").stringValue())
                    .put("after", lastCursor);
            JsonNode more = execute(AdminGraphQl.ORDER_LINE_ITEMS, variables).path("order").path("lineItems");
            if (!more.path("nodes").isArray()) {
                // the order is gone or unreadable: left as it is, the parser reports it incomplete
                return;
            }
            more.path("nodes").forEach(nodes::add);
            pageInfo = more.path("pageInfo");
            connection.set("pageInfo", pageInfo);
        }
    }

    private JsonNode execute(AdminGraphQl operation, ObjectNode variables) {
        ObjectNode request = ShopifyJson.MAPPER.createObjectNode().put("query", operation.document());
        request.set("variables", variables);
        byte[] body = ShopifyJson.MAPPER.writeValueAsBytes(request);
        // a page's cost grows with its size, so each size is its own estimate
        String costKey = operation.operationName() + "/" + variables.path("first").asInt(0);
        Retry.AsyncContext<Object> attempts = retry.asyncContext();
        while (true) {
            pause(operation, throttle.waitBefore(costKey));
            try {
                JsonNode data = attempt(operation, costKey, body);
                attempts.onComplete();
                return data;
            } catch (TransientFailure failure) {
                pause(operation, retryWait(operation, attempts, failure));
            }
        }
    }

    private Duration retryWait(AdminGraphQl operation, Retry.AsyncContext<Object> attempts, TransientFailure failure) {
        if (!operation.repeatable() && !failure.notApplied()) {
            throw new ShopifyApiException(Kind.OUTCOME_UNKNOWN, operation.operationName(), failure.getMessage()
                    + "; not retried, since Shopify may have applied it", failure);
        }
        long millis = attempts.onError(failure);
        if (millis < 0) {
            throw new ShopifyApiException(Kind.UNAVAILABLE, operation.operationName(),
                    "gave up after " + retry.getRetryConfig().getMaxAttempts() + " attempts: "
                            + failure.getMessage(), failure);
        }
        Duration wait = Duration.ofMillis(millis);
        if (wait.compareTo(maxWait) > 0) {
            throw new ShopifyApiException(Kind.UNAVAILABLE, operation.operationName(), failure.getMessage()
                    + "; Shopify asks to wait " + wait + ", longer than " + maxWait, failure);
        }
        log.info("Shopify {}: {}; retrying in {} ms", operation.operationName(), failure.getMessage(), millis);
        return wait;
    }

    private JsonNode attempt(AdminGraphQl operation, String costKey, byte[] body) throws TransientFailure {
        HttpResponse<byte[]> response = send(operation, body);
        int status = response.statusCode();
        if (status == 429) {
            throw TransientFailure.rateLimited(retryAfter(response));
        }
        if (status >= 500) {
            throw TransientFailure.serverError(status);
        }
        if (status != 200) {
            throw new ShopifyApiException(Kind.REJECTED, operation.operationName(),
                    "HTTP " + status + ": " + snippet(response.body()), null);
        }
        JsonNode root = ShopifyJson.readObject(response.body());
        throttle.record(costKey, root.path("extensions").path("cost"));
        List<String> errors = errorMessages(root.path("errors"));
        if (!errors.isEmpty()) {
            if (isThrottled(root.path("errors"))) {
                Duration untilAffordable = throttle.waitBefore(costKey);
                throw TransientFailure.throttled(untilAffordable.isZero() ? null : untilAffordable);
            }
            throw new ShopifyApiException(Kind.GRAPHQL_ERRORS, operation.operationName(), errors, null);
        }
        JsonNode data = root.path("data");
        if (!data.isObject()) {
            throw new ShopifyPayloadException(PayloadProblem.MISSING_FIELD, "$.data", "the answer has no data and no errors");
        }
        return data;
    }

    private HttpResponse<byte[]> send(AdminGraphQl operation, byte[] body) throws TransientFailure {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Shopify-Access-Token", accessToken)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw TransientFailure.notConnected(e);
        } catch (HttpTimeoutException e) {
            throw TransientFailure.timedOut(e);
        } catch (IOException e) {
            throw TransientFailure.broken(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopifyApiException(Kind.INTERRUPTED, operation.operationName(), "interrupted while sending", e);
        }
    }

    private void pause(AdminGraphQl operation, Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopifyApiException(Kind.INTERRUPTED, operation.operationName(),
                    "interrupted while waiting " + wait, e);
        }
    }

    /** Shopify sends seconds ({@code 2.0}); HTTP also allows a date. Unreadable: the backoff decides. */
    private @Nullable Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return null;
        }
        String value = header.get();
        if (SECONDS.matcher(value).matches()) {
            return Duration.ofMillis(new BigDecimal(value).movePointRight(3).setScale(0, RoundingMode.CEILING)
                    .longValueExact());
        }
        try {
            Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), until);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            log.warn("Shopify sent an unreadable Retry-After \"{}\" ({}); backing off instead", value, e.getMessage());
            return null;
        }
    }

    private static @Nullable String nextCursor(JsonNode pageInfo, String path) {
        if (!pageInfo.path("hasNextPage").asBoolean(false)) {
            return null;
        }
        return requireText(pageInfo.path("endCursor"), path + ".endCursor");
    }

    /** The next page's cursor, refusing one equal to the cursor this page was asked with (paging would not end). */
    private static @Nullable String nextCursor(JsonNode pageInfo, String path, @Nullable String previous) {
        String next = nextCursor(pageInfo, path);
        if (next != null && next.equals(previous)) {
            throw new ShopifyPayloadException(PayloadProblem.INVALID_VALUE, path + ".endCursor",
                    "the same cursor came back twice; paging would never end");
        }
        return next;
    }

    private static JsonNode requireArray(JsonNode node, String path) {
        if (!node.isArray()) {
            throw new ShopifyPayloadException(node.isMissingNode() || node.isNull() ? PayloadProblem.MISSING_FIELD
                    : PayloadProblem.WRONG_TYPE, path, "expected a list, found " + ShopifyJson.kind(node));
        }
        return node;
    }

    private static boolean requireBoolean(JsonNode node, String path) {
        if (!node.isBoolean()) {
            throw new ShopifyPayloadException(node.isMissingNode() || node.isNull() ? PayloadProblem.MISSING_FIELD
                    : PayloadProblem.WRONG_TYPE, path, "expected true or false, found " + ShopifyJson.kind(node));
        }
        return node.booleanValue();
    }

    private static boolean isThrottled(JsonNode errors) {
        for (JsonNode error : errors) {
            if ("THROTTLED".equals(error.path("extensions").path("code").asString(""))) {
                return true;
            }
        }
        return false;
    }

    /** GraphQL {@code errors} is a list of objects with a message; some Shopify answers send one string instead. */
    private static List<String> errorMessages(JsonNode errors) {
        if (errors.isString()) {
            return List.of(errors.stringValue());
        }
        List<String> messages = new ArrayList<>();
        if (errors.isArray()) {
            for (JsonNode error : errors) {
                String code = error.path("extensions").path("code").asString("");
                String message = error.path("message").asString(error.toString());
                messages.add(code.isEmpty() ? message : message + " [" + code + "]");
            }
        } else if (errors.isObject()) {
            messages.add(errors.toString());
        }
        return messages;
    }

    private static void requireNoUserErrors(AdminGraphQl operation, JsonNode payload) {
        JsonNode userErrors = payload.path("userErrors");
        if (!userErrors.isArray() || userErrors.isEmpty()) {
            return;
        }
        List<String> messages = new ArrayList<>();
        for (JsonNode error : userErrors) {
            StringBuilder message = new StringBuilder(error.path("message").asString(error.toString()));
            if (error.path("field").isArray() && !error.path("field").isEmpty()) {
                List<String> field = new ArrayList<>();
                error.path("field").forEach(part -> field.add(part.asString("")));
                message.append(" (field ").append(String.join(".", field)).append(')');
            }
            if (error.path("code").isString()) {
                message.append(" [").append(error.path("code").stringValue()).append(']');
            }
            messages.add(message.toString());
        }
        throw new ShopifyApiException(Kind.USER_ERRORS, operation.operationName(), messages, null);
    }

    private static String requireText(JsonNode node, String path) {
        if (!node.isString() || node.stringValue().isBlank()) {
            throw new ShopifyPayloadException(node.isMissingNode() || node.isNull() ? PayloadProblem.MISSING_FIELD
                    : PayloadProblem.WRONG_TYPE, path, "expected text, found " + ShopifyJson.kind(node));
        }
        return node.stringValue();
    }

    private static String snippet(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** Settings of a {@link ShopifyAdminClient}; every one but the shop and token has a production default. */
    public static final class Builder {

        private final String shopDomain;
        private final String accessToken;
        private URI baseUrl;
        private String apiVersion = API_VERSION;
        private @Nullable HttpClient httpClient;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration maxWait = Duration.ofSeconds(60);
        private Duration requestTimeout = Duration.ofSeconds(30);

        private Builder(String shopDomain, String accessToken) {
            String shop = shopDomain.strip().toLowerCase(Locale.ROOT);
            // the token goes to this host only, so it must be a shop's own domain
            if (!SHOP_DOMAIN.matcher(shop).matches()) {
                throw new IllegalArgumentException("expected a shop domain like example.myshopify.com, was \""
                        + shopDomain + "\"");
            }
            if (accessToken.isBlank()) {
                throw new IllegalArgumentException("an Admin API access token is needed");
            }
            this.shopDomain = shop;
            this.accessToken = accessToken;
            this.baseUrl = URI.create("https://" + shop);
        }

        /**
         * Where the Admin API is served instead of {@code https://{shop}}, e.g. a sandbox or a test server; the path
         * {@code /admin/api/{version}/graphql.json} is appended.
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** The Admin API version, {@code yyyy-mm}; the queries are written for {@link #API_VERSION}. */
        public Builder apiVersion(String apiVersion) {
            if (!API_VERSION_FORMAT.matcher(apiVersion).matches()) {
                throw new IllegalArgumentException("expected an API version like 2026-07, was \"" + apiVersion + "\"");
            }
            this.apiVersion = apiVersion;
            return this;
        }

        /** The HTTP client to send with; by default one with a 10 s connect timeout. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** The clock the throttle and {@code Retry-After} dates are measured with. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How the client waits for the throttle and between retries. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Attempts per call, the first included (default 5). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("at least one attempt is needed");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The backoff before the first retry; it doubles with each retry, ±50 % jitter (default 500 ms). */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = positive(initialBackoff, "initialBackoff");
            return this;
        }

        /** The longest backoff between retries (default 30 s). */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = positive(maxBackoff, "maxBackoff");
            return this;
        }

        /** The longest wait Shopify may ask for before the call gives up instead (default 60 s). */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = positive(maxWait, "maxWait");
            return this;
        }

        /** How long one request may take before it counts as timed out (default 30 s). */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        /** The client with these settings. */
        public ShopifyAdminClient build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
            }
            return new ShopifyAdminClient(this);
        }

        private static Duration positive(Duration duration, String name) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + duration);
            }
            return duration;
        }
    }
}
