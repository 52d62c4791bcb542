package com.crossdock.portal.channel.sandbox;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The state of one sandbox shop: its products and variants, orders with their fulfillment orders, fulfillments,
 * refunds and returns, inventory at its one warehouse location (a second location, a pop-up shop, holds no stock and
 * fulfils no online orders), the idempotency keys it has seen, its cost bucket and its fault plan. Every method
 * is synchronized on the store, and {@link SandboxAdminApi} holds the same lock for a whole request, so a request
 * sees and changes the shop as one step, as a real shop's transaction would.
 */
final class SandboxStore {

    /** The reasons {@code inventorySetQuantities} accepts (Shopify's list). */
    static final Set<String> INVENTORY_REASONS = Set.of("correction", "cycle_count_available", "damaged",
            "movement_created", "movement_updated", "movement_received", "movement_canceled", "other", "promotion",
            "quality_control", "received", "reservation_created", "reservation_deleted", "reservation_updated",
            "restock", "safety_stock", "shrinkage");
    /** Units each new variant starts with, so generated orders have stock to commit. */
    static final int INITIAL_AVAILABLE = 100;
    /** Reasons a generated return request gives, in turn (Shopify's {@code ReturnReason} values). */
    static final List<String> RETURN_REASONS = List.of("SIZE_TOO_SMALL", "DEFECTIVE", "NOT_AS_DESCRIBED", "UNWANTED");

    private final TenantId tenant;
    private final UUID connectionId;
    private final String shopDomain;
    private final Clock clock;
    private final LongSupplier ids;
    private final CostBucket bucket;
    private final long locationId;
    private final long appInstallationId;
    private final long popUpLocationId;
    private final Map<String, Variant> variantsBySku = new LinkedHashMap<>();
    private final Map<Long, Variant> variantsByInventoryItem = new HashMap<>();
    private final List<Order> orders = new ArrayList<>();
    private final Map<Long, Order> ordersById = new HashMap<>();
    private final Map<Long, Order> ordersByFulfillmentOrder = new HashMap<>();
    private final List<Fulfillment> fulfillments = new ArrayList<>();
    private final List<Refund> refunds = new ArrayList<>();
    private final List<Return> returns = new ArrayList<>();
    private final Map<String, Idempotent> idempotencyKeys = new HashMap<>();
    private int adjustmentGroups;
    private int unmappedProducts;
    private int nextOrderNumber = 1001;
    private FaultPlan faults = FaultPlan.none();
    private int faultyAnswers;

    SandboxStore(TenantId tenant, UUID connectionId, String shopDomain, Clock clock, LongSupplier ids,
            CostBucket bucket) {
        this.tenant = tenant;
        this.connectionId = connectionId;
        this.shopDomain = shopDomain;
        this.clock = clock;
        this.ids = ids;
        this.bucket = bucket;
        this.locationId = ids.getAsLong();
        this.appInstallationId = ids.getAsLong();
        this.popUpLocationId = ids.getAsLong();
    }

    TenantId tenant() {
        return tenant;
    }

    UUID connectionId() {
        return connectionId;
    }

    String shopDomain() {
        return shopDomain;
    }

    Clock clock() {
        return clock;
    }

    CostBucket bucket() {
        return bucket;
    }

    long locationId() {
        return locationId;
    }

    long appInstallationId() {
        return appInstallationId;
    }

    /** A second location: active, but it fulfils no online orders and stocks nothing. */
    long popUpLocationId() {
        return popUpLocationId;
    }

    // --- products ---------------------------------------------------------------------------------------------

    /**
     * Adds a variant for each SKU of {@code products} the shop does not sell yet; variants already there keep their
     * ids and stock, so a catalog change never renumbers what the pipeline has seen.
     */
    synchronized void addProducts(List<CatalogProduct> products) {
        for (CatalogProduct product : products) {
            List<String> missing = product.variantSkus().stream().filter(sku -> !variantsBySku.containsKey(sku))
                    .toList();
            if (missing.isEmpty()) {
                continue;
            }
            long productId = ids.getAsLong();
            // a variant id alias names one variant, so it is only used when the item has exactly one
            Long aliasId = product.variantSkus().size() == 1 ? product.variantId() : null;
            for (String sku : missing) {
                add(new Variant(aliasId != null ? aliasId : ids.getAsLong(), productId, ids.getAsLong(), sku,
                        product.title(), product.bundle() ? VariantKind.BUNDLE : VariantKind.CATALOG, price(sku)));
            }
        }
    }

