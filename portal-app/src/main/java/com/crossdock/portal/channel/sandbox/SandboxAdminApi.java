package com.crossdock.portal.channel.sandbox;

import com.crossdock.portal.channel.sandbox.GraphQlDocument.GraphQlSyntaxException;
import com.crossdock.portal.channel.sandbox.GraphQlDocument.Operation;
import com.crossdock.portal.channel.sandbox.GraphQlDocument.VariableDefinition;
import com.crossdock.portal.channel.sandbox.GraphQlExecutor.Arguments;
import com.crossdock.portal.channel.sandbox.GraphQlExecutor.FieldError;
import com.crossdock.portal.channel.sandbox.GraphQlExecutor.Resolver;
import com.crossdock.portal.channel.sandbox.SandboxStore.Fault;
import com.crossdock.portal.channel.sandbox.SandboxStore.FulfillmentOutcome;
import com.crossdock.portal.channel.sandbox.SandboxStore.Line;
import com.crossdock.portal.channel.sandbox.SandboxStore.Order;
import com.crossdock.portal.channel.sandbox.SandboxStore.Variant;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shopify's Admin GraphQL API (2026-07) for one sandbox shop: the queries and mutations the connector sends
 * ({@code currentAppInstallation}, {@code shop}, {@code orders} with search, sort and cursors, {@code order} with its
 * fulfillment orders and fulfillments, {@code fulfillmentOrder}, {@code productVariants} with {@code sku:} search,
 * {@code locations}, {@code fulfillmentCreate}, {@code refundCreate} and {@code inventorySetQuantities} with
 * {@code @idempotent}),
 * answered with Shopify's JSON shapes, {@code userErrors} and {@code extensions.cost}. Queries are charged to the
 * shop's {@link CostBucket}: a query it cannot afford is {@code THROTTLED}, one larger than the bucket
 * {@code MAX_COST_EXCEEDED}. Injected faults come first and change nothing.
 */
final class SandboxAdminApi {

    /** What the sandbox app was granted: what the connector needs for orders, fulfillments and inventory. */
    static final List<String> ACCESS_SCOPES = List.of("read_orders", "write_orders", "read_all_orders",
            "read_merchant_managed_fulfillment_orders", "write_merchant_managed_fulfillment_orders",
            "read_fulfillments", "write_fulfillments", "read_inventory", "write_inventory", "read_locations",
            "read_products");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_PAGE_SIZE = 250;
    private static final Pattern GID = Pattern.compile("gid://shopify/([A-Za-z]+)/([0-9]+)(\\?.*)?");
    private static final Pattern REFERENCE_URI = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://\\S+");
    private static final String RATE_LIMITED = "Exceeded 2 calls per second for api client. Reduce request rates "
            + "to resume uninterrupted service.";

    private final SandboxStore store;

    SandboxAdminApi(SandboxStore store) {
        this.store = store;
    }

    /**
     * The HTTP answer to one {@code POST .../graphql.json} body. The store stays locked for the whole request, so it
     * runs as one step against the shop.
     */
    Answer answer(byte[] body) {
        synchronized (store) {
            Fault fault = store.nextFault();
            if (fault == Fault.RATE_LIMITED) {
                return new Answer(429, retryAfter(store.retryAfter()), errorsText(RATE_LIMITED));
            }
            if (fault == Fault.SERVER_ERROR) {
                return new Answer(500, null, errorsText("Internal Server Error"));
            }
            ObjectNode request = request(body);
            if (request == null) {
                ObjectNode missing = JSON.createObjectNode();
                missing.putObject("errors").put("query", "Required parameter missing or invalid");
                return new Answer(400, null, missing);
            }
            try {
                return execute(request, fault == Fault.THROTTLED);
            } catch (GraphQlSyntaxException | FieldError refused) {
                return new Answer(200, null, errors(refused, null));
            }
        }
    }

