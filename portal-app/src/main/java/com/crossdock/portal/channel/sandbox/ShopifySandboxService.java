package com.crossdock.portal.channel.sandbox;

import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ChannelService.SandboxCredentials;
import com.crossdock.portal.channel.ConnectionView;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.channel.sandbox.OrderGenerator.Delivery;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Sandbox mode for Shopify connections: what the Channels view and tests call to drive a connection's sandbox shop.
 * It generates orders from the tenant's own catalog and sends them as signed webhooks into the real pipeline, refunds,
 * cancels and takes returns of single orders the same way, injects faults into the shop's Admin API, and shows what
 * the shop holds. Only connections in sandbox mode have a
 * sandbox shop; a live connection is refused with {@link NotASandboxConnectionException}.
 *
 * <p>Brand admins, account managers and platform admins may use it, for tenants they may open. Shops live in memory
 * and are emptied by a restart (see {@link ShopifySandbox}).
 */
@Service
public class ShopifySandboxService {

    private static final Logger log = LoggerFactory.getLogger(ShopifySandboxService.class);
    private static final String MANAGERS = "hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN')";
    /** The system actor that may open a sandbox connection's credentials ({@code system:sandbox}). */
    static final String ACTOR = "sandbox";

    private final TenantService tenants;
    private final ChannelService channels;
    private final ShopifySandbox sandbox;
    private final WebhookSender sender;
    private final Clock clock;

    ShopifySandboxService(TenantService tenants, ChannelService channels, ShopifySandbox sandbox, WebhookSender sender,
            Clock clock) {
        this.tenants = tenants;
        this.channels = channels;
        this.sandbox = sandbox;
        this.sender = sender;
        this.clock = clock;
    }

    /**
     * Creates orders in the connection's sandbox shop from the tenant's catalog as {@code options} say, and sends
     * their webhooks ({@code orders/create}, {@code orders/updated}, {@code orders/cancelled}), with duplicates, a
     * shuffle and a badly signed one if asked, to the portal's own webhook address. Returns when every delivery was
     * answered; the pipeline works the orders out in the background.
     *
     * @throws NotASandboxConnectionException for a live connection
     * @throws NoSuchConnectionException      for a connection the tenant does not have
     * @throws SandboxDeliveryException       when the portal could not be reached (the orders stay in the shop)
     */
    @PreAuthorize(MANAGERS)
    public GenerationSummary generateOrders(TenantId tenant, UUID connectionId, OrderGeneration options) {
        ConnectionView connection = sandboxConnection(tenant, connectionId);
        Objects.requireNonNull(options, "options");
        SandboxCredentials credentials = credentials(tenant, connectionId);
        SandboxStore store = sandbox.refreshedStore(tenant, connectionId, connection.shopDomain());
        Random random = options.seed() == null ? new Random() : new Random(options.seed());
        OrderGenerator.Plan plan = new OrderGenerator(store, options, random).generate(clock.instant());
        int accepted = 0;
        List<String> problems = new ArrayList<>();
        for (Delivery delivery : plan.deliveries()) {
            WebhookSender.Response response = sender.send(tenant, connectionId, credentials.shopDomain(),
                    credentials.apiVersion(), credentials.webhookSecret(), delivery);
            accepted += response.accepted() ? 1 : 0;
            if (response.accepted() == delivery.badSignature()) {
                problems.add(problem(delivery, response));
            }
        }
        if (!problems.isEmpty()) {
            log.warn("Sandbox webhooks of connection {} (tenant {}) not answered as expected: {}", connectionId,
                    tenant, problems);
        }
        int duplicates = (int) plan.deliveries().stream().filter(Delivery::duplicate).count();
        int badSignatures = (int) plan.deliveries().stream().filter(Delivery::badSignature).count();
        return new GenerationSummary(plan.orders(), plan.deliveries().size(), duplicates, badSignatures, accepted,
                plan.deliveries().size() - accepted, problems);
    }

