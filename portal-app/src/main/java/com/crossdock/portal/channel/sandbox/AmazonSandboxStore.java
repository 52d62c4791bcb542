package com.crossdock.portal.channel.sandbox;

import com.crossdock.portal.channel.amazon.Pace;
import com.crossdock.portal.channel.amazon.SpApiOperation;
import com.crossdock.portal.channel.amazon.SpApiTransport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * One sandbox Amazon seller account: the Login with Amazon token endpoint and the Orders API v0 operations the
 * connector uses ({@code getOrders}, {@code getOrderItems}), answering in the JSON shapes of Amazon's published
 * models, with Amazon's own token buckets (a caller going faster than the usage plan gets 429
 * {@code QuotaExceeded}), and faults injected on demand: 429s, a 5xx, an expired access token. Orders are made
 * from the seller SKUs it is given (the tenant's Amazon MSKU aliases). Its SP-API notifications go to the seller's
 * SQS queue ({@link SandboxSqsQueue}, read through {@link #sqs}). Thread-safe.
 */
public final class AmazonSandboxStore implements SpApiTransport {

    /** A fault the next calls to the Orders API meet. */
    public enum Fault {
        /** 429 QuotaExceeded, as if another app had used the selling partner's quota. */
        THROTTLE,
        /** 503 from Amazon's side. */
        SERVER_ERROR,
        /** Every access token issued so far expires now: the next call is refused with 403 Unauthorized. */
        EXPIRE_TOKEN,
        /** The next feed created ends {@code FATAL}: Amazon could not process it at all. */
        FEED_FATAL,
        /**
         * The next notifications delivered from the SQS queue are delivered once more after they were deleted, as
         * SQS's at-least-once delivery may.
         */
        DUPLICATE_NOTIFICATION,
        /** The next calls to the SQS queue answer 500 {@code InternalError}. */
        QUEUE_ERROR,
        /** A notification that is not JSON goes on the queue (someone else's test message, a truncated body). */
        GARBLED_NOTIFICATION
    }

    static final int PAGE_SIZE = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ITEMS = Pattern.compile("/orders/v0/orders/([^/]+)/orderItems");
    private static final Pattern CONFIRM = Pattern.compile("/orders/v0/orders/([^/]+)/shipmentConfirmation");
    private static final Pattern ORDER = Pattern.compile("/orders/v0/orders/([^/]+)");
    private static final Pattern ORDER_2026 = Pattern.compile("/orders/2026-01-01/orders/([^/]+)");
    private static final Pattern FEED = Pattern.compile("/feeds/2021-06-30/feeds/([^/]+)");
    private static final Pattern DOCUMENT = Pattern.compile("/feeds/2021-06-30/documents/([^/]+)");
    private static final Pattern UPLOAD = Pattern.compile("/feed-documents/([^/]+)");
    private static final com.crossdock.portal.channel.amazon.AmazonFeeds FEEDS =
            new com.crossdock.portal.channel.amazon.AmazonFeeds();

    /** A package a {@code confirmShipment} call reported: its order, number, carrier, tracking and items. */
    public record ConfirmedPackage(String amazonOrderId, String packageReferenceId, String carrierCode,
            String trackingNumber, Instant shipDate, Map<String, Integer> items) {
    }

    private final String refreshToken;
    private final List<String> marketplaceIds;
    private final Pace pace;
    private final Map<SpApiOperation, Bucket> buckets = new EnumMap<>(SpApiOperation.class);
    private final Set<String> validTokens = new HashSet<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<Map<String, Object>> orders = new ArrayList<>();
    private final Map<String, List<Map<String, Object>>> items = new LinkedHashMap<>();
    private final List<ConfirmedPackage> confirmed = new ArrayList<>();
    // feed documents by id: the uploaded content (null until uploaded), and the feeds with their state
    private final Map<String, String> documents = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> feeds = new LinkedHashMap<>();
    private final Map<String, String> rejectedSkus = new LinkedHashMap<>();
    private final Map<String, Integer> mfnQuantities = new java.util.TreeMap<>();
    private int fatalFeeds;
    // the seller's SQS queue of SP-API notifications, guarded by this store's lock
    private final SandboxSqsQueue queue;
    private final Map<String, com.crossdock.portal.channel.amazon.AmazonPrepDetails.Msku> prepDetails =
            new LinkedHashMap<>();
    private static final com.crossdock.portal.channel.amazon.AmazonPrepDetails PREP =
            new com.crossdock.portal.channel.amazon.AmazonPrepDetails();
    private int tokensIssued;
    private int exchanges;
    private int throttled;
    private int nextOrder = 1;

    /**
     * @param awsAccountId the made-up AWS account its notification queue belongs to
     * @param accessKeyId  the access key id its queue accepts, or {@code null} for any
     */
    public AmazonSandboxStore(String refreshToken, List<String> marketplaceIds, String awsAccountId,
            @org.jspecify.annotations.Nullable String accessKeyId, Pace pace) {
        this.queue = new SandboxSqsQueue(SandboxAddress.SANDBOX_QUEUE, awsAccountId, accessKeyId, pace, this);
        this.refreshToken = refreshToken;
        this.marketplaceIds = List.copyOf(marketplaceIds);
        this.pace = pace;
        for (SpApiOperation operation : SpApiOperation.values()) {
            buckets.put(operation, new Bucket(operation.rate(), operation.burst(), pace.now()));
        }
    }

    /** The next {@code count} calls meet {@code fault} (an expired token applies once, at the next call). */
    public synchronized void inject(Fault fault, int count) {
        switch (fault) {
            case FEED_FATAL -> fatalFeeds += count;
            case DUPLICATE_NOTIFICATION -> queue.duplicateNext(count);
            case QUEUE_ERROR -> queue.failNext(count);
            case GARBLED_NOTIFICATION -> {
                for (int i = 0; i < count; i++) {
                    queue.send("{\"NotificationType\":\"ORDER_CHANGE\",\"Payload\":{\"OrderChangeNotification\":");
                }
            }
            default -> {
                for (int i = 0; i < count; i++) {
                    faults.add(fault);
                }
            }
        }
    }

    /**
     * One call of the SQS queue's AWS JSON 1.0 protocol (see {@link SandboxSqsQueue}): the {@code X-Amz-Target}
     * and {@code Authorization} headers, the JSON body, and the address queue URLs start with.
     */
    public synchronized Answer sqs(@org.jspecify.annotations.Nullable String target,
            @org.jspecify.annotations.Nullable String authorization, String body, String queueUrlBase) {
        return queue.call(target, authorization, body, queueUrlBase);
    }

    /** Notifications delivered from the queue so far (one delivered twice counts twice). */
    public synchronized int notificationDeliveries() {
        return queue.deliveries();
    }

    /** Notifications on the queue, waiting or received and not deleted yet. */
    public synchronized int notificationsOnQueue() {
        return queue.depth();
    }

    /**
     * Places {@code count} merchant-fulfilled orders (and {@code fbaCount} fulfilled by Amazon), each with one to
     * three of {@code sellerSkus}, updated now, shipping to a complete US address.
     */
    public synchronized List<String> placeOrders(int count, int fbaCount, List<String> sellerSkus,
            RandomGenerator random) {
        if (sellerSkus.isEmpty()) {
            throw new IllegalArgumentException("the sandbox needs at least one seller SKU to place orders");
        }
        List<String> placed = new ArrayList<>();
        Instant now = pace.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < count + fbaCount; i++) {
            String id = String.format("113-%07d-%07d", nextOrder, 1000000 + nextOrder);
            int n = nextOrder++;
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("AmazonOrderId", id);
            order.put("PurchaseDate", now.toString());
            order.put("LastUpdateDate", now.toString());
            order.put("OrderStatus", i < count ? "Unshipped" : "Shipped");
            order.put("FulfillmentChannel", i < count ? "MFN" : "AFN");
            order.put("SalesChannel", "Amazon.com");
            order.put("ShipServiceLevel", "Std US D2D Dom");
            order.put("ShipmentServiceLevelCategory", "Standard");
            order.put("MarketplaceId", marketplaceIds.getFirst());
            order.put("OrderType", "StandardOrder");
            order.put("IsPrime", false);
            order.put("ShippingAddress", Map.of("Name", "Sandbox Buyer " + n, "AddressLine1", n + " Cross St.",
                    "City", "Canton", "StateOrRegion", "MI", "PostalCode", "48187", "CountryCode", "US"));
            order.put("BuyerInfo", Map.of("BuyerEmail", "buyer" + n + "@marketplace.amazon.com"));
            List<Map<String, Object>> lines = new ArrayList<>();
            int lineCount = 1 + random.nextInt(Math.min(3, sellerSkus.size()));
            List<String> skus = new ArrayList<>(sellerSkus);
            java.util.Collections.shuffle(skus, random);
            int total = 0;
            for (int l = 0; l < lineCount; l++) {
                int quantity = 1 + random.nextInt(3);
                total += quantity * 1999;
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("ASIN", "B0SANDBOX" + (l + 1));
                item.put("OrderItemId", String.format("%014d", n * 10L + l));
                item.put("SellerSKU", skus.get(l));
                item.put("Title", "Sandbox item " + skus.get(l));
                item.put("QuantityOrdered", quantity);
                item.put("QuantityShipped", i < count ? 0 : quantity);
                item.put("ItemPrice", Map.of("CurrencyCode", "USD", "Amount", String.format("%d.%02d",
                        quantity * 1999 / 100, quantity * 1999 % 100)));
                lines.add(item);
            }
            order.put("OrderTotal", Map.of("CurrencyCode", "USD", "Amount", String.format("%d.%02d", total / 100,
                    total % 100)));
            order.put("NumberOfItemsUnshipped", i < count ? lines.size() : 0);
            orders.add(order);
            items.put(id, lines);
            placed.add(id);
        }
        return placed;
    }

    /**
     * The buyer or seller cancels an order: its status becomes {@code Canceled} and its update time moves on, so the
     * next {@code getOrders} by {@code LastUpdatedAfter} finds it again.
     *
     * @throws IllegalArgumentException for an order the account does not hold
     */
    public synchronized void cancel(String amazonOrderId) {
        Map<String, Object> order = orders.stream().filter(o -> o.get("AmazonOrderId").equals(amazonOrderId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("The sandbox account has no order "
                        + amazonOrderId));
        order.put("OrderStatus", "Canceled");
        touch(order);
    }

    /**
     * The buyer asks to cancel an unshipped order: its items carry {@code BuyerRequestedCancel} (as in Amazon's
     * {@code getOrderItems} model), its status stays {@code Unshipped} (the seller decides), and an
     * {@code ORDER_CHANGE} notification ({@code BuyerRequestedChange}, "Buyer Requested Cancel") goes on the queue.
     *
     * @throws IllegalArgumentException for an order the account does not hold
     */
    public synchronized void requestCancel(String amazonOrderId, String reason) {
        Map<String, Object> order = orders.stream().filter(o -> o.get("AmazonOrderId").equals(amazonOrderId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("The sandbox account has no order "
                        + amazonOrderId));
        List<Map<String, Object>> lines = items.get(amazonOrderId);
        lines.forEach(line -> line.put("BuyerRequestedCancel", Map.of("IsBuyerRequestedCancel", "true",
                "BuyerCancelReason", reason)));
        touch(order);
        Instant now = Instant.parse((String) order.get("LastUpdateDate"));
        List<Map<String, Object>> summaryItems = new ArrayList<>();
        for (Map<String, Object> line : lines) {
            summaryItems.add(Map.of("OrderItemId", line.get("OrderItemId"), "SellerSKU", line.get("SellerSKU"),
                    "OrderItemStatus", order.get("OrderStatus"), "Quantity", line.get("QuantityOrdered"),
                    "QuantityShipped", line.get("QuantityShipped"), "IsBuyerRequestedCancel", true));
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("NotificationLevel", "OrderLevel");
        change.put("SellerId", "SANDBOX");
        change.put("AmazonOrderId", amazonOrderId);
        change.put("OrderChangeType", "BuyerRequestedChange");
        change.put("OrderChangeTrigger", Map.of("TimeOfOrderChange", now.toString(), "ChangeReason",
                "Buyer Requested Cancel"));
        change.put("Summary", Map.of("MarketplaceId", order.get("MarketplaceId"), "OrderStatus",
                order.get("OrderStatus"), "FulfillmentType", order.get("FulfillmentChannel"), "OrderItems",
                summaryItems));
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("NotificationVersion", "1.0");
        notification.put("NotificationType", "ORDER_CHANGE");
        notification.put("PayloadVersion", "1.0");
        notification.put("EventTime", now.toString());
        notification.put("Payload", Map.of("OrderChangeNotification", change));
        notification.put("NotificationMetadata", Map.of("ApplicationId", "amzn1.sellerapps.app.sandbox",
                "SubscriptionId", "sandbox-order-change", "PublishTime", now.toString(), "NotificationId",
                java.util.UUID.randomUUID().toString()));
        queue.send(JSON.writeValueAsString(notification));
    }

    /** How many times a refresh token was exchanged for an access token. */
    public synchronized int exchanges() {
        return exchanges;
    }

    /** How many calls were answered 429 (injected or for going faster than the usage plan). */
    public synchronized int throttled() {
        return throttled;
    }

    /** The packages confirmed so far, oldest first. */
    public synchronized List<ConfirmedPackage> confirmedPackages() {
        return List.copyOf(confirmed);
    }

    /** An order's status as Amazon shows it now ({@code Unshipped}, {@code Shipped}, ...), or empty if unknown. */
    public synchronized java.util.Optional<String> orderStatus(String amazonOrderId) {
        return orders.stream().filter(o -> o.get("AmazonOrderId").equals(amazonOrderId))
                .map(o -> (String) o.get("OrderStatus")).findFirst();
    }

    /**
     * Listings feeds from now on refuse {@code sku} with an error issue (code 90220 and {@code message}) in their
     * processing report, as Amazon does for a listing it cannot change.
     */
    public synchronized void rejectInFeeds(String sku, String message) {
        rejectedSkus.put(sku, message);
    }

    /**
     * Amazon changes a seller SKU's merchant-fulfilled quantity itself (an edit in Seller Central): the quantity is
     * set and a {@code LISTINGS_ITEM_MFN_QUANTITY_CHANGE} notification goes on the queue.
     */
    public synchronized void changeMfnQuantity(String sku, int quantity) {
        mfnQuantities.put(sku, quantity);
        String now = pace.now().truncatedTo(ChronoUnit.SECONDS).toString();
        queue.send(JSON.writeValueAsString(Map.of("NotificationVersion", "1.0", "NotificationType",
                "LISTINGS_ITEM_MFN_QUANTITY_CHANGE", "PayloadVersion", "1.0", "EventTime", now, "Payload",
                Map.of("SellerId", "SANDBOX", "FulfillmentChannelCode", "DEFAULT", "Sku", sku, "Quantity", quantity),
                "NotificationMetadata", Map.of("ApplicationId", "amzn1.sellerapps.app.sandbox", "SubscriptionId",
                        "sandbox-mfn-quantity", "PublishTime", now, "NotificationId",
                        java.util.UUID.randomUUID().toString()))));
    }

    /** The merchant-fulfilled quantity of each seller SKU, as the processed listings feeds set it. */
    public synchronized Map<String, Integer> mfnQuantities() {
        return Map.copyOf(mfnQuantities);
    }

    /** Amazon's prep details of a seller SKU as the sandbox holds them (set by Amazon, or by setPrepDetails). */
    public synchronized void setAmazonPrep(com.crossdock.portal.channel.amazon.AmazonPrepDetails.Msku details) {
        prepDetails.put(details.msku(), details);
    }

    /** Amazon's prep details of a seller SKU: what was set, or {@code UNKNOWN} with no prep types. */
    public synchronized com.crossdock.portal.channel.amazon.AmazonPrepDetails.Msku amazonPrep(String msku) {
        return prepDetails.getOrDefault(msku, new com.crossdock.portal.channel.amazon.AmazonPrepDetails.Msku(msku,
                "UNKNOWN", java.util.Set.of(), null, null, null));
    }

    /** How many feeds were created. */
    public synchronized int feedCount() {
        return feeds.size();
    }

    /** How many orders the account holds. */
    public synchronized int orderCount() {
        return orders.size();
    }

    @Override
    public synchronized Answer send(Call call) {
        String path = call.uri().getPath().replaceFirst(
                "^.*?(/auth/o2/token|/orders/v0/.*|/orders/2026-01-01/.*|/feeds/2021-06-30/.*"
                        + "|/inbound/fba/2024-03-20/.*|/feed-documents/.*)$", "$1");
        if (path.equals("/auth/o2/token")) {
            return token(call);
        }
        Matcher upload = UPLOAD.matcher(path);
        if (upload.matches()) {
            // the pre-signed document address: no access token, the address is the permission
            return document(upload.group(1), call);
        }
        String token = call.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("x-amz-access-token"))
                .map(Map.Entry::getValue).findFirst().orElse("");
        Fault fault = faults.poll();
        if (fault == Fault.EXPIRE_TOKEN) {
            validTokens.clear();
        }
        if (!validTokens.contains(token)) {
            return error(403, "Unauthorized", "The access token you provided has expired or is not valid.", null);
        }
        Map<String, String> query = query(call.uri().getRawQuery());
        Matcher itemsPath = ITEMS.matcher(path);
        Matcher confirmPath = CONFIRM.matcher(path);
        Matcher feedPath = FEED.matcher(path);
        Matcher orderPath = ORDER.matcher(path);
        Matcher order2026Path = ORDER_2026.matcher(path);
        Matcher documentPath = DOCUMENT.matcher(path);
        boolean post = call.method().equals("POST");
        SpApiOperation operation = path.equals("/orders/v0/orders") ? SpApiOperation.GET_ORDERS
                : itemsPath.matches() ? SpApiOperation.GET_ORDER_ITEMS
                : orderPath.matches() && !post ? SpApiOperation.GET_ORDER
                : path.equals("/orders/2026-01-01/orders") && !post ? SpApiOperation.SEARCH_ORDERS
                : order2026Path.matches() && !post ? SpApiOperation.GET_ORDER_2026
                : confirmPath.matches() && post ? SpApiOperation.CONFIRM_SHIPMENT
                : path.equals("/feeds/2021-06-30/documents") && post ? SpApiOperation.CREATE_FEED_DOCUMENT
                : path.equals("/feeds/2021-06-30/feeds") && post ? SpApiOperation.CREATE_FEED
                : feedPath.matches() && !post ? SpApiOperation.GET_FEED
                : documentPath.matches() && !post ? SpApiOperation.GET_FEED_DOCUMENT
                : path.equals("/inbound/fba/2024-03-20/items/prepDetails")
                        ? (post ? SpApiOperation.SET_PREP_DETAILS : SpApiOperation.LIST_PREP_DETAILS) : null;
        if (operation == null) {
            return error(404, "NotFound", "Resource " + path + " is not found.", null);
        }
        if (fault == Fault.SERVER_ERROR) {
            return error(503, "ServiceUnavailable", "The service is temporarily unavailable.", null);
        }
        if (fault == Fault.THROTTLE || !buckets.get(operation).take(pace.now())) {
            throttled++;
            return error(429, "QuotaExceeded", "You exceeded your quota for the requested resource.", operation);
        }
        return switch (operation) {
            case GET_ORDERS -> orders(query);
            case GET_ORDER_ITEMS -> items(itemsPath.group(1), query);
            case GET_ORDER -> order(orderPath.group(1));
            case SEARCH_ORDERS -> searchOrders(query);
            case GET_ORDER_2026 -> orders.stream().filter(o -> o.get("AmazonOrderId").equals(order2026Path.group(1)))
                    .findFirst().map(o -> ok(Map.of("order", as2026(o)), SpApiOperation.GET_ORDER_2026))
                    .orElseGet(() -> error(404, "NotFound", "Order " + order2026Path.group(1) + " is not found.",
                            null));
            case CONFIRM_SHIPMENT -> confirmShipment(confirmPath.group(1), call.body());
            case CREATE_FEED_DOCUMENT -> createFeedDocument(call);
            case CREATE_FEED -> createFeed(call.body());
            case GET_FEED -> getFeed(feedPath.group(1));
            case GET_FEED_DOCUMENT -> getFeedDocument(documentPath.group(1), call);
            case LIST_PREP_DETAILS -> listPrepDetails(call.uri().getRawQuery());
            case SET_PREP_DETAILS -> setPrepDetails(call.body());
            default -> error(404, "NotFound", "Resource " + path + " is not found.", null);
        };
    }

    /**
     * {@code confirmShipment}: checks the package as Amazon does (the order's marketplace, a positive package
     * number, carrier, tracking number, ship date, items of the order with units left to ship) and answers 400
     * {@code InvalidInput} naming what is wrong; a good one ships the units and moves the order to
     * {@code PartiallyShipped} or {@code Shipped}. The same package number sent again is accepted once.
     */
    private Answer confirmShipment(String orderId, String body) {
        Map<String, Object> order = orders.stream().filter(o -> o.get("AmazonOrderId").equals(orderId)).findFirst()
                .orElse(null);
        if (order == null) {
            return error(404, "NotFound", "Order " + orderId + " is not found.", null);
        }
        tools.jackson.databind.JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (tools.jackson.core.JacksonException e) {
            return invalid("The request body is not JSON: " + e.getOriginalMessage());
        }
        if (!order.get("MarketplaceId").equals(request.path("marketplaceId").asString(""))) {
            return invalid("marketplaceId must be the order's marketplace " + order.get("MarketplaceId"));
        }
        if ("Canceled".equals(order.get("OrderStatus"))) {
            return invalid("Order " + orderId + " is canceled; it cannot be shipped.");
        }
        tools.jackson.databind.JsonNode detail = request.path("packageDetail");
        String reference = detail.path("packageReferenceId").asString("");
        String carrier = detail.path("carrierCode").asString("");
        String tracking = detail.path("trackingNumber").asString("");
        Instant shipDate;
        try {
            shipDate = Instant.parse(detail.path("shipDate").asString(""));
        } catch (java.time.format.DateTimeParseException e) {
            return invalid("packageDetail.shipDate must be an ISO 8601 time.");
        }
        if (!reference.matches("[1-9][0-9]*")) {
            return invalid("packageDetail.packageReferenceId must be a positive number.");
        }
        if (carrier.isBlank() || tracking.isBlank()) {
            return invalid("packageDetail.carrierCode and packageDetail.trackingNumber are required.");
        }
        if (confirmed.stream().anyMatch(p -> p.amazonOrderId().equals(orderId)
                && p.packageReferenceId().equals(reference) && p.trackingNumber().equals(tracking))) {
            return new Answer(204, Map.of(), "");
        }
        List<Map<String, Object>> lines = items.get(orderId);
        Map<String, Integer> shipped = new LinkedHashMap<>();
        for (tools.jackson.databind.JsonNode item : detail.path("orderItems")) {
            String itemId = item.path("orderItemId").asString("");
            int quantity = item.path("quantity").asInt(0);
            Map<String, Object> line = lines.stream().filter(l -> l.get("OrderItemId").equals(itemId)).findFirst()
                    .orElse(null);
            if (line == null) {
                return invalid("orderItemId " + itemId + " is not an item of order " + orderId + ".");
            }
            int left = (Integer) line.get("QuantityOrdered") - (Integer) line.get("QuantityShipped")
                    - shipped.getOrDefault(itemId, 0);
            if (quantity < 1 || quantity > left) {
                return invalid("quantity " + quantity + " of orderItemId " + itemId + " is not between 1 and the "
                        + left + " unit(s) left to ship.");
            }
            shipped.merge(itemId, quantity, Integer::sum);
        }
        if (shipped.isEmpty()) {
            return invalid("packageDetail.orderItems must name at least one item.");
        }
        shipped.forEach((itemId, quantity) -> lines.stream().filter(l -> l.get("OrderItemId").equals(itemId))
                .forEach(l -> l.put("QuantityShipped", (Integer) l.get("QuantityShipped") + quantity)));
        boolean all = lines.stream().allMatch(l -> l.get("QuantityShipped").equals(l.get("QuantityOrdered")));
        order.put("OrderStatus", all ? "Shipped" : "PartiallyShipped");
        order.put("NumberOfItemsUnshipped", (int) lines.stream()
                .filter(l -> !l.get("QuantityShipped").equals(l.get("QuantityOrdered"))).count());
        touch(order);
        confirmed.add(new ConfirmedPackage(orderId, reference, carrier, tracking, shipDate, Map.copyOf(shipped)));
        return new Answer(204, Map.of(), "");
    }

    private Answer createFeedDocument(Call call) {
        String id = "amzn1.tortuga.4.na." + java.util.UUID.randomUUID();
        documents.put(id, null);
        return ok(Map.of("feedDocumentId", id, "url", uploadUrl(call, id)), SpApiOperation.CREATE_FEED_DOCUMENT);
    }

    /** The document's pre-signed address: on the sandbox's own address, as Amazon's is on S3. */
    private static String uploadUrl(Call call, String documentId) {
        String address = call.uri().toString();
        return address.substring(0, address.indexOf("/feeds/2021-06-30")) + "/feed-documents/" + documentId;
    }

    private Answer document(String id, Call call) {
        if (!documents.containsKey(id)) {
            return new Answer(404, Map.of("content-type", List.of("application/xml")),
                    "<Error><Code>NoSuchKey</Code></Error>");
        }
        if (call.method().equals("PUT")) {
            documents.put(id, call.body());
            return new Answer(200, Map.of(), "");
        }
        String content = documents.get(id);
        return content == null ? new Answer(404, Map.of(), "") : new Answer(200,
                Map.of("content-type", List.of("application/json")), content);
    }

    private Answer createFeed(String body) {
        tools.jackson.databind.JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (tools.jackson.core.JacksonException e) {
            return invalid("The request body is not JSON: " + e.getOriginalMessage());
        }
        String type = request.path("feedType").asString("");
        String input = request.path("inputFeedDocumentId").asString("");
        if (!type.equals(com.crossdock.portal.channel.amazon.AmazonFeeds.LISTINGS_FEED)) {
            return invalid("The sandbox processes JSON_LISTINGS_FEED feeds only, not " + type + ".");
        }
        if (!request.path("marketplaceIds").isArray() || request.path("marketplaceIds").isEmpty()) {
            return invalid("marketplaceIds is required.");
        }
        if (documents.get(input) == null) {
            return invalid("inputFeedDocumentId " + input + " is unknown or nothing was uploaded to it.");
        }
        String id = String.valueOf(50_000_000_000L + feeds.size() + 1);
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("feedId", id);
        feed.put("feedType", type);
        feed.put("marketplaceIds", marketplaceIds);
        feed.put("createdTime", pace.now().truncatedTo(ChronoUnit.SECONDS).toString());
        feed.put("processingStatus", "IN_QUEUE");
        feed.put("inputFeedDocumentId", input);
        if (fatalFeeds > 0) {
            fatalFeeds--;
            feed.put("fatal", true);
        }
        feeds.put(id, feed);
        return new Answer(202, Map.of("content-type", List.of("application/json")),
                JSON.writeValueAsString(Map.of("feedId", id)));
    }

    /** A feed moves on a step at each look: IN_QUEUE, IN_PROGRESS, then DONE (or FATAL) with its report. */
    private Answer getFeed(String id) {
        Map<String, Object> feed = feeds.get(id);
        if (feed == null) {
            return error(404, "NotFound", "Feed " + id + " is not found.", null);
        }
        switch ((String) feed.get("processingStatus")) {
            case "IN_QUEUE" -> feed.put("processingStatus", "IN_PROGRESS");
            case "IN_PROGRESS" -> process(feed);
            default -> { }
        }
        Map<String, Object> answer = new LinkedHashMap<>(feed);
        answer.remove("inputFeedDocumentId");
        answer.remove("fatal");
        return ok(answer, SpApiOperation.GET_FEED);
    }

    private void process(Map<String, Object> feed) {
        String report;
        List<Map<String, Object>> issues = new ArrayList<>();
        int processed = 0;
        int accepted = 0;
        boolean fatal = Boolean.TRUE.equals(feed.get("fatal"));
        List<com.crossdock.portal.channel.amazon.AmazonFeeds.Message> messages = List.of();
        if (!fatal) {
            try {
                messages = FEEDS.parseListingsFeed(documents.get((String) feed.get("inputFeedDocumentId"))
                        .getBytes(StandardCharsets.UTF_8));
            } catch (com.crossdock.portal.channel.amazon.AmazonPayloadException unusable) {
                fatal = true;
                issues.add(Map.of("code", "4000002", "severity", "ERROR", "message", unusable.getMessage()));
            }
        } else {
            issues.add(Map.of("code", "4000001", "severity", "ERROR", "message",
                    "The feed could not be processed because of an internal error at Amazon; submit it again."));
        }
        for (var message : messages) {
            processed++;
            String rejection = rejectedSkus.get(message.sku());
            if (rejection == null && message.quantity() == null && !message.operationType().equals("DELETE")) {
                rejection = "The feed message sets no DEFAULT fulfillment_availability quantity.";
            }
            if (rejection != null) {
                issues.add(Map.of("messageId", message.messageId(), "sku", message.sku(), "code", "90220",
                        "severity", "ERROR", "message", rejection));
                continue;
            }
            accepted++;
            if (message.quantity() != null) {
                mfnQuantities.put(message.sku(), message.quantity());
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("errors", issues.size());
        summary.put("warnings", 0);
        summary.put("messagesProcessed", processed);
        summary.put("messagesAccepted", accepted);
        summary.put("messagesInvalid", processed - accepted);
        report = JSON.writeValueAsString(Map.of("header", Map.of("sellerId", "SANDBOX", "version", "2.0", "feedId",
                feed.get("feedId")), "issues", issues, "summary", summary));
        String resultId = "amzn1.tortuga.4.na.report-" + feed.get("feedId");
        documents.put(resultId, report);
        feed.put("processingStatus", fatal ? "FATAL" : "DONE");
        feed.put("processingEndTime", pace.now().truncatedTo(ChronoUnit.SECONDS).toString());
        feed.put("resultFeedDocumentId", resultId);
    }

    private Answer getFeedDocument(String id, Call call) {
        if (!documents.containsKey(id)) {
            return error(404, "NotFound", "Feed document " + id + " is not found.", null);
        }
        return ok(Map.of("feedDocumentId", id, "url", uploadUrl(call, id)), SpApiOperation.GET_FEED_DOCUMENT);
    }

    private Answer listPrepDetails(@org.jspecify.annotations.Nullable String rawQuery) {
        List<String> mskus = new ArrayList<>();
        String marketplace = null;
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            String[] parts = pair.split("=", 2);
            String value = parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            if (parts[0].equals("mskus")) {
                mskus.add(value);
            } else if (parts[0].equals("marketplaceId")) {
                marketplace = value;
            }
        }
        if (marketplace == null || !marketplaceIds.contains(marketplace)) {
            return invalid("marketplaceId must be one of the seller's marketplaces.");
        }
        if (mskus.isEmpty() || mskus.size() > 100) {
            return invalid("mskus must name 1 to 100 seller SKUs.");
        }
        List<Map<String, Object>> details = new ArrayList<>();
        for (String msku : mskus) {
            var prep = amazonPrep(msku);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("msku", msku);
            detail.put("prepCategory", prep.prepCategory());
            detail.put("prepTypes", prep.prepTypes().stream().sorted().toList());
            if (prep.prepOwnerConstraint() != null) {
                detail.put("prepOwnerConstraint", prep.prepOwnerConstraint());
            }
            if (prep.labelOwnerConstraint() != null) {
                detail.put("labelOwnerConstraint", prep.labelOwnerConstraint());
            }
            detail.put("allOwnersConstraint", prep.allOwnersConstraint() == null ? "MUST_MATCH"
                    : prep.allOwnersConstraint());
            details.add(detail);
        }
        return ok(Map.of("mskuPrepDetails", details), SpApiOperation.LIST_PREP_DETAILS);
    }

    private Answer setPrepDetails(String body) {
        com.crossdock.portal.channel.amazon.AmazonPrepDetails.SetRequest request;
        try {
            request = PREP.parseSetRequest(body.getBytes(StandardCharsets.UTF_8));
        } catch (com.crossdock.portal.channel.amazon.AmazonPayloadException unusable) {
            return invalid(unusable.getMessage());
        }
        if (!marketplaceIds.contains(request.marketplaceId())) {
            return invalid("marketplaceId must be one of the seller's marketplaces.");
        }
        for (var detail : request.details()) {
            if (List.of("UNKNOWN", "FC_PROVIDED").contains(detail.prepCategory())) {
                return invalid("prepCategory " + detail.prepCategory() + " of " + detail.msku()
                        + " cannot be set by a seller.");
            }
            if (detail.prepTypes().isEmpty()
                    || (detail.prepTypes().contains("ITEM_NO_PREP") && detail.prepTypes().size() > 1)) {
                return invalid("prepTypes of " + detail.msku() + " must be ITEM_NO_PREP alone or other prep types.");
            }
        }
        for (var detail : request.details()) {
            var before = amazonPrep(detail.msku());
            prepDetails.put(detail.msku(), new com.crossdock.portal.channel.amazon.AmazonPrepDetails.Msku(
                    detail.msku(), detail.prepCategory(), detail.prepTypes(), before.prepOwnerConstraint(),
                    before.labelOwnerConstraint(), before.allOwnersConstraint()));
        }
        return new Answer(202, Map.of("content-type", List.of("application/json")),
                JSON.writeValueAsString(Map.of("operationId", java.util.UUID.randomUUID().toString())));
    }

    private static Answer invalid(String message) {
        return error(400, "InvalidInput", message, null);
    }

    private void touch(Map<String, Object> order) {
        Instant previous = Instant.parse((String) order.get("LastUpdateDate"));
        Instant now = pace.now().truncatedTo(ChronoUnit.SECONDS);
        order.put("LastUpdateDate", (now.isAfter(previous) ? now : previous.plusSeconds(1)).toString());
    }

    private Answer token(Call call) {
        Map<String, String> form = query(call.body());
        if (!"refresh_token".equals(form.get("grant_type")) || !refreshToken.equals(form.get("refresh_token"))) {
            return new Answer(400, Map.of("content-type", List.of("application/json")),
                    "{\"error_description\":\"The request has an invalid grant parameter : refresh_token\","
                            + "\"error\":\"invalid_grant\"}");
        }
        exchanges++;
        String token = "Atza|sandbox-" + (++tokensIssued);
        validTokens.add(token);
        return ok(Map.of("access_token", token, "token_type", "bearer", "expires_in", 3600,
                "refresh_token", refreshToken), null);
    }

    private Answer orders(Map<String, String> query) {
        String marketplaces = query.get("MarketplaceIds");
        if (marketplaces == null || marketplaces.isBlank()) {
            return error(400, "InvalidInput", "MarketplaceIds is required.", null);
        }
        if (!query.containsKey("NextToken") && !query.containsKey("LastUpdatedAfter")) {
            return error(400, "InvalidInput", "Either CreatedAfter or LastUpdatedAfter is required.", null);
        }
        Page page = page(query.get("NextToken"), query.get("LastUpdatedAfter"));
        Map<String, Object> payload = new LinkedHashMap<>();
        if (page.next() != null) {
            payload.put("NextToken", page.next());
        }
        payload.put("Orders", page.orders());
        return ok(Map.of("payload", payload), SpApiOperation.GET_ORDERS);
    }

    /** Orders 2026-01-01 {@code searchOrders}: the same orders in the new shape, items included. */
    private Answer searchOrders(Map<String, String> query) {
        String marketplaces = query.get("marketplaceIds");
        if (marketplaces == null || marketplaces.isBlank()) {
            return error(400, "InvalidInput", "marketplaceIds is required.", null);
        }
        if (!query.containsKey("paginationToken") && !query.containsKey("lastUpdatedAfter")) {
            return error(400, "InvalidInput", "Either createdAfter or lastUpdatedAfter is required.", null);
        }
        Page page = page(query.get("paginationToken"), query.get("lastUpdatedAfter"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("orders", page.orders().stream().map(this::as2026).toList());
        if (page.next() != null) {
            answer.put("pagination", Map.of("nextToken", page.next()));
        }
        return ok(answer, SpApiOperation.SEARCH_ORDERS);
    }

    private record Page(List<Map<String, Object>> orders, @org.jspecify.annotations.Nullable String next) {
    }

    /** The orders changed at or after {@code after} (or where the token left off), a page at a time. */
    private Page page(@org.jspecify.annotations.Nullable String token,
            @org.jspecify.annotations.Nullable String lastUpdatedAfter) {
        int offset;
        Instant after;
        if (token != null) {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
            after = Instant.parse(parts[0]);
            offset = Integer.parseInt(parts[1]);
        } else {
            after = Instant.parse(java.util.Objects.requireNonNull(lastUpdatedAfter));
            offset = 0;
        }
        List<Map<String, Object>> matching = orders.stream()
                .filter(order -> !Instant.parse((String) order.get("LastUpdateDate")).isBefore(after))
                .sorted(Comparator.comparing(order -> (String) order.get("LastUpdateDate"))).toList();
        List<Map<String, Object>> page = matching.subList(Math.min(offset, matching.size()),
                Math.min(offset + PAGE_SIZE, matching.size()));
        return new Page(page, offset + PAGE_SIZE < matching.size() ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString((after + "|" + (offset + PAGE_SIZE)).getBytes(StandardCharsets.UTF_8)) : null);
    }

    /** A v0-shaped order of the account in the Orders 2026-01-01 shape, its items inside. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> as2026(Map<String, Object> order) {
        Map<String, Object> shaped = new LinkedHashMap<>();
        String id = (String) order.get("AmazonOrderId");
        shaped.put("orderId", id);
        shaped.put("createdTime", order.get("PurchaseDate"));
        shaped.put("lastUpdatedTime", order.get("LastUpdateDate"));
        shaped.put("salesChannel", Map.of("channelName", "AMAZON", "marketplaceId", order.get("MarketplaceId")));
        Map<String, Object> buyer = (Map<String, Object>) order.get("BuyerInfo");
        shaped.put("buyer", Map.of("buyerEmail", buyer.get("BuyerEmail")));
        Map<String, Object> address = (Map<String, Object>) order.get("ShippingAddress");
        shaped.put("recipient", Map.of("deliveryAddress", Map.of("name", address.get("Name"), "addressLine1",
                address.get("AddressLine1"), "city", address.get("City"), "stateOrRegion",
                address.get("StateOrRegion"), "postalCode", address.get("PostalCode"), "countryCode",
                address.get("CountryCode"))));
        Map<String, Object> total = (Map<String, Object>) order.get("OrderTotal");
        shaped.put("proceeds", Map.of("grandTotal", Map.of("amount", total.get("Amount"), "currencyCode",
                total.get("CurrencyCode"))));
        String status = switch ((String) order.get("OrderStatus")) {
            case "PartiallyShipped" -> "PARTIALLY_SHIPPED";
            case "Canceled" -> "CANCELLED";
            default -> ((String) order.get("OrderStatus")).toUpperCase(java.util.Locale.ROOT);
        };
        shaped.put("fulfillment", Map.of("fulfillmentStatus", status, "fulfilledBy",
                "AFN".equals(order.get("FulfillmentChannel")) ? "AMAZON" : "MERCHANT", "fulfillmentServiceLevel",
                ((String) order.get("ShipmentServiceLevelCategory")).toUpperCase(java.util.Locale.ROOT)));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> item : items.get(id)) {
            int ordered = (Integer) item.get("QuantityOrdered");
            int shipped = (Integer) item.get("QuantityShipped");
            Map<String, Object> price = (Map<String, Object>) item.get("ItemPrice");
            lines.add(Map.of("orderItemId", item.get("OrderItemId"), "quantityOrdered", ordered,
                    "product", Map.of("asin", item.get("ASIN"), "title", item.get("Title"), "sellerSku",
                            item.get("SellerSKU"), "price", Map.of("unitPrice", Map.of("amount", price.get("Amount"),
                                    "currencyCode", price.get("CurrencyCode")))),
                    "fulfillment", Map.of("quantityFulfilled", shipped, "quantityUnfulfilled", ordered - shipped)));
        }
        shaped.put("orderItems", lines);
        return shaped;
    }

    private Answer order(String orderId) {
        return orders.stream().filter(o -> o.get("AmazonOrderId").equals(orderId)).findFirst()
                .map(order -> ok(Map.of("payload", order), SpApiOperation.GET_ORDER))
                .orElseGet(() -> error(404, "NotFound", "Order " + orderId + " is not found.", null));
    }

    private Answer items(String orderId, Map<String, String> query) {
        List<Map<String, Object>> lines = items.get(orderId);
        if (lines == null) {
            return error(404, "NotFound", "Order " + orderId + " is not found.", null);
        }
        return ok(Map.of("payload", Map.of("AmazonOrderId", orderId, "OrderItems", lines)),
                SpApiOperation.GET_ORDER_ITEMS);
    }

    private static Answer ok(Object body, @org.jspecify.annotations.Nullable SpApiOperation operation) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        if (operation != null) {
            headers.put("x-amzn-RateLimit-Limit", List.of(String.valueOf(operation.rate())));
        }
        return new Answer(200, headers, JSON.writeValueAsString(body));
    }

    private static Answer error(int status, String code, String message,
            @org.jspecify.annotations.Nullable SpApiOperation operation) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        if (operation != null) {
            headers.put("x-amzn-RateLimit-Limit", List.of(String.valueOf(operation.rate())));
        }
        return new Answer(status, headers, JSON.writeValueAsString(Map.of("errors",
                List.of(Map.of("code", code, "message", message, "details", "")))));
    }

    /** A query string or form body as its decoded names and values. */
    static Map<String, String> query(@org.jspecify.annotations.Nullable String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** Amazon's side of a usage plan: a call without a token left is refused. */
    private static final class Bucket {

        private final double rate;
        private final double burst;
        private double tokens;
        private Instant at;

        Bucket(double rate, double burst, Instant now) {
            this.rate = rate;
            this.burst = burst;
            this.tokens = burst;
            this.at = now;
        }

        boolean take(Instant now) {
            if (now.isAfter(at)) {
                tokens = Math.min(burst, tokens + rate * Duration.between(at, now).toNanos() / 1e9);
                at = now;
            }
            // a hair of tolerance for the rounding of the caller's wait to whole nanoseconds
            if (tokens >= 1 - 1e-6) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