    private Answer execute(ObjectNode request, boolean throttle) {
        GraphQlDocument document = GraphQlDocument.parse(request.path("query").stringValue());
        Operation operation = document.operation(request.path("operationName").isString()
                ? request.path("operationName").stringValue() : null);
        if (operation.type().equals("subscription")) {
            throw new FieldError("Subscriptions are not supported by the Admin API", "BAD_REQUEST", List.of());
        }
        ObjectNode variables = variables(operation, request.path("variables"));
        int requested = GraphQlExecutor.requestedCost(document, operation, variables);
        CostBucket bucket = store.bucket();
        if (requested > bucket.maximum()) {
            FieldError tooCostly = new FieldError("Query cost is " + requested + ", which exceeds the single query "
                    + "max cost limit (" + (int) bucket.maximum() + ").", "MAX_COST_EXCEEDED", List.of());
            return new Answer(200, null, errors(tooCostly, cost(requested, null)));
        }
        if (throttle || !bucket.tryTake(requested)) {
            FieldError throttled = new FieldError("Throttled", "THROTTLED", List.of());
            ObjectNode answer = errors(throttled, cost(requested, null));
            ((ObjectNode) answer.path("errors").get(0).path("extensions"))
                    .put("documentation", "https://shopify.dev/api/usage/rate-limits");
            return new Answer(200, null, answer);
        }
        GraphQlExecutor executor = new GraphQlExecutor(document, variables);
        ObjectNode data;
        try {
            data = executor.execute(operation.type().equals("mutation") ? mutationRoot() : queryRoot(),
                    operation.selections());
        } catch (FieldError refused) {
            bucket.giveBack(requested);
            return new Answer(200, null, errors(refused, cost(requested, 0)));
        }
        int actual = operation.type().equals("mutation") ? requested : Math.min(requested, executor.actualCost());
        bucket.giveBack(requested - actual);
        ObjectNode answer = JSON.createObjectNode();
        answer.set("data", data);
        answer.putObject("extensions").set("cost", cost(requested, actual));
        return new Answer(200, null, answer);
    }

    /** The request's variables with the document's defaults filled in; a required one missing is refused. */
    private static ObjectNode variables(Operation operation, JsonNode given) {
        ObjectNode variables = given instanceof ObjectNode object ? object.deepCopy() : JSON.createObjectNode();
        for (VariableDefinition definition : operation.variables()) {
            JsonNode value = variables.get(definition.name());
            if ((value == null || value.isNull()) && definition.defaultValue() != null) {
                variables.set(definition.name(), definition.defaultValue().resolve(JSON.createObjectNode()));
            } else if ((value == null || value.isNull()) && definition.required()) {
                throw new FieldError("Variable $" + definition.name() + " of type " + definition.type()
                        + " was provided invalid value", "INVALID_VARIABLE", List.of());
            }
        }
        return variables;
    }

    // --- roots --------------------------------------------------------------------------------------------------

    private Map<String, Object> queryRoot() {
        return object("QueryRoot",
                "currentAppInstallation", (Resolver) arguments -> appInstallation(),
                "shop", (Resolver) arguments -> shop(),
                "orders", (Resolver) this::orders,
                "order", (Resolver) arguments -> {
                    Order order = store.order(id(arguments, arguments.require("id"), "Order"));
                    return order == null ? null : order(order);
                },
                "fulfillmentOrder", (Resolver) arguments -> {
                    Order order = store.orderOfFulfillmentOrder(id(arguments, arguments.require("id"),
                            "FulfillmentOrder"));
                    return order == null ? null : fulfillmentOrder(order);
                },
                "productVariants", (Resolver) this::productVariants,
                "locations", (Resolver) this::locations);
    }

    private Map<String, Object> mutationRoot() {
        return object("Mutation",
                "fulfillmentCreate", (Resolver) this::fulfillmentCreate,
                "refundCreate", (Resolver) this::refundCreate,
                "inventorySetQuantities", (Resolver) this::inventorySetQuantities);
    }

    private Map<String, Object> appInstallation() {
        List<Object> scopes = ACCESS_SCOPES.stream()
                .<Object>map(scope -> object("AccessScope", "handle", scope, "description", scope)).toList();
        return object("AppInstallation", "id", gid("AppInstallation", store.appInstallationId()),
                "accessScopes", scopes);
    }

    private Map<String, Object> shop() {
        return object("Shop", "id", gid("Shop", store.appInstallationId()), "name",
                "Sandbox of " + store.shopDomain(), "myshopifyDomain", store.shopDomain(), "currencyCode", "USD",
                "ianaTimezone", "UTC");
    }

    // --- orders -------------------------------------------------------------------------------------------------