    /**
     * Refunds every unit of the order named {@code orderName} ({@code #1001}) that is not refunded yet, and sends
     * Shopify's {@code refunds/create} webhook for it to the portal. With {@code restock}, unshipped units are
     * cancelled back to available ({@code restock_type} {@code cancel}) and shipped ones returned to it
     * ({@code return}); without, all are {@code no_restock}.
     *
     * @throws IllegalArgumentException       when the shop has no order of that name
     * @throws IllegalStateException          when the order is cancelled or has nothing left to refund
     * @throws NotASandboxConnectionException for a live connection
     * @throws NoSuchConnectionException      for a connection the tenant does not have
     * @throws SandboxDeliveryException       when the portal could not be reached (the refund stays in the shop)
     */
    @PreAuthorize(MANAGERS)
    public SandboxDelivery refund(TenantId tenant, UUID connectionId, String orderName, boolean restock) {
        ConnectionView connection = sandboxConnection(tenant, connectionId);
        SandboxCredentials credentials = credentials(tenant, connectionId);
        SandboxStore store = sandbox.store(tenant, connectionId, connection.shopDomain());
        Change change;
        synchronized (store) {
            SandboxStore.Refund refund = store.refund(order(store, orderName), restock, clock.instant());
            change = new Change("refunds/create", refund.order().name, SandboxAdminApi.gid("Refund", refund.id()),
                    WebhookBodies.refund(refund, store.locationId()));
        }
        return deliver(tenant, connectionId, credentials, change);
    }

    /**
     * The buyer asks to return every shipped unit of the order named {@code orderName} not on a return or refunded
     * yet; sends Shopify's {@code returns/request} webhook for the {@code REQUESTED} return to the portal.
     *
     * @throws IllegalArgumentException       when the shop has no order of that name
     * @throws IllegalStateException          when nothing shipped is left to return
     * @throws NotASandboxConnectionException for a live connection
     * @throws NoSuchConnectionException      for a connection the tenant does not have
     * @throws SandboxDeliveryException       when the portal could not be reached (the return stays in the shop)
     */
    @PreAuthorize(MANAGERS)
    public SandboxDelivery requestReturn(TenantId tenant, UUID connectionId, String orderName) {
        ConnectionView connection = sandboxConnection(tenant, connectionId);
        SandboxCredentials credentials = credentials(tenant, connectionId);
        SandboxStore store = sandbox.store(tenant, connectionId, connection.shopDomain());
        Change change;
        synchronized (store) {
            SandboxStore.Return requested = store.requestReturn(order(store, orderName), clock.instant());
            change = new Change("returns/request", requested.order().name,
                    SandboxAdminApi.gid("Return", requested.id()), WebhookBodies.returnRequest(requested));
        }
        return deliver(tenant, connectionId, credentials, change);
    }

    /**
     * Cancels the order named {@code orderName} as the buyer's request (its unshipped units go back to available)
     * and sends Shopify's {@code orders/cancelled} webhook to the portal. Like Shopify, it refuses an order that has
     * shipments: refund that one instead.
     *
     * @throws IllegalArgumentException       when the shop has no order of that name
     * @throws IllegalStateException          when the order is cancelled already or has shipments
     * @throws NotASandboxConnectionException for a live connection
     * @throws NoSuchConnectionException      for a connection the tenant does not have
     * @throws SandboxDeliveryException       when the portal could not be reached (the order stays cancelled)
     */
    @PreAuthorize(MANAGERS)
    public SandboxDelivery cancel(TenantId tenant, UUID connectionId, String orderName) {
        ConnectionView connection = sandboxConnection(tenant, connectionId);
        SandboxCredentials credentials = credentials(tenant, connectionId);
        SandboxStore store = sandbox.store(tenant, connectionId, connection.shopDomain());
        Change change;
        synchronized (store) {
            SandboxStore.Order order = order(store, orderName);
            if (order.cancelledAt != null) {
                throw new IllegalStateException("Order " + order.name + " is cancelled already.");
            }
            if (order.lines.stream().anyMatch(line -> line.fulfilled > 0)) {
                throw new IllegalStateException("Order " + order.name + " has shipments, and Shopify does not cancel "
                        + "an order with fulfillments: refund it instead.");
            }
            store.cancelOrder(order, clock.instant());
            change = new Change("orders/cancelled", order.name, SandboxAdminApi.gid("Order", order.id),
                    WebhookBodies.order(order, store.shopDomain()));
        }
        return deliver(tenant, connectionId, credentials, change);
    }

    /** Replaces the faults the connection's sandbox shop injects into its Admin API answers. */
    @PreAuthorize(MANAGERS)
    public StoreSummary fault(TenantId tenant, UUID connectionId, FaultPlan plan) {
        ConnectionView connection = sandboxConnection(tenant, connectionId);
        Objects.requireNonNull(plan, "plan");
        SandboxStore store = sandbox.store(tenant, connectionId, connection.shopDomain());
        store.plan(plan);
        return store.summary();
    }