    /** A new product of the shop that the catalog has never heard of: what a brand forgot to map. */
    synchronized Variant addUnmappedVariant() {
        unmappedProducts++;
        String sku = "SBX-UNMAPPED-" + Long.toString(ids.getAsLong(), 36).toUpperCase(java.util.Locale.ROOT);
        return add(new Variant(ids.getAsLong(), ids.getAsLong(), ids.getAsLong(), sku,
                "Unmapped sandbox product " + unmappedProducts, VariantKind.UNMAPPED, price(sku)));
    }

    synchronized List<Variant> variants(VariantKind kind) {
        return variantsBySku.values().stream().filter(variant -> variant.kind() == kind).toList();
    }

    /** Every variant, oldest first (by id, as Shopify lists them). */
    synchronized List<Variant> variants() {
        return variantsBySku.values().stream().sorted(Comparator.comparingLong(Variant::id)).toList();
    }

    synchronized int variantCount() {
        return variantsBySku.size();
    }

    private Variant add(Variant variant) {
        variantsBySku.put(variant.sku(), variant);
        variantsByInventoryItem.put(variant.inventoryItemId(), variant);
        return variant;
    }

    /** A stable made-up price per SKU, so the same SKU costs the same in every order. */
    private static BigDecimal price(String sku) {
        return BigDecimal.valueOf(500 + Math.floorMod(sku.hashCode(), 9500), 2);
    }

    // --- orders -----------------------------------------------------------------------------------------------