    private Object orders(Arguments arguments) {
        int first = pageSize(arguments);
        Predicate<Order> matches;
        try {
            String query = arguments.text("query");
            matches = OrderSearch.parse(query == null ? "" : query);
        } catch (IllegalArgumentException unknown) {
            throw arguments.error(unknown.getMessage(), "BAD_REQUEST");
        }
        String sortKey = arguments.text("sortKey") == null ? "ID" : arguments.text("sortKey");
        ToLongFunction<Order> sortValue = switch (sortKey) {
            case "UPDATED_AT" -> order -> order.updatedAt.toEpochMilli();
            case "CREATED_AT", "PROCESSED_AT" -> order -> order.createdAt.toEpochMilli();
            case "ID" -> order -> order.id;
            default -> throw arguments.error("The sandbox does not sort orders by " + sortKey
                    + "; it sorts by ID, CREATED_AT, PROCESSED_AT and UPDATED_AT", "BAD_REQUEST");
        };
        Comparator<Order> order = Comparator.<Order>comparingLong(sortValue)
                .thenComparingLong(candidate -> candidate.id);
        boolean reverse = arguments.get("reverse").asBoolean(false);
        List<Order> sorted = store.orders().stream().filter(matches).sorted(reverse ? order.reversed() : order)
                .toList();
        int start = 0;
        String after = arguments.text("after");
        if (after != null) {
            long[] cursor = cursor(arguments, after);
            Comparator<long[]> byKey = Comparator.<long[]>comparingLong(key -> key[0]).thenComparingLong(key -> key[1]);
            Comparator<long[]> direction = reverse ? byKey.reversed() : byKey;
            while (start < sorted.size() && direction.compare(new long[] {sortValue.applyAsLong(sorted.get(start)),
                    sorted.get(start).id}, cursor) <= 0) {
                start++;
            }
        }
        return connection("Order", sorted, start, first,
                candidate -> cursor(sortValue.applyAsLong(candidate), candidate.id), this::order);
    }

    private Map<String, Object> order(Order order) {
        return object("Order",
                "id", gid("Order", order.id),
                "legacyResourceId", String.valueOf(order.id),
                "name", order.name,
                "createdAt", order.createdAt.toString(),
                "updatedAt", order.updatedAt.toString(),
                "processedAt", order.createdAt.toString(),
                "cancelledAt", order.cancelledAt == null ? null : order.cancelledAt.toString(),
                "cancelReason", order.cancelReason,
                "closed", false,
                "test", true,
                "currencyCode", "USD",
                "presentmentCurrencyCode", "USD",
                "email", order.email,
                "note", order.note,
                "tags", List.copyOf(order.tags),
                "displayFinancialStatus", order.financialStatus(),
                "displayFulfillmentStatus", order.fulfillmentStatus(),
                "subtotalPriceSet", money(order.subtotal()),
                "totalPriceSet", money(order.subtotal()),
                "shippingAddress", address(order.shipTo),
                "shippingLine", object("ShippingLine", "code", order.shippingMethod == null
                        ? WebhookBodies.SHIPPING_CODE : order.shippingMethod, "title", order.shippingMethod == null
                        ? WebhookBodies.SHIPPING_TITLE : order.shippingMethod, "source", "shopify"),
                "lineItems", (Resolver) arguments -> nested(arguments, "LineItem", order.lines, line -> line.id,
                        this::lineItem),
                "fulfillmentOrders", (Resolver) arguments -> nested(arguments, "FulfillmentOrder",
                        List.of(order), candidate -> candidate.fulfillmentOrderId, this::fulfillmentOrder),
                // a list, not a connection, as in Shopify; first is optional
                "fulfillments", (Resolver) arguments -> {
                    List<SandboxStore.Fulfillment> all = store.fulfillments(order);
                    int first = arguments.get("first").isNull() || arguments.get("first").isMissingNode()
                            ? all.size() : pageSize(arguments);
                    return all.subList(0, Math.min(first, all.size())).stream().<Object>map(this::fulfillment)
                            .toList();
                });
    }

    private Map<String, Object> lineItem(Line line) {
        return object("LineItem",
                "id", gid("LineItem", line.id),
                "sku", line.variant.sku(),
                "title", line.variant.title(),
                "name", line.variant.title(),
                "variantTitle", null,
                "quantity", line.quantity,
                "currentQuantity", line.quantity - line.cancelled,
                "unfulfilledQuantity", line.remaining(),
                "requiresShipping", true,
                "originalUnitPriceSet", money(line.variant.price()),
                "variant", variant(line.variant));
    }

    private Map<String, Object> variant(Variant variant) {
        return object("ProductVariant",
                "id", gid("ProductVariant", variant.id()),
                "legacyResourceId", String.valueOf(variant.id()),
                "sku", variant.sku(),
                "title", "Default Title",
                "displayName", variant.title(),
                "price", variant.price().toPlainString(),
                "inventoryQuantity", variant.available(),
                "inventoryItem", object("InventoryItem", "id", gid("InventoryItem", variant.inventoryItemId()),
                        "sku", variant.sku(), "tracked", true),
                "product", object("Product", "id", gid("Product", variant.productId()), "title", variant.title()));
    }