    /** What the connection's sandbox shop holds now: orders, fulfillments, inventory, throttle and faults. */
    @PreAuthorize(MANAGERS)
    public StoreSummary storeSummary(TenantId tenant, UUID connectionId) {
        ConnectionView connection = sandboxConnection(tenant, connectionId);
        return sandbox.store(tenant, connectionId, connection.shopDomain()).summary();
    }

    /**
     * Empties the connection's sandbox shop, as a restart would; the next use starts afresh from the catalog. The
     * orders the pipeline already received stay where they are.
     */
    @PreAuthorize(MANAGERS)
    public void resetStore(TenantId tenant, UUID connectionId) {
        sandboxConnection(tenant, connectionId);
        sandbox.discard(tenant, connectionId);
    }

    private static SandboxStore.Order order(SandboxStore store, String orderName) {
        Objects.requireNonNull(orderName, "orderName");
        SandboxStore.Order order = store.orderNamed(orderName);
        if (order == null) {
            throw new IllegalArgumentException("The sandbox shop " + store.shopDomain() + " has no order \""
                    + orderName + "\"");
        }
        return order;
    }

    /**
     * A buyer places an order of these SKUs in the sandbox shop, as written, and Shopify's {@code orders/create}
     * webhook body for it is returned for the caller to deliver (the demo feeds it to the pipeline itself while the
     * portal starts). A SKU the shop does not sell yet is added to it first (a product the brand sells that the
     * 3PL's catalog lacks); {@code incompleteAddress} leaves out the street and ZIP code.
     *
     * @throws NotASandboxConnectionException for a live connection
     * @throws NoSuchConnectionException      for a connection the tenant does not have
     */
    @PreAuthorize(MANAGERS)
    public PlacedOrder placeOrder(TenantId tenant, UUID connectionId, Map<String, Integer> skus,
            boolean incompleteAddress, Instant at) {
        ConnectionView connection = sandboxConnection(tenant, connectionId);
        SandboxStore store = sandbox.refreshedStore(tenant, connectionId, connection.shopDomain());
        synchronized (store) {
            List<SandboxStore.LineRequest> lines = new ArrayList<>();
            skus.forEach((sku, quantity) -> {
                if (store.variantBySku(sku) == null) {
                    store.addProducts(List.of(new SandboxStore.CatalogProduct(sku, sku, List.of(sku), null, false)));
                }
                lines.add(new SandboxStore.LineRequest(java.util.Objects.requireNonNull(store.variantBySku(sku)),
                        quantity));
            });
            SandboxStore.Address address = incompleteAddress
                    ? new SandboxStore.Address("Sam", "Rivera", "", null, "Austin", "Texas", "TX", "", "United States",
                            "US", null)
                    : new SandboxStore.Address("Maya", "Chen", "88 Commercial Street", null, "Portland", "Maine",
                            "ME", "04101", "United States", "US", null);
            SandboxStore.Order order = store.createOrder(lines, address, "maya.chen@example.com", at);
            return new PlacedOrder(order.name, WebhookBodies.order(order, store.shopDomain()));
        }
    }

    /**
     * A buyer places an order as {@link #placeOrder} does, optionally with a shipping method of its own, and the
     * shop sends its {@code orders/create} webhook to the portal's webhook address over HTTP (the path a real shop's
     * webhooks take). Answers what was sent and how the portal answered, for a UAT run's evidence.
     *
     * @param shippingMethod the shipping line's code and title, or null for the shop's standard one
     * @throws NotASandboxConnectionException for a live connection
     * @throws NoSuchConnectionException      for a connection the tenant does not have
     * @throws SandboxDeliveryException       when the portal could not be reached (the order stays in the shop)
     */
    @PreAuthorize(MANAGERS)
    public SentWebhook placeAndSend(TenantId tenant, UUID connectionId, Map<String, Integer> skus,
            boolean incompleteAddress, @org.jspecify.annotations.Nullable String shippingMethod) {
        ConnectionView connection = sandboxConnection(tenant, connectionId);
        SandboxCredentials credentials = credentials(tenant, connectionId);
        PlacedOrder placed = placeOrder(tenant, connectionId, skus, incompleteAddress, clock.instant());
        byte[] body = placed.webhookBody();
        if (shippingMethod != null) {
            SandboxStore store = sandbox.store(tenant, connectionId, connection.shopDomain());
            synchronized (store) {
                SandboxStore.Order order = order(store, placed.orderName());
                order.shippingMethod = shippingMethod;
                body = WebhookBodies.order(order, store.shopDomain());
            }
        }
        return send(tenant, connectionId, credentials, new Delivery("orders/create", UUID.randomUUID().toString(),
                body, placed.orderName(), false, false));
    }