    /** Creates an open, paid order; its units are committed (taken from available) as Shopify does. */
    synchronized Order createOrder(List<LineRequest> lines, Address shipTo, String email, Instant at) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        int number = nextOrderNumber++;
        Order order = new Order(ids.getAsLong(), number, "#" + number, at, email, shipTo, ids.getAsLong());
        for (LineRequest request : lines) {
            Variant variant = request.variant();
            order.lines.add(new Line(ids.getAsLong(), ids.getAsLong(), variant, request.quantity()));
            variant.available -= request.quantity();
            variant.committed += request.quantity();
        }
        orders.add(order);
        ordersById.put(order.id, order);
        ordersByFulfillmentOrder.put(order.fulfillmentOrderId, order);
        return order;
    }

    /** Changes an order the way a merchant's edit would show (a note and a tag), at {@code at}. */
    synchronized void updateOrder(Order order, Instant at) {
        order.note = "Changed in the sandbox at " + at;
        order.tags.add("sandbox-updated");
        order.updatedAt = at;
    }

    /** Cancels an order: what was not fulfilled is released back to available. */
    synchronized void cancelOrder(Order order, Instant at) {
        if (order.cancelledAt != null) {
            return;
        }
        for (Line line : order.lines) {
            int open = line.remaining();
            line.variant.available += open;
            line.variant.committed -= open;
            line.cancelled = open;
        }
        order.cancelledAt = at;
        order.cancelReason = "CUSTOMER";
        order.updatedAt = at;
    }

    synchronized List<Order> orders() {
        return List.copyOf(orders);
    }

    synchronized @Nullable Order order(long id) {
        return ordersById.get(id);
    }

    /** The order named {@code name} ({@code #1001}; the {@code #} may be left out), or {@code null}. */
    synchronized @Nullable Order orderNamed(String name) {
        String wanted = name.strip().startsWith("#") ? name.strip() : "#" + name.strip();
        return orders.stream().filter(order -> order.name.equals(wanted)).findFirst().orElse(null);
    }

    synchronized @Nullable Order orderOfFulfillmentOrder(long fulfillmentOrderId) {
        return ordersByFulfillmentOrder.get(fulfillmentOrderId);
    }

    // --- fulfillments -----------------------------------------------------------------------------------------

    /**
     * Records a shipment of {@code quantities} (fulfillment order line item id → units; empty means everything
     * left) against one fulfillment order, or says why not. Nothing changes unless everything is valid.
     */
    synchronized FulfillmentOutcome fulfill(long fulfillmentOrderId, Map<Long, Integer> quantities,
            @Nullable String carrier, List<String> trackingNumbers, @Nullable String trackingUrl) {
        Order order = ordersByFulfillmentOrder.get(fulfillmentOrderId);
        if (order == null) {
            return FulfillmentOutcome.refused("Fulfillment order does not exist.");
        }
        if (order.cancelledAt != null || order.fulfillmentOrderStatus().equals("CLOSED")) {
            return FulfillmentOutcome.refused("Fulfillment order " + fulfillmentOrderId
                    + " has an unfulfillable status= closed.");
        }
        Map<Line, Integer> shipped = new LinkedHashMap<>();
        if (quantities.isEmpty()) {
            order.lines.stream().filter(line -> line.remaining() > 0)
                    .forEach(line -> shipped.put(line, line.remaining()));
        }
        for (Map.Entry<Long, Integer> wanted : quantities.entrySet()) {
            Line line = order.lines.stream().filter(candidate -> candidate.fulfillmentOrderLineId == wanted.getKey())
                    .findFirst().orElse(null);
            if (line == null) {
                return FulfillmentOutcome.refused("Fulfillment order line item " + wanted.getKey()
                        + " does not belong to fulfillment order " + fulfillmentOrderId + ".");
            }
            if (wanted.getValue() < 1 || shipped.merge(line, wanted.getValue(), Integer::sum) > line.remaining()) {
                return FulfillmentOutcome.refused("Invalid fulfillment order line item quantity requested.");
            }
        }
        Instant now = clock.instant();
        Map<Line, Long> lineIds = new LinkedHashMap<>();
        shipped.forEach((line, units) -> {
            line.fulfilled += units;
            line.variant.committed -= units;
            lineIds.put(line, ids.getAsLong());
        });
        Fulfillment fulfillment = new Fulfillment(ids.getAsLong(), order, Map.copyOf(shipped), lineIds, carrier,
                List.copyOf(trackingNumbers), trackingUrl, now);
        fulfillments.add(fulfillment);
        order.updatedAt = now;
        return new FulfillmentOutcome(fulfillment, null);
    }

    synchronized List<Fulfillment> fulfillments() {
        return List.copyOf(fulfillments);
    }

    synchronized List<Fulfillment> fulfillments(Order order) {
        return fulfillments.stream().filter(fulfillment -> fulfillment.order() == order).toList();
    }

    // --- refunds and returns ------------------------------------------------------------------------------------

    /**
     * Refunds every unit of {@code order} not refunded yet, at its price, as one refund with one successful
     * transaction. With {@code restock}, units not shipped yet are cancelled back to available ({@code cancel}) and
     * shipped ones come back to available ({@code return}); without, both are {@code no_restock}: unshipped units
     * leave the order and are written off, shipped ones stay with the buyer.
     *
     * @throws IllegalStateException when the order is cancelled or has nothing left to refund
     */
    synchronized Refund refund(Order order, boolean restock, Instant at) {
        if (order.cancelledAt != null) {
            throw new IllegalStateException("Order " + order.name + " is cancelled, and its payment was refunded "
                    + "with the cancellation.");
        }
        List<RefundLine> lines = new ArrayList<>();
        for (Line line : order.lines) {
            int unshipped = line.remaining();
            int shipped = line.fulfilled - line.refundedShipped;
            if (unshipped > 0) {
                lines.add(new RefundLine(ids.getAsLong(), line, unshipped, restock ? "cancel" : "no_restock"));
                line.cancelled += unshipped;
                line.variant.committed -= unshipped;
                line.variant.available += restock ? unshipped : 0;
            }
            if (shipped > 0) {
                lines.add(new RefundLine(ids.getAsLong(), line, shipped, restock ? "return" : "no_restock"));
                line.refundedShipped += shipped;
                line.variant.available += restock ? shipped : 0;
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("Order " + order.name + " has nothing left to refund.");
        }
        BigDecimal amount = lines.stream()
                .map(line -> line.line().variant.price().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Refund refund = new Refund(ids.getAsLong(), ids.getAsLong(), order, List.copyOf(lines), amount,
                restock ? "Refunded in the sandbox, units restocked" : "Refunded in the sandbox", at);
        refunds.add(refund);
        order.refunded = true;
        order.updatedAt = at;
        return refund;
    }

    /**
     * Refunds shipped units of {@code order} that came back ({@code refundCreate} with restock types {@code RETURN}
     * and {@code NO_RESTOCK}): restocked units go back to available, the others stay written off.
     *
     * @param units per line, the units and whether they go back to stock
     * @throws IllegalStateException when a line has fewer shipped units left to refund than asked
     */
    synchronized Refund refundReturned(Order order, List<RefundRequestLine> units, String note, Instant at) {
        Map<Line, Integer> asked = new LinkedHashMap<>();
        units.forEach(unit -> asked.merge(unit.line(), unit.quantity(), Integer::sum));
        asked.forEach((line, quantity) -> {
            if (quantity < 1 || quantity > line.fulfilled - line.refundedShipped) {
                throw new IllegalStateException("Quantity cannot refund more items than were purchased: line "
                        + line.id + " has " + (line.fulfilled - line.refundedShipped) + " shipped units left to "
                        + "refund.");
            }
        });
        List<RefundLine> lines = new ArrayList<>();
        for (RefundRequestLine unit : units) {
            unit.line().refundedShipped += unit.quantity();
            unit.line().variant.available += unit.restock() ? unit.quantity() : 0;
            lines.add(new RefundLine(ids.getAsLong(), unit.line(), unit.quantity(),
                    unit.restock() ? "return" : "no_restock"));
        }
        BigDecimal amount = lines.stream()
                .map(line -> line.line().variant.price().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Refund refund = new Refund(ids.getAsLong(), ids.getAsLong(), order, List.copyOf(lines), amount, note, at);
        refunds.add(refund);
        order.refunded = true;
        order.updatedAt = at;
        return refund;
    }

    /** Units of one line a {@code refundCreate} asks to refund. */
    record RefundRequestLine(Line line, int quantity, boolean restock) {
    }

    /**
     * The buyer asks to return every shipped unit of {@code order} not on a return or refunded yet; the return is
     * {@code REQUESTED}, awaiting the merchant. Each line gives the next of {@link #RETURN_REASONS}.
     *
     * @throws IllegalStateException when nothing shipped is left to return
     */
    synchronized Return requestReturn(Order order, Instant at) {
        Map<Line, Integer> returnable = new LinkedHashMap<>();
        order.lines.forEach(line -> returnable.put(line, line.fulfilled - line.refundedShipped - line.returned));
        List<ReturnLine> lines = new ArrayList<>();
        for (Fulfillment fulfillment : fulfillments(order)) {
            fulfillment.shipped().forEach((line, units) -> {
                int take = Math.min(units, returnable.get(line));
                if (take > 0) {
                    returnable.merge(line, -take, Integer::sum);
                    line.returned += take;
                    lines.add(new ReturnLine(ids.getAsLong(), fulfillment.lineIds().get(line), line, take,
                            RETURN_REASONS.get((returns.size() + lines.size()) % RETURN_REASONS.size())));
                }
            });
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("Order " + order.name + " has no shipped units left to return; "
                    + "fulfil it first.");
        }
        long returnsOfOrder = returns.stream().filter(earlier -> earlier.order() == order).count();
        Return requested = new Return(ids.getAsLong(), order, order.name + "-R" + (returnsOfOrder + 1), "REQUESTED",
                List.copyOf(lines), at);
        returns.add(requested);
        return requested;
    }

    synchronized List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    synchronized List<Return> returns() {
        return List.copyOf(returns);
    }

    // --- inventory --------------------------------------------------------------------------------------------

    /** The variant of a SKU, or {@code null} when the shop sells none. */
    synchronized @Nullable Variant variantBySku(String sku) {
        return variantsBySku.get(sku);
    }

    synchronized @Nullable Variant variantByInventoryItem(long inventoryItemId) {
        return variantsByInventoryItem.get(inventoryItemId);
    }

    /** What an earlier call with {@code key} answered, or {@code null} if the key is new. */
    synchronized @Nullable Idempotent idempotent(String key) {
        return idempotencyKeys.get(key);
    }

    /** Remembers the answer to a call with {@code key}, so a repeat gets it again instead of applying twice. */
    synchronized void rememberIdempotent(String key, String fingerprint, Object answer) {
        idempotencyKeys.put(key, new Idempotent(fingerprint, answer));
    }

    /** Applies one adjustment group: {@code available} or {@code on_hand} set per variant; returns its id. */
    synchronized long applyQuantities(String name, Map<Variant, Integer> quantities) {
        quantities.forEach((variant, quantity) -> {
            if (name.equals("available")) {
                variant.available = quantity;
            } else {
                variant.available = quantity - variant.committed;
            }
        });
        adjustmentGroups++;
        return ids.getAsLong();
    }

    synchronized int adjustmentGroups() {
        return adjustmentGroups;
    }

    /** What the shop holds now. */
    synchronized StoreSummary summary() {
        List<StoreSummary.Order> orderViews = orders.stream().map(order -> new StoreSummary.Order(
                SandboxAdminApi.gid("Order", order.id), order.name, order.updatedAt, order.cancelledAt != null,
                SandboxAdminApi.gid("FulfillmentOrder", order.fulfillmentOrderId),
                order.lines.stream().map(line -> new StoreSummary.FulfillmentLine(
                        SandboxAdminApi.gid("FulfillmentOrderLineItem", line.fulfillmentOrderLineId),
                        line.variant.sku(), line.quantity, line.remaining())).toList())).toList();
        List<StoreSummary.Fulfillment> fulfillmentViews = fulfillments.stream().map(fulfillment ->
                new StoreSummary.Fulfillment(SandboxAdminApi.gid("Fulfillment", fulfillment.id()),
                        SandboxAdminApi.gid("Order", fulfillment.order().id), fulfillment.order().name,
                        fulfillment.carrier(), fulfillment.trackingNumbers(), fulfillment.units())).toList();
        List<StoreSummary.Refund> refundViews = refunds.stream().map(refund -> new StoreSummary.Refund(
                SandboxAdminApi.gid("Refund", refund.id()), refund.order().name, refund.units(), refund.restocks(),
                refund.amount(), refund.restockedUnits(), refund.note())).toList();
        List<StoreSummary.Return> returnViews = returns.stream().map(requested -> new StoreSummary.Return(
                SandboxAdminApi.gid("Return", requested.id()), requested.order().name, requested.status(),
                requested.units())).toList();
        List<StoreSummary.InventoryLevel> levels = variantsBySku.values().stream().map(variant ->
                new StoreSummary.InventoryLevel(variant.sku(), SandboxAdminApi.gid("ProductVariant", variant.id()),
                        SandboxAdminApi.gid("InventoryItem", variant.inventoryItemId()),
                        SandboxAdminApi.gid("Location", locationId), variant.available(), variant.onHand())).toList();
        CostBucket.Status throttle = bucket.status();
        return new StoreSummary(shopDomain, variantsBySku.size(), orderViews, fulfillmentViews, refundViews,
                returnViews, levels, adjustmentGroups, throttle.currentlyAvailable(), throttle.maximumAvailable(),
                faults, faultyAnswers);
    }

    // --- faults -----------------------------------------------------------------------------------------------

    synchronized void plan(FaultPlan plan) {
        this.faults = Objects.requireNonNull(plan, "plan");
    }

    synchronized FaultPlan faults() {
        return faults;
    }

    synchronized int faultyAnswers() {
        return faultyAnswers;
    }

    synchronized Duration latency() {
        return faults.latency();
    }

    /** The fault the next answer is, counted off the plan; {@link Fault#NONE} when none is due. */
    synchronized Fault nextFault() {
        Fault fault;
        if (faults.rateLimited() > 0) {
            faults = faults.withRateLimited(faults.rateLimited() - 1, faults.retryAfter());
            fault = Fault.RATE_LIMITED;
        } else if (faults.serverErrors() > 0) {
            faults = faults.withServerErrors(faults.serverErrors() - 1);
            fault = Fault.SERVER_ERROR;
        } else if (faults.throttled() > 0) {
            faults = faults.withThrottled(faults.throttled() - 1);
            fault = Fault.THROTTLED;
        } else {
            return Fault.NONE;
        }
        faultyAnswers++;
        return fault;
    }

    synchronized Duration retryAfter() {
        return faults.retryAfter();
    }

    /** One kind of injected answer. */
    enum Fault {
        NONE, RATE_LIMITED, SERVER_ERROR, THROTTLED
    }

    // --- the shop's things --------------------------------------------------------------------------------------

    /**
     * An item (or bundle) of the tenant's catalog as the shop sells it.
     *
     * @param sku         the master SKU
     * @param title       the product title (the item's description)
     * @param variantSkus the SKUs of its variants: its Shopify variant SKU aliases, or its master SKU
     * @param variantId   the variant id from a Shopify variant id alias, used when the item has one variant
     * @param bundle      whether it is a bundle or kit
     */
    record CatalogProduct(String sku, String title, List<String> variantSkus, @Nullable Long variantId,
            boolean bundle) {

        CatalogProduct {
            variantSkus = List.copyOf(variantSkus);
        }
    }

    /** Where a variant comes from. */
    enum VariantKind {
        /** An item of the catalog, through its Shopify alias or its master SKU. */
        CATALOG,
        /** A bundle or kit of the catalog. */
        BUNDLE,
        /** A product the catalog does not know. */
        UNMAPPED
    }

    /** A product variant with its inventory item and its stock at the shop's location. */
    static final class Variant {

        private final long id;
        private final long productId;
        private final long inventoryItemId;
        private final String sku;
        private final String title;
        private final VariantKind kind;
        private final BigDecimal price;
        private int available = INITIAL_AVAILABLE;
        private int committed;

        Variant(long id, long productId, long inventoryItemId, String sku, String title, VariantKind kind,
                BigDecimal price) {
            this.id = id;
            this.productId = productId;
            this.inventoryItemId = inventoryItemId;
            this.sku = sku;
            this.title = title;
            this.kind = kind;
            this.price = price;
        }

        long id() {
            return id;
        }

        long productId() {
            return productId;
        }

        long inventoryItemId() {
            return inventoryItemId;
        }

        String sku() {
            return sku;
        }

        String title() {
            return title;
        }

        VariantKind kind() {
            return kind;
        }

        BigDecimal price() {
            return price;
        }

        int available() {
            return available;
        }

        int onHand() {
            return available + committed;
        }
    }

    /** One line of an order to create. */
    record LineRequest(Variant variant, int quantity) {
    }

    /** A shipping address. */
    record Address(String firstName, String lastName, String address1, @Nullable String address2, String city,
            String province, String provinceCode, String zip, String country, String countryCode,
            @Nullable String phone) {

        String name() {
            return firstName + " " + lastName;
        }
    }

    /** An order with its lines and its one fulfillment order (the shop has one location). */
    static final class Order {

        final long id;
        final int number;
        final String name;
        final Instant createdAt;
        final String email;
        final Address shipTo;
        final long fulfillmentOrderId;
        final List<Line> lines = new ArrayList<>();
        final List<String> tags = new ArrayList<>();
        @Nullable String note;
        /** The buyer's shipping method (code and title), or null for the shop's standard one. */
        @Nullable String shippingMethod;
        Instant updatedAt;
        @Nullable Instant cancelledAt;
        @Nullable String cancelReason;
        boolean refunded;

        Order(long id, int number, String name, Instant createdAt, String email, Address shipTo,
                long fulfillmentOrderId) {
            this.id = id;
            this.number = number;
            this.name = name;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
            this.email = email;
            this.shipTo = shipTo;
            this.fulfillmentOrderId = fulfillmentOrderId;
        }

        /** {@code OPEN}, {@code IN_PROGRESS} (partly fulfilled) or {@code CLOSED}. */
        String fulfillmentOrderStatus() {
            if (cancelledAt != null || lines.stream().allMatch(line -> line.remaining() == 0)) {
                return "CLOSED";
            }
            return lines.stream().anyMatch(line -> line.fulfilled > 0) ? "IN_PROGRESS" : "OPEN";
        }

        /** {@code UNFULFILLED}, {@code PARTIALLY_FULFILLED} or {@code FULFILLED}. */
        String fulfillmentStatus() {
            int fulfilled = lines.stream().mapToInt(line -> line.fulfilled).sum();
            int ordered = lines.stream().mapToInt(line -> line.quantity - line.cancelled).sum();
            return fulfilled == 0 ? "UNFULFILLED" : fulfilled < ordered ? "PARTIALLY_FULFILLED" : "FULFILLED";
        }

        /** {@code PAID}, {@code PARTIALLY_REFUNDED} or {@code REFUNDED} (cancelled, or every unit refunded). */
        String financialStatus() {
            if (cancelledAt != null) {
                return "REFUNDED";
            }
            if (!refunded) {
                return "PAID";
            }
            return lines.stream().allMatch(line -> line.remaining() == 0 && line.fulfilled == line.refundedShipped)
                    ? "REFUNDED" : "PARTIALLY_REFUNDED";
        }

        BigDecimal subtotal() {
            return lines.stream().map(line -> line.variant.price().multiply(BigDecimal.valueOf(line.quantity)))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** A line of an order, and its line on the fulfillment order. */
    static final class Line {

        final long id;
        final long fulfillmentOrderLineId;
        final Variant variant;
        final int quantity;
        int fulfilled;
        int cancelled;
        /** Shipped units refunded. */
        int refundedShipped;
        /** Shipped units on a return. */
        int returned;

        Line(long id, long fulfillmentOrderLineId, Variant variant, int quantity) {
            this.id = id;
            this.fulfillmentOrderLineId = fulfillmentOrderLineId;
            this.variant = variant;
            this.quantity = quantity;
        }

        /** Units still to ship: ordered, less fulfilled and cancelled. */
        int remaining() {
            return quantity - fulfilled - cancelled;
        }
    }

    /**
     * A shipment reported through the Admin API.
     *
     * @param lineIds the id of the fulfillment line item of each line it shipped
     */
    record Fulfillment(long id, Order order, Map<Line, Integer> shipped, Map<Line, Long> lineIds,
            @Nullable String carrier, List<String> trackingNumbers, @Nullable String trackingUrl, Instant createdAt) {

        int units() {
            return shipped.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** A refund of an order, with the one transaction that paid it back. */
    record Refund(long id, long transactionId, Order order, List<RefundLine> lines, BigDecimal amount, String note,
            Instant createdAt) {

        int units() {
            return lines.stream().mapToInt(RefundLine::quantity).sum();
        }

        boolean restocks() {
            return lines.stream().anyMatch(line -> !line.restockType().equals("no_restock"));
        }

        int restockedUnits() {
            return lines.stream().filter(line -> !line.restockType().equals("no_restock"))
                    .mapToInt(RefundLine::quantity).sum();
        }
    }

    /** Units of one line refunded, and Shopify's {@code restock_type} for them. */
    record RefundLine(long id, Line line, int quantity, String restockType) {
    }

    /** A return the buyer asked for. */
    record Return(long id, Order order, String name, String status, List<ReturnLine> lines, Instant createdAt) {

        int units() {
            return lines.stream().mapToInt(ReturnLine::quantity).sum();
        }
    }

    /** Units of one fulfillment line item to come back, and why. */
    record ReturnLine(long id, long fulfillmentLineId, Line line, int quantity, String reason) {
    }

    /** A fulfillment created, or Shopify's message why not. */
    record FulfillmentOutcome(@Nullable Fulfillment fulfillment, @Nullable String refusal) {

        static FulfillmentOutcome refused(String message) {
            return new FulfillmentOutcome(null, message);
        }
    }

    /** The answer given to an idempotency key (as {@link GraphQlExecutor} values), and what it was asked with. */
    record Idempotent(String fingerprint, Object answer) {
    }
}