    private Map<String, Object> fulfillmentOrder(Order order) {
        return object("FulfillmentOrder",
                "id", gid("FulfillmentOrder", order.fulfillmentOrderId),
                "status", order.fulfillmentOrderStatus(),
                "requestStatus", "UNSUBMITTED",
                "orderId", gid("Order", order.id),
                "orderName", order.name,
                "order", (Resolver) arguments -> order(order),
                "assignedLocation", object("FulfillmentOrderAssignedLocation", "name", "Sandbox warehouse",
                        "location", location()),
                "lineItems", (Resolver) arguments -> nested(arguments, "FulfillmentOrderLineItem", order.lines,
                        line -> line.fulfillmentOrderLineId, line -> object("FulfillmentOrderLineItem",
                                "id", gid("FulfillmentOrderLineItem", line.fulfillmentOrderLineId),
                                "sku", line.variant.sku(),
                                "totalQuantity", line.quantity - line.cancelled,
                                "remainingQuantity", line.remaining(),
                                "inventoryItemId", gid("InventoryItem", line.variant.inventoryItemId()),
                                "variant", variant(line.variant),
                                "lineItem", (Resolver) inner -> lineItem(line))));
    }

    private Map<String, Object> location() {
        return location(store.locationId(), "Sandbox warehouse", true);
    }

    private static Map<String, Object> location(long id, String name, boolean fulfilsOnline) {
        return object("Location", "id", gid("Location", id), "legacyResourceId", String.valueOf(id), "name", name,
                "isActive", true, "fulfillsOnlineOrders", fulfilsOnline, "shipsInventory", fulfilsOnline,
                "hasActiveInventory", fulfilsOnline);
    }

    // --- productVariants and locations --------------------------------------------------------------------------

    private Object productVariants(Arguments arguments) {
        int first = pageSize(arguments);
        Predicate<Variant> matches;
        try {
            String query = arguments.text("query");
            matches = VariantSearch.parse(query == null ? "" : query);
        } catch (IllegalArgumentException unknown) {
            throw arguments.error(unknown.getMessage(), "BAD_REQUEST");
        }
        List<Variant> found = store.variants().stream().filter(matches).toList();
        int start = 0;
        String after = arguments.text("after");
        if (after != null) {
            long afterId = cursor(arguments, after)[1];
            while (start < found.size() && found.get(start).id() <= afterId) {
                start++;
            }
        }
        return connection("ProductVariant", found, start, first, variant -> cursor(variant.id(), variant.id()),
                this::variant);
    }

    /** The shop's two locations by name: the pop-up shop (no online orders) before the warehouse. */
    private Object locations(Arguments arguments) {
        int first = pageSize(arguments);
        String query = arguments.text("query");
        String wanted = query == null ? "" : query.strip();
        if (!wanted.isEmpty() && !wanted.equals("active:true") && !wanted.equals("active:false")) {
            throw arguments.error("The sandbox does not understand the location search \"" + wanted
                    + "\"; it knows active:true and active:false", "BAD_REQUEST");
        }
        List<Map<String, Object>> all = wanted.equals("active:false") ? List.of()
                : List.of(location(store.popUpLocationId(), "Sandbox pop-up shop", false), location());
        return connection("Location", all, 0, first, location -> cursor(0, id(location)), location -> location);
    }

    private static long id(Map<String, Object> node) {
        String gid = (String) node.get("id");
        return Long.parseLong(gid.substring(gid.lastIndexOf('/') + 1));
    }

    // --- fulfillmentCreate --------------------------------------------------------------------------------------