    /**
     * Sends a webhook again exactly as before (same webhook id and body), as Shopify does when it missed the
     * portal's answer.
     */
    @PreAuthorize(MANAGERS)
    public SentWebhook deliverAgain(TenantId tenant, UUID connectionId, SentWebhook earlier) {
        sandboxConnection(tenant, connectionId);
        SandboxCredentials credentials = credentials(tenant, connectionId);
        return send(tenant, connectionId, credentials, new Delivery(earlier.topic(), earlier.webhookId(),
                earlier.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), earlier.orderName(), false, true));
    }

    private SentWebhook send(TenantId tenant, UUID connectionId, SandboxCredentials credentials, Delivery delivery) {
        WebhookSender.Response response = sender.send(tenant, connectionId, credentials.shopDomain(),
                credentials.apiVersion(), credentials.webhookSecret(), delivery);
        String body = new String(delivery.body(), java.nio.charset.StandardCharsets.UTF_8);
        String channelOrderId = tools.jackson.databind.json.JsonMapper.shared().readTree(body).path("id").asString();
        return new SentWebhook(delivery.topic(), delivery.orderName(), channelOrderId, delivery.webhookId(), body,
                response.status(), response.body());
    }

    /**
     * A webhook the sandbox sent for an order, with the portal's answer.
     *
     * @param channelOrderId the shop's numeric order id
     * @param body           the body as sent
     * @param status         the portal's HTTP status
     * @param response       the portal's answer body
     */
    public record SentWebhook(String topic, String orderName, String channelOrderId, String webhookId, String body,
            int status, String response) {

        /** Whether the portal took it (2xx). */
        public boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    /** An order placed in a sandbox shop, with the {@code orders/create} webhook body that reports it. */
    public record PlacedOrder(String orderName, byte[] webhookBody) {
    }

    /** Sends the webhook of a change made in the shop; the body was built under the store's lock, as it was then. */
    private SandboxDelivery deliver(TenantId tenant, UUID connectionId, SandboxCredentials credentials,
            Change change) {
        Delivery delivery = new Delivery(change.topic(), UUID.randomUUID().toString(), change.body(),
                change.orderName(), false, false);
        WebhookSender.Response response = sender.send(tenant, connectionId, credentials.shopDomain(),
                credentials.apiVersion(), credentials.webhookSecret(), delivery);
        if (!response.accepted()) {
            log.warn("Sandbox webhook of connection {} (tenant {}) refused: {}", connectionId, tenant,
                    problem(delivery, response));
        }
        return new SandboxDelivery(change.topic(), change.orderName(), change.resourceId(), delivery.webhookId(),
                response.status(), response.accepted(), response.body());
    }

    /** A change made in a sandbox shop and the webhook body that reports it. */
    private record Change(String topic, String orderName, String resourceId, byte[] body) {
    }

    /** The connection, if the caller may open the tenant, the tenant has it, and it is in sandbox mode. */
    private ConnectionView sandboxConnection(TenantId tenant, UUID connectionId) {
        tenants.requireOpen(tenant);
        Objects.requireNonNull(connectionId, "connectionId");
        ConnectionView connection = channels.connections(tenant).stream()
                .filter(candidate -> candidate.id().equals(connectionId)).findFirst()
                .orElseThrow(() -> new NoSuchConnectionException(connectionId));
        if (connection.mode() != ChannelMode.SANDBOX) {
            throw new NotASandboxConnectionException(connection.name());
        }
        return connection;
    }

    /** Opened as the sandbox's system actor: people may drive the sandbox but never read its secrets. */
    private SandboxCredentials credentials(TenantId tenant, UUID connectionId) {
        return SystemActor.call(ACTOR, () -> channels.sandboxCredentials(tenant, connectionId))
                .orElseThrow(() -> new NoSuchConnectionException(connectionId));
    }

    private static String problem(Delivery delivery, WebhookSender.Response response) {
        String what = delivery.topic() + " of " + delivery.orderName() + " (webhook " + delivery.webhookId()
                + (delivery.badSignature() ? ", badly signed" : "") + ")";
        return delivery.badSignature() ? what + " was accepted (HTTP " + response.status() + ")"
                : what + " was refused: HTTP " + response.status() + " " + response.body();
    }
}