    private Object fulfillmentCreate(Arguments arguments) {
        JsonNode input = arguments.require("fulfillment");
        JsonNode byOrder = input.path("lineItemsByFulfillmentOrder");
        if (!byOrder.isArray() || byOrder.isEmpty()) {
            return fulfillmentPayload(null, "Line items by fulfillment order must have at least one fulfillment "
                    + "order.");
        }
        long fulfillmentOrderId = -1;
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        for (JsonNode entry : byOrder) {
            long id = id(arguments, entry.path("fulfillmentOrderId"), "FulfillmentOrder");
            if (fulfillmentOrderId >= 0 && id != fulfillmentOrderId) {
                // each sandbox order has one fulfillment order, so two of them are two orders
                return fulfillmentPayload(null, "All fulfillment orders must belong to the same order.");
            }
            fulfillmentOrderId = id;
            for (JsonNode line : entry.path("fulfillmentOrderLineItems")) {
                quantities.merge(id(arguments, line.path("id"), "FulfillmentOrderLineItem"),
                        line.path("quantity").asInt(0), Integer::sum);
            }
        }
        JsonNode tracking = input.path("trackingInfo");
        List<String> numbers = new ArrayList<>();
        tracking.path("numbers").forEach(number -> numbers.add(number.asString()));
        if (tracking.path("number").isString()) {
            numbers.addFirst(tracking.path("number").stringValue());
        }
        FulfillmentOutcome outcome = store.fulfill(fulfillmentOrderId, quantities,
                tracking.path("company").isString() ? tracking.path("company").stringValue() : null, numbers,
                tracking.path("url").isString() ? tracking.path("url").stringValue() : null);
        return fulfillmentPayload(outcome.fulfillment(), outcome.refusal());
    }

    private Map<String, Object> fulfillmentPayload(SandboxStore.@Nullable Fulfillment fulfillment,
            @Nullable String refusal) {
        List<Object> userErrors = refusal == null ? List.of()
                : List.of(object("UserError", "field", List.of("fulfillment"), "message", refusal));
        return object("FulfillmentCreatePayload", "fulfillment", fulfillment == null ? null : fulfillment(fulfillment),
                "userErrors", userErrors);
    }

    private Map<String, Object> fulfillment(SandboxStore.Fulfillment fulfillment) {
        List<Object> tracking = fulfillment.trackingNumbers().stream().<Object>map(number -> object(
                "FulfillmentTrackingInfo", "company", fulfillment.carrier(), "number", number, "url",
                fulfillment.trackingUrl())).toList();
        return object("Fulfillment",
                "id", gid("Fulfillment", fulfillment.id()),
                "status", "SUCCESS",
                "createdAt", fulfillment.createdAt().toString(),
                "totalQuantity", fulfillment.units(),
                "trackingInfo", tracking,
                "order", (Resolver) arguments -> order(fulfillment.order()));
    }

    // --- refundCreate -------------------------------------------------------------------------------------------

    private Object refundCreate(Arguments arguments) {
        JsonNode input = arguments.require("input");
        String key = arguments.directiveText("idempotent", "key");
        String fingerprint = input.toString();
        SandboxStore.Idempotent earlier = key == null ? null : store.idempotent(key);
        if (earlier != null) {
            return earlier.fingerprint().equals(fingerprint) ? earlier.answer()
                    : refundPayload(null, "The same idempotency key cannot be used with different operation "
                            + "parameters.");
        }
        Order order = store.order(id(arguments, input.path("orderId"), "Order"));
        if (order == null) {
            return refundPayload(null, "Order does not exist");
        }
        List<SandboxStore.RefundRequestLine> units = new ArrayList<>();
        for (JsonNode item : input.path("refundLineItems")) {
            long lineId = id(arguments, item.path("lineItemId"), "LineItem");
            Line line = order.lines.stream().filter(candidate -> candidate.id == lineId).findFirst().orElse(null);
            String restockType = item.path("restockType").asString("NO_RESTOCK");
            if (line == null) {
                return refundPayload(null, "Line item " + lineId + " is not on order " + order.name);
            }
            if (!restockType.equals("RETURN") && !restockType.equals("NO_RESTOCK")) {
                return refundPayload(null, "Restock type " + restockType + " is not supported for returned units");
            }
            units.add(new SandboxStore.RefundRequestLine(line, item.path("quantity").asInt(0),
                    restockType.equals("RETURN")));
        }
        if (units.isEmpty()) {
            return refundPayload(null, "Refund line items must not be empty");
        }
        Object payload;
        try {
            SandboxStore.Refund refund = store.refundReturned(order, units, input.path("note").asString(""),
                    store.clock().instant());
            payload = refundPayload(gid("Refund", refund.id()), null);
        } catch (IllegalStateException refused) {
            payload = refundPayload(null, refused.getMessage());
        }
        if (key != null) {
            store.rememberIdempotent(key, fingerprint, payload);
        }
        return payload;
    }

    private Map<String, Object> refundPayload(@Nullable String refundId, @Nullable String refusal) {
        List<Object> userErrors = refusal == null ? List.of()
                : List.of(object("UserError", "field", List.of("input"), "message", refusal));
        return object("RefundCreatePayload", "refund", refundId == null ? null : object("Refund", "id", refundId),
                "userErrors", userErrors);
    }

    // --- inventorySetQuantities ---------------------------------------------------------------------------------

    private Object inventorySetQuantities(Arguments arguments) {
        JsonNode input = arguments.require("input");
        String key = arguments.directiveText("idempotent", "key");
        if (key == null || key.isBlank()) {
            throw arguments.error("inventorySetQuantities needs an idempotency key: add @idempotent(key: ...)",
                    "BAD_REQUEST");
        }
        String fingerprint = input.toString();
        SandboxStore.Idempotent earlier = store.idempotent(key);
        if (earlier != null) {
            // the same change again is answered as the first time and not applied twice
            return earlier.fingerprint().equals(fingerprint) ? earlier.answer()
                    : inventoryPayload(null, List.of(inventoryError(List.of("input"), "The same idempotency key "
                            + "cannot be used with different operation parameters.",
                            "IDEMPOTENCY_KEY_PARAMETER_MISMATCH")));
        }
        Object payload = applyQuantities(arguments, input);
        store.rememberIdempotent(key, fingerprint, payload);
        return payload;
    }

    private Object applyQuantities(Arguments arguments, JsonNode input) {
        List<Object> problems = new ArrayList<>();
        String name = input.path("name").asString("");
        String reason = input.path("reason").asString("");
        if (!name.equals("available") && !name.equals("on_hand")) {
            problems.add(inventoryError(List.of("input", "name"), "The quantity name must be either 'available' or "
                    + "'on_hand'.", "INVALID_NAME"));
        }
        if (!SandboxStore.INVENTORY_REASONS.contains(reason)) {
            problems.add(inventoryError(List.of("input", "reason"), "The specified reason is invalid.",
                    "INVALID_REASON"));
        }
        JsonNode reference = input.path("referenceDocumentUri");
        if (reference.isString() && !REFERENCE_URI.matcher(reference.stringValue()).matches()) {
            problems.add(inventoryError(List.of("input", "referenceDocumentUri"), "The specified reference document "
                    + "is invalid.", "INVALID_REFERENCE_DOCUMENT"));
        }
        if (!input.path("quantities").isArray() || input.path("quantities").isEmpty()) {
            throw arguments.error("Variable $input of type InventorySetQuantitiesInput! was provided invalid value "
                    + "for quantities (Expected value to not be null)", "INVALID_VARIABLE");
        }
        Map<Variant, Integer> wanted = new LinkedHashMap<>();
        JsonNode quantities = input.path("quantities");
        for (int i = 0; i < quantities.size(); i++) {
            checkQuantity(arguments, quantities.get(i), String.valueOf(i), name, wanted, problems);
        }
        if (!problems.isEmpty()) {
            return inventoryPayload(null, problems);
        }
        List<Before> before = wanted.keySet().stream()
                .map(variant -> new Before(variant, variant.available(), variant.onHand())).toList();
        long groupId = store.applyQuantities(name, wanted);
        return inventoryPayload(object("InventoryAdjustmentGroup",
                "id", gid("InventoryAdjustmentGroup", groupId),
                "createdAt", store.clock().instant().toString(),
                "reason", reason,
                "referenceDocumentUri", reference.isString() ? reference.stringValue() : null,
                "changes", before.stream().flatMap(change -> inventoryChanges(change).stream()).toList()),
                List.of());
    }

    private void checkQuantity(Arguments arguments, JsonNode quantity, String index, String name,
            Map<Variant, Integer> wanted, List<Object> problems) {
        Variant variant = store.variantByInventoryItem(id(arguments, quantity.path("inventoryItemId"),
                "InventoryItem"));
        if (variant == null) {
            problems.add(inventoryError(List.of("input", "quantities", index, "inventoryItemId"),
                    "The specified inventory item could not be found.", "INVALID_INVENTORY_ITEM"));
            return;
        }
        if (id(arguments, quantity.path("locationId"), "Location") != store.locationId()) {
            problems.add(inventoryError(List.of("input", "quantities", index, "locationId"),
                    "The specified location could not be found.", "INVALID_LOCATION"));
            return;
        }
        if (!quantity.has("changeFromQuantity")) {
            // API 2026-04 made it required on every quantity; an explicit null opts out of the check
            throw arguments.error("Variable $input of type InventorySetQuantitiesInput! was provided invalid value "
                    + "for quantities." + index + ".changeFromQuantity (Expected value to be given; pass null to "
                    + "skip the check)", "INVALID_VARIABLE");
        }
        int value = quantity.path("quantity").asInt();
        if (value < 0) {
            problems.add(inventoryError(List.of("input", "quantities", index, "quantity"),
                    "The quantity can't be negative.", "INVALID_QUANTITY_NEGATIVE"));
        } else if (value > 1_000_000_000) {
            problems.add(inventoryError(List.of("input", "quantities", index, "quantity"),
                    "The total quantity can't be higher than 1,000,000,000.", "INVALID_QUANTITY_TOO_HIGH"));
        }
        JsonNode changeFrom = quantity.path("changeFromQuantity");
        int current = name.equals("on_hand") ? variant.onHand() : variant.available();
        if (!changeFrom.isNull() && changeFrom.asInt() != current) {
            problems.add(inventoryError(List.of("input", "quantities", index, "changeFromQuantity"),
                    "The changeFromQuantity value does not match persisted value.", "CHANGE_FROM_QUANTITY_STALE"));
        }
        if (wanted.put(variant, value) != null) {
            problems.add(inventoryError(List.of("input", "quantities", index), "The combination of inventoryItemId "
                    + "and locationId must be unique.", "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR"));
        }
    }

    /** The {@code available} and {@code on_hand} changes of one variant, from its quantities before. */
    private List<Object> inventoryChanges(Before before) {
        Variant variant = before.variant();
        return List.of(
                inventoryChange(variant, "available", variant.available() - before.available(), variant.available()),
                inventoryChange(variant, "on_hand", variant.onHand() - before.onHand(), variant.onHand()));
    }

    /** A variant's quantities before an adjustment, to report the change. */
    private record Before(Variant variant, int available, int onHand) {
    }

    private Map<String, Object> inventoryChange(Variant variant, String name, int delta, int after) {
        return object("InventoryChange", "name", name, "delta", delta, "quantityAfterChange", after,
                "item", object("InventoryItem", "id", gid("InventoryItem", variant.inventoryItemId()),
                        "sku", variant.sku()),
                "location", location());
    }

    private static Map<String, Object> inventoryPayload(@Nullable Map<String, Object> group, List<Object> errors) {
        return object("InventorySetQuantitiesPayload", "inventoryAdjustmentGroup", group, "userErrors", errors);
    }

    private static Map<String, Object> inventoryError(List<String> field, String message, String code) {
        return object("InventorySetQuantitiesUserError", "field", field, "message", message, "code", code);
    }

    // --- shapes -------------------------------------------------------------------------------------------------

    private static Map<String, Object> address(SandboxStore.Address address) {
        return object("MailingAddress",
                "name", address.name(),
                "firstName", address.firstName(),
                "lastName", address.lastName(),
                "company", null,
                "address1", address.address1(),
                "address2", address.address2(),
                "city", address.city(),
                "province", address.province(),
                "provinceCode", address.provinceCode(),
                "zip", address.zip(),
                "country", address.country(),
                "countryCodeV2", address.countryCode(),
                "phone", address.phone());
    }

    private static Map<String, Object> money(BigDecimal amount) {
        Map<String, Object> money = object("MoneyV2", "amount", amount.toPlainString(), "currencyCode", "USD");
        return object("MoneyBag", "shopMoney", money, "presentmentMoney", money);
    }

    /** A connection over a fixed list (an order's lines), paged by position after the cursor's id. */
    private <T> Map<String, Object> nested(Arguments arguments, String type, List<T> items, ToLongFunction<T> id,
            Function<T, Map<String, Object>> node) {
        int first = pageSize(arguments);
        int start = 0;
        String after = arguments.text("after");
        if (after != null) {
            long afterId = cursor(arguments, after)[1];
            while (start < items.size() && id.applyAsLong(items.get(start)) != afterId) {
                start++;
            }
            start++;
        }
        return connection(type, items, Math.min(start, items.size()), first,
                item -> cursor(id.applyAsLong(item), id.applyAsLong(item)), node);
    }

    private static <T> Map<String, Object> connection(String type, List<T> items, int start, int first,
            Function<T, String> cursor, Function<T, Map<String, Object>> node) {
        List<T> page = items.subList(start, Math.min(items.size(), start + first));
        List<Object> nodes = new ArrayList<>();
        List<Object> edges = new ArrayList<>();
        for (T item : page) {
            Map<String, Object> each = node.apply(item);
            nodes.add(each);
            edges.add(object(type + "Edge", "cursor", cursor.apply(item), "node", each));
        }
        return object(type + "Connection", "nodes", nodes, "edges", edges, "pageInfo", object("PageInfo",
                "hasNextPage", start + page.size() < items.size(),
                "hasPreviousPage", start > 0,
                "startCursor", page.isEmpty() ? null : cursor.apply(page.getFirst()),
                "endCursor", page.isEmpty() ? null : cursor.apply(page.getLast())));
    }

    private static int pageSize(Arguments arguments) {
        if (!arguments.get("last").isNull() || !arguments.get("before").isNull()) {
            throw arguments.error("The sandbox pages forward only: use first and after", "BAD_REQUEST");
        }
        JsonNode first = arguments.get("first");
        if (!first.isIntegralNumber() || !first.canConvertToInt()) {
            throw arguments.error("you must provide one of first or last", "BAD_REQUEST");
        }
        if (first.asInt() < 0 || first.asInt() > MAX_PAGE_SIZE) {
            throw arguments.error("The first argument must be between 0 and " + MAX_PAGE_SIZE, "BAD_REQUEST");
        }
        return first.asInt();
    }

    /** Shopify's cursors are base64 of a small JSON document naming the last id and sort value. */
    private static String cursor(long sortValue, long id) {
        String json = "{\"last_id\":" + id + ",\"last_value\":\"" + sortValue + "\"}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** {sort value, id} of a cursor. */
    private static long[] cursor(Arguments arguments, String cursor) {
        try {
            JsonNode json = JSON.readTree(Base64.getDecoder().decode(cursor));
            return new long[] {Long.parseLong(json.path("last_value").asString()), json.path("last_id").asLong()};
        } catch (IllegalArgumentException | JacksonException broken) {
            throw arguments.error("Invalid cursor for current pagination sort.", "BAD_REQUEST");
        }
    }

    /** The number inside a GID of {@code type}; anything else is refused as Shopify refuses it. */
    private static long id(Arguments arguments, JsonNode value, String type) {
        var gid = GID.matcher(value.asString(""));
        if (!gid.matches() || !gid.group(1).equals(type)) {
            throw arguments.error("Invalid global id '" + value.asString("") + "' (expected a " + type + " id like "
                    + "gid://shopify/" + type + "/123)", "INVALID_VARIABLE");
        }
        return Long.parseLong(gid.group(2));
    }

    static String gid(String type, long id) {
        return "gid://shopify/" + type + "/" + id;
    }

    /** An object of {@code type} from key-value pairs; values may be null. */
    static Map<String, Object> object(String type, @Nullable Object... keysAndValues) {
        Map<String, Object> object = new HashMap<>();
        object.put("__typename", type);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    // --- the HTTP side --------------------------------------------------------------------------------------------

    private static @Nullable ObjectNode request(byte[] body) {
        try {
            JsonNode request = JSON.readTree(body);
            return request instanceof ObjectNode object && object.path("query").isString() ? object : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private ObjectNode cost(int requested, @Nullable Integer actual) {
        CostBucket.Status status = store.bucket().status();
        ObjectNode cost = JSON.createObjectNode().put("requestedQueryCost", requested);
        if (actual == null) {
            cost.putNull("actualQueryCost");
        } else {
            cost.put("actualQueryCost", actual);
        }
        cost.putObject("throttleStatus")
                .put("maximumAvailable", status.maximumAvailable())
                .put("currentlyAvailable", (int) status.currentlyAvailable())
                .put("restoreRate", status.restoreRate());
        return cost;
    }

    private static ObjectNode errors(RuntimeException problem, @Nullable ObjectNode cost) {
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode error = answer.putArray("errors").addObject().put("message", problem.getMessage());
        if (problem instanceof FieldError field) {
            if (!field.path().isEmpty()) {
                ArrayNode path = error.putArray("path");
                field.path().forEach(element -> path.add(element.toString()));
            }
            error.putObject("extensions").put("code", field.code());
        }
        if (cost != null) {
            answer.putObject("extensions").set("cost", cost);
        }
        return answer;
    }

    private static ObjectNode errorsText(String message) {
        return JSON.createObjectNode().put("errors", message);
    }

    /** Seconds as Shopify writes them ({@code 2.0}). */
    private static String retryAfter(Duration wait) {
        BigDecimal seconds = BigDecimal.valueOf(wait.toMillis(), 3).stripTrailingZeros();
        return (seconds.scale() < 1 ? seconds.setScale(1) : seconds).toPlainString();
    }

    /**
     * One HTTP answer.
     *
     * @param retryAfter the {@code Retry-After} header, for a 429
     */
    record Answer(int status, @Nullable String retryAfter, JsonNode body) {

        byte[] bytes() {
            return JSON.writeValueAsBytes(body);
        }
    }
}
