package com.crossdock.portal.sync;

import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ChannelLine;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.WebhookSecrets;
import com.crossdock.portal.channel.amazon.AmazonOrder;
import com.crossdock.portal.channel.amazon.AmazonOrderParser;
import com.crossdock.portal.channel.amazon.AmazonPayloadException;
import com.crossdock.portal.channel.shopify.ShopifyOrderParser;
import com.crossdock.portal.channel.shopify.ShopifyPayloadException;
import com.crossdock.portal.channel.shopify.ShopifyWebhookSignature;
import com.crossdock.portal.channel.walmart.WalmartOrderParser;
import com.crossdock.portal.channel.walmart.WalmartPayloadException;
import com.crossdock.portal.events.BrandEvent;
import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.portal.governance.ShipMethodMapping;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.order.Address;
import com.crossdock.portal.order.CanonicalOrder;
import com.crossdock.portal.order.OrderLine;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.truth.DataType;
import com.crossdock.tenantconfig.truth.OwnershipCheck;
import com.crossdock.tenantconfig.truth.SystemKind;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The order pipeline of the sync engine. A webhook is verified and kept in the inbox as received (deduplicated by
 * its webhook id), answered at once, and processed after: parsed into a canonical order (older updates than the
 * stored one are skipped), lines resolved to master SKUs through the catalog's aliases, virtual bundles exploded,
 * hold rules applied, and the order released into the warehouse outbox once, with an idempotency key. Whatever
 * cannot move becomes an exception with the raw payload; repeats fold into one with a count. It runs for webhooks
 * and jobs as a system actor, never for a person, which is why it is a component and not a service; what people
 * read of it is {@link SyncService}.
 */
@Component
public class OrderPipeline {

    private static final Logger log = LoggerFactory.getLogger(OrderPipeline.class);
    private static final String WEBHOOK_ACTOR = "webhook";
    private static final String API_ACTOR = "api";
    private static final tools.jackson.databind.json.JsonMapper CANONICAL_JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private final TenantService tenants;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final ChannelService channels;
    private final CatalogService catalog;
    private final Clock clock;
    private final Journey journey;
    private final ShopifyOrderParser parser = new ShopifyOrderParser();
    private final AmazonOrderParser amazonParser = new AmazonOrderParser();
    private final WalmartOrderParser walmartParser = new WalmartOrderParser();
    private final ExecutorService processing;
    private final ExceptionLog exceptions;
    private final ReturnsIntake returns;
    private final org.springframework.context.ApplicationEventPublisher events;

    private final GovernanceService governance;
    private final GoLive goLive;

    OrderPipeline(TenantService tenants, TenantTransactions transactions, JdbcClient jdbc, ChannelService channels,
            CatalogService catalog, Clock clock, SyncProperties properties, ExceptionLog exceptions, Journey journey,
            ReturnsIntake returns, org.springframework.context.ApplicationEventPublisher events,
            GovernanceService governance, GoLive goLive) {
        this.goLive = goLive;
        this.governance = governance;
        this.events = events;
        this.returns = returns;
        this.journey = journey;
        this.exceptions = exceptions;
        this.processing = Executors.newFixedThreadPool(Math.max(1, properties.processingThreads()),
                Thread.ofVirtual().name("order-pipeline-", 0).factory());
        this.tenants = tenants;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.channels = channels;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Receives a Shopify webhook for a tenant's connection: verifies its signature against the connection's
     * secrets, keeps it in the inbox, and starts processing it in the background. Fast: Shopify waits 5 s.
     */
    public WebhookOutcome receiveShopifyWebhook(TenantId tenant, UUID connectionId, String topic,
            @Nullable String webhookId, @Nullable String signature, String headers, byte[] body, String remoteAddr) {
        WebhookOutcome outcome = SystemActor.call(WEBHOOK_ACTOR, () -> {
            Optional<WebhookSecrets> secrets = channels.webhookSecrets(tenant, connectionId);
            if (secrets.isEmpty()) {
                return new WebhookOutcome(WebhookOutcome.Kind.UNKNOWN_CONNECTION, null);
            }
            if (!new ShopifyWebhookSignature(secrets.get().secrets()).verify(body, signature)) {
                transactions.writeAll(tenant, () -> jdbc.sql("""
                        INSERT INTO security_event (tenant_id, id, at, kind, detail, remote_addr)
                        VALUES (crossdock_current_tenant(), :id, :at, 'WEBHOOK_BAD_SIGNATURE', :detail, :remote)""")
                        .param("id", UUID.randomUUID()).param("at", Timestamp.from(clock.instant()))
                        .param("detail", Text.clip("Shopify " + topic + " webhook " + webhookId + " for connection "
                                + connectionId + ": the X-Shopify-Hmac-Sha256 signature does not match", 2000))
                        .param("remote", Text.clip(remoteAddr, 100)).update());
                return new WebhookOutcome(WebhookOutcome.Kind.BAD_SIGNATURE, null);
            }
            UUID inboxId = UUID.randomUUID();
            String dedupKey = webhookId == null || webhookId.isBlank() ? "sha256:" + Text.sha256(body)
                    : "webhook:" + webhookId;
            int inserted = transactions.write(tenant, () -> jdbc.sql("""
                    INSERT INTO channel_inbox (tenant_id, id, connection_id, source, topic, dedup_key, headers, payload,
                                               received_at)
                    VALUES (crossdock_current_tenant(), :id, :connection, 'WEBHOOK', :topic, :dedup, :headers, :payload,
                            :at)
                    ON CONFLICT (tenant_id, connection_id, dedup_key) DO NOTHING""")
                    .param("id", inboxId).param("connection", connectionId).param("topic", Text.clip(topic, 60))
                    .param("dedup", Text.clip(dedupKey, 200)).param("headers", headers)
                    .param("payload", new String(body, StandardCharsets.UTF_8))
                    .param("at", Timestamp.from(clock.instant())).update());
            if (inserted == 1) {
                return new WebhookOutcome(WebhookOutcome.Kind.ACCEPTED, inboxId);
            }
            // kept before but not processed (its first delivery's commit answered with an error, say): the
            // re-delivery starts the processing again instead of leaving it to the sweep
            UUID waiting = transactions.read(tenant, () -> jdbc.sql("""
                    SELECT id FROM channel_inbox WHERE connection_id = :connection AND dedup_key = :dedup
                    AND processed_at IS NULL""").param("connection", connectionId)
                    .param("dedup", Text.clip(dedupKey, 200)).query(UUID.class).optional().orElse(null));
            return new WebhookOutcome(WebhookOutcome.Kind.DUPLICATE, waiting);
        });
        if (outcome.inboxId() != null) {
            UUID inboxId = outcome.inboxId();
            processing.execute(() -> processQuietly(tenant, inboxId));
        }
        return outcome;
    }

    /**
     * Receives an order a brand entered itself (through the API) for one of its connections: kept in the inbox as
     * canonical JSON (deduplicated by its channel order id, so the same order twice is kept once) and processed at
     * once, by the same steps as a channel's orders. Answers the order's id.
     */
    public UUID receiveApiOrder(TenantId tenant, UUID connectionId, CanonicalOrder order) {
        String dedupKey = "api:" + order.channelOrderId();
        UUID inboxId = SystemActor.call(API_ACTOR, () -> {
            transactions.write(tenant, () -> jdbc.sql("""
                    INSERT INTO channel_inbox (tenant_id, id, connection_id, source, topic, dedup_key, payload,
                                               received_at)
                    VALUES (crossdock_current_tenant(), :id, :connection, 'API', 'orders/create', :dedup, :payload,
                            :at)
                    ON CONFLICT (tenant_id, connection_id, dedup_key) DO NOTHING""")
                    .param("id", UUID.randomUUID()).param("connection", connectionId).param("dedup", dedupKey)
                    .param("payload", CANONICAL_JSON.writeValueAsString(order))
                    .param("at", Timestamp.from(clock.instant())).update());
            return transactions.read(tenant, () -> jdbc.sql("""
                    SELECT id FROM channel_inbox WHERE connection_id = :connection AND dedup_key = :dedup""")
                    .param("connection", connectionId).param("dedup", dedupKey).query(UUID.class).single());
        });
        process(tenant, inboxId);
        return SystemActor.call(API_ACTOR, () -> transactions.read(tenant, () -> jdbc.sql("""
                SELECT id FROM sales_order WHERE connection_id = :connection AND channel_order_id = :order""")
                .param("connection", connectionId).param("order", order.channelOrderId()).query(UUID.class)
                .single()));
    }

    /** How long a kept webhook may wait for its background task before the sweep takes it over. */
    static final java.time.Duration SWEEP_AFTER = java.time.Duration.ofSeconds(30);

    /**
     * Processes, for every tenant, inbox entries kept more than {@code olderThan} ago and not processed yet. Entries
     * a background task is processing right now are locked and skipped.
     */
    public int sweep(java.time.Duration olderThan) {
        return SystemActor.call(WEBHOOK_ACTOR, () -> {
            int processed = 0;
            for (var tenant : tenants.visibleTenants()) {
                Timestamp before = Timestamp.from(clock.instant().minus(olderThan));
                List<UUID> stale = transactions.read(tenant.id(), () -> jdbc.sql("""
                        SELECT id FROM channel_inbox WHERE processed_at IS NULL AND received_at < :before
                          AND topic <> 'amazon/notification'
                        ORDER BY received_at LIMIT 500""").param("before", before).query(UUID.class).list());
                for (UUID id : stale) {
                    process(tenant.id(), id);
                    processed++;
                }
            }
            return processed;
        });
    }

    /** Processes every inbox entry of the tenant not processed yet (after a restart, or by the sweep job). */
    public int processPending(TenantId tenant) {
        List<UUID> pending = SystemActor.call(WEBHOOK_ACTOR, () -> transactions.read(tenant, () -> jdbc.sql(
                // an Amazon notification waiting for SQS to deliver it again is the order import's (AmazonNotifications)
                "SELECT id FROM channel_inbox WHERE processed_at IS NULL AND topic <> 'amazon/notification' "
                        + "ORDER BY received_at LIMIT 500")
                .query(UUID.class).list()));
        pending.forEach(id -> process(tenant, id));
        return pending.size();
    }

    /**
     * Processes one inbox entry; a second call (or a concurrent one) finds it processed and does nothing. Entries of
     * one tenant are processed side by side, and their exceptions and rollups can meet in the database the other way
     * round: a transaction PostgreSQL chose as a deadlock's victim was rolled back whole, so it is simply done again.
     */
    public void process(TenantId tenant, UUID inboxId) {
        SystemActor.call(WEBHOOK_ACTOR, () -> {
            Retry.decorateRunnable(DEADLOCKS, () -> transactions.writeAll(tenant,
                    () -> processInTransaction(inboxId, false))).run();
            return null;
        });
    }

    /** Up to three attempts of a whole transaction that lost a deadlock or a lock wait, 50 ms apart and more. */
    private static final Retry DEADLOCKS = Retry.of("order-pipeline-deadlocks", RetryConfig.custom()
            .maxAttempts(3)
            .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(50), 2.0))
            .retryExceptions(org.springframework.dao.PessimisticLockingFailureException.class)
            .build());

    /**
     * Processes an inbox entry again that was processed before (the retry of an exception): the same channel
     * version of the order is worked out anew against today's catalog instead of being skipped as not newer.
     */
    void reprocess(TenantId tenant, UUID inboxId) {
        SystemActor.call(WEBHOOK_ACTOR, () -> {
            Retry.decorateRunnable(DEADLOCKS, () -> transactions.writeAll(tenant,
                    () -> processInTransaction(inboxId, true))).run();
            return null;
        });
    }

    private void processQuietly(TenantId tenant, UUID inboxId) {
        try {
            process(tenant, inboxId);
        } catch (RuntimeException e) {
            // the entry stays unprocessed in the inbox; processPending picks it up again
            log.error("Processing inbox entry {} of tenant {} failed; it stays in the inbox for the next sweep",
                    inboxId, tenant, e);
        }
    }

    private void processInTransaction(UUID inboxId, boolean again) {
        Optional<Inbound> claimed = jdbc.sql("""
                SELECT i.id, i.connection_id, i.topic, i.payload, i.source, c.channel
                FROM channel_inbox i JOIN channel_connection c ON c.id = i.connection_id
                WHERE i.id = :id AND i.processed_at IS NULL AND i.topic <> 'amazon/notification'
                FOR UPDATE OF i SKIP LOCKED""").param("id", inboxId)
                .query((rs, n) -> new Inbound(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                .optional();
        if (claimed.isEmpty()) {
            return;
        }
        Inbound inbound = claimed.get();
        String outcome;
        String note = null;
        try {
            byte[] payload = inbound.payload().getBytes(StandardCharsets.UTF_8);
            if (inbound.channel().equals("AMAZON") && !inbound.source().equals("API")) {
                // the order import keeps each Amazon order with its items; FBA orders are Amazon's to ship
                switch (amazonParser.parseOrder(payload)) {
                    case AmazonOrder.ForWarehouse forWarehouse -> outcome = apply(inbound, forWarehouse.order(), again);
                    case AmazonOrder.Ignored ignored -> {
                        outcome = "IGNORED";
                        note = Text.clip(ignored.reason(), 500);
                    }
                }
            } else if (ReturnsIntake.handles(inbound.topic())) {
                // Shopify's refund and return webhooks, and the return orders Walmart's returns import keeps
                outcome = returns.apply(inbound.id(), inbound.connectionId(), inbound.topic(), inbound.payload());
            } else if (inbound.channel().equals("WALMART") && !inbound.source().equals("API")) {
                // the order import keeps each purchase order as Walmart sent it
                outcome = apply(inbound, walmartParser.parseOrder(payload).order(), again);
            } else {
                // webhooks carry REST-shaped orders; the polling flow keeps the GraphQL order nodes it read
                CanonicalOrder order = switch (inbound.source()) {
                    case "POLL" -> parser.parseGraphQlOrder(payload);
                    // kept by receiveApiOrder from a CanonicalOrder it serialised itself
                    case "API" -> CANONICAL_JSON.readValue(payload, CanonicalOrder.class);
                    default -> parser.parseRestOrder(payload);
                };
                outcome = apply(inbound, order, again);
            }
        } catch (AmazonPayloadException unusable) {
            exceptions.record(Flow.ORDER_IMPORT, inbound.connectionId(), inbound.id(), unusable.reasonCode().name(),
                    "inbox:" + inbound.id(), "Amazon order read by the order import", unusable.getMessage(),
                    inbound.payload());
            outcome = "EXCEPTION";
        } catch (WalmartPayloadException unusable) {
            boolean isReturn = ReturnsIntake.handles(inbound.topic());
            exceptions.record(isReturn ? Flow.RETURNS_IMPORT : Flow.ORDER_IMPORT, inbound.connectionId(),
                    inbound.id(), unusable.reasonCode().name(), "inbox:" + inbound.id(), isReturn
                            ? "Walmart return read by the returns import" : "Walmart order read by the order import",
                    unusable.getMessage(), inbound.payload());
            outcome = "EXCEPTION";
        } catch (ShopifyPayloadException unusable) {
            exceptions.record(ReturnsIntake.handles(inbound.topic()) ? Flow.RETURNS_IMPORT : Flow.ORDER_IMPORT,
                    inbound.connectionId(), inbound.id(), unusable.reasonCode().name(),
                    "inbox:" + inbound.id(), "Shopify " + inbound.topic() + " webhook",
                    unusable.getMessage(), inbound.payload());
            outcome = "EXCEPTION";
        }
        jdbc.sql("UPDATE channel_inbox SET processed_at = :at, outcome = :outcome, note = :note WHERE id = :id")
                .param("id", inbound.id()).param("at", Timestamp.from(clock.instant())).param("outcome", outcome)
                .param("note", note).update();
    }

    /** Stores the order if it is newer than what is stored, works out its lines and holds, releases it. */
    private String apply(Inbound inbound, CanonicalOrder order, boolean again) {
        // One channel order at a time: a create and an update processed side by side would both find no stored
        // order and the older could overwrite the newer. The lock is held until this transaction ends.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", inbound.connectionId() + ":" + order.channelOrderId()).query().singleRow();
        Optional<Stored> stored = jdbc.sql("""
                SELECT id, channel_updated_at, status FROM sales_order
                WHERE connection_id = :connection AND channel_order_id = :order FOR UPDATE""")
                .param("connection", inbound.connectionId()).param("order", order.channelOrderId())
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        OrderStatus.valueOf(rs.getString(3))))
                .optional();
        Instant now = clock.instant();
        if (stored.isPresent() && !again && !order.updatedAt().isAfter(stored.get().channelUpdatedAt())) {
            journey.step(stored.get().id(), now, "STALE_UPDATE_SKIPPED", "Update of " + order.updatedAt()
                    + " is not newer than the stored " + stored.get().channelUpdatedAt());
            return "STALE";
        }
        TenantId tenant = com.crossdock.portal.tenancy.TenantScope.current().orElseThrow();
        if (order.isCancelled() && stored.isPresent() && stored.get().status() != OrderStatus.CANCELED) {
            // a cancellation changes the order's status: applied only when its source owns order status
            OwnershipCheck status = governance.check(tenant, DataType.ORDER_STATUS,
                    inbound.source().equals("API") ? SystemKind.ERP : SystemKind.CHANNEL);
            if (!status.allowed()) {
                journey.step(stored.get().id(), now, "CANCEL_NOT_APPLIED", inbound.channelLabel() + " cancelled the "
                        + "order, and " + status.owner().label() + " owns order status: not applied");
                exceptions.ownershipConflict(status, Flow.CANCELLATIONS.name(), inbound.connectionId(), inbound.id(),
                        "order:" + order.channelOrderId(), "Order " + order.orderName(), "a cancellation of order "
                                + order.orderName(), inbound.payload());
                return "EXCEPTION";
            }
            Optional<String> handled = cancelInWarehouse(inbound, order, stored.get(), now);
            if (handled.isPresent()) {
                return handled.get();
            }
        }
        if (stored.isPresent() && stored.get().status().compareTo(OrderStatus.RELEASED) > 0
                && stored.get().status() != OrderStatus.CANCELED) {
            journey.step(stored.get().id(), now, "UPDATE_AFTER_PICKING", "The channel changed the order after the "
                    + "warehouse started it; the change is recorded, not applied");
            return "STALE";
        }
        UUID orderId = stored.map(Stored::id).orElseGet(UUID::randomUUID);
        List<String> holds = new ArrayList<>();
        List<Object[]> lines = resolveLines(tenant, inbound, order, holds);
        // Crossdock's hold rules hold only while Crossdock owns holds; SKUs it cannot map stop an order regardless
        List<String> ruleHolds = new ArrayList<>();
        List<Address.Field> missing = order.shipTo().missingForShipping();
        if (!missing.isEmpty()) {
            ruleHolds.add("Incomplete address: no " + String.join(", no ", missing.stream()
                    .map(field -> field.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).toList()));
        }
        Optional<ShipMethodMapping> shipMethod = governance.shipMethodFor(tenant, order.shippingMethodCode(),
                order.shippingMethodTitle());
        if (shipMethod.isEmpty() && governance.matrix(tenant).requireMappedShipMethods()) {
            ruleHolds.add(unmappedShipMethod(order));
        }
        OwnershipCheck holdRules = ruleHolds.isEmpty() ? null
                : governance.check(tenant, DataType.HOLDS, SystemKind.PORTAL);
        if (holdRules != null && holdRules.allowed()) {
            holds.addAll(ruleHolds);
        }
        OrderStatus decided = order.cancelledAt() != null ? OrderStatus.CANCELED
                : holds.isEmpty() ? OrderStatus.RELEASED : OrderStatus.HELD;
        Optional<String> shadow = decided == OrderStatus.RELEASED ? shadowReason(inbound.connectionId(), lines)
                : Optional.empty();
        // in shadow mode a releasable order is kept as imported: nothing goes to the warehouse
        OrderStatus status = shadow.isPresent() ? OrderStatus.IMPORTED : decided;
        upsertOrder(orderId, inbound.connectionId(), order, status, holds, now);
        writeLines(orderId, lines);
        if (stored.isEmpty()) {
            journey.step(orderId, now, "RECEIVED", (inbound.source().equals("API") ? "API " : inbound.channelLabel() + " ")
                    + inbound.topic() + " " + order.orderName());
        } else {
            journey.step(orderId, now, "UPDATED", inbound.channelLabel() + " " + inbound.topic() + " of " + order.updatedAt());
        }
        journey.step(orderId, now, "NORMALISED", lines.size() + " warehouse line(s) from " + order.lines().size()
                + " channel line(s)");
        if (holdRules != null && !holdRules.allowed()) {
            journey.step(orderId, now, "HOLD_RULES_SKIPPED", holdRules.owner().label() + " owns holds, so "
                    + "Crossdock's hold rules did not hold it: " + String.join("; ", ruleHolds));
        }
        switch (status) {
            case CANCELED -> journey.step(orderId, now, "CANCELED", "Cancelled in " + inbound.channelLabel()
                    + (order.cancelReason() == null ? "" : " (" + order.cancelReason() + ")"));
            case HELD -> {
                journey.step(orderId, now, "HELD", String.join("; ", holds));
                events.publishEvent(new BrandEvent(BrandEvent.ORDER_HELD, orderId, Map.of("orderId",
                        orderId.toString(), "reference", order.orderName(), "channelOrderId", order.channelOrderId(),
                        "reasons", List.copyOf(holds))));
            }
            case IMPORTED -> shadowed(orderId, inbound.connectionId(), order, lines, shadow.orElseThrow(), now);
            default -> release(orderId, inbound.connectionId(), order, shipMethod.orElse(null), now);
        }
        return "APPLIED";
    }

    /**
     * A cancellation of an order the warehouse may have: switched off, it is recorded and not applied; released, the
     * warehouse is asked to cancel it (a message of its own in the outbox, once); picked or packed, it is asked too
     * and someone must make sure it stops; shipped, it is too late and becomes an exception (a refund or a return
     * is the way now). Empty when the order was never released, so it is simply stored as cancelled.
     */
    private Optional<String> cancelInWarehouse(Inbound inbound, CanonicalOrder order, Stored stored, Instant now) {
        boolean enabled = jdbc.sql("""
                SELECT coalesce((SELECT enabled FROM channel_flow WHERE connection_id = :connection
                                 AND flow = 'CANCELLATIONS'), TRUE)""")
                .param("connection", inbound.connectionId()).query(Boolean.class).single();
        if (!enabled) {
            journey.step(stored.id(), now, "CANCEL_NOT_APPLIED", inbound.channelLabel()
                    + " cancelled the order, and the cancellations flow of this connection is off");
            return Optional.of("IGNORED");
        }
        String reason = order.cancelReason() == null ? "" : " (" + order.cancelReason() + ")";
        switch (stored.status()) {
            case IMPORTED, HELD, CANCELED -> {
                return Optional.empty();
            }
            case SHIPPED -> {
                journey.step(stored.id(), now, "CANCEL_TOO_LATE", inbound.channelLabel() + " cancelled the order"
                        + reason + " after the warehouse shipped it");
                exceptions.record(Flow.CANCELLATIONS, inbound.connectionId(), inbound.id(), "CANCEL_AFTER_SHIPMENT",
                        "order:" + order.channelOrderId(), "Order " + order.orderName(), inbound.channelLabel()
                                + " cancelled order " + order.orderName() + " after it shipped. Agree with the buyer on a return, then "
                                + "resolve this with what was done.", inbound.payload());
                return Optional.of("APPLIED");
            }
            default -> {
                String key = "cancel:" + inbound.connectionId() + ":" + order.channelOrderId();
                int queued = jdbc.sql("""
                        INSERT INTO wms_outbox (tenant_id, id, order_id, idempotency_key, payload, created_at, kind)
                        SELECT crossdock_current_tenant(), :id, o.id, :key,
                               json_build_object('cancel', o.order_name, 'channelOrderId', o.channel_order_id,
                                                 'reason', :reason)::text, :now, 'CANCEL'
                        FROM sales_order o WHERE o.id = :order
                        ON CONFLICT (tenant_id, idempotency_key) DO NOTHING""")
                        .param("id", UUID.randomUUID()).param("order", stored.id()).param("key", key)
                        .param("reason", order.cancelReason() == null ? "" : order.cancelReason())
                        .param("now", Timestamp.from(now)).update();
                jdbc.sql("""
                        UPDATE sales_order SET status = 'CANCELED', channel_updated_at = :updated, updated_at = :now,
                               version = version + 1
                        WHERE id = :order""")
                        .param("updated", Timestamp.from(order.updatedAt())).param("now", Timestamp.from(now))
                        .param("order", stored.id()).update();
                journey.step(stored.id(), now, "CANCEL_REQUESTED", (queued == 1 ? "Asked the warehouse to cancel it ("
                        : "Already asked the warehouse to cancel it (") + key + ")" + reason);
                if (stored.status() != OrderStatus.RELEASED) {
                    exceptions.record(Flow.CANCELLATIONS, inbound.connectionId(), inbound.id(),
                            "CANCEL_AFTER_PICKING", "order:" + order.channelOrderId(), "Order " + order.orderName(),
                            inbound.channelLabel() + " cancelled order " + order.orderName() + " after the warehouse "
                                    + stored.status().name().toLowerCase(java.util.Locale.ROOT) + " it. The warehouse "
                                    + "was asked to cancel; make sure the parcel does not leave, then resolve this.",
                            inbound.payload());
                }
                return Optional.of("APPLIED");
            }
        }
    }

    /**
     * Channel lines as warehouse lines: {channel line id, channel SKU, master SKU or null, bundle, quantity, channel
     * quantity}.
     */
    private List<Object[]> resolveLines(TenantId tenant, Inbound inbound, CanonicalOrder order, List<String> holds) {
        // fulfilled or removed lines (nothing left to ship) are not the warehouse's business
        List<OrderLine> open = order.lines().stream().filter(line -> line.fulfillableQuantity() > 0).toList();
        SalesChannel channel = SalesChannel.of(inbound.channel());
        List<ChannelLine> resolved = catalog.resolveChannelLines(tenant, channel.skuAlias(), channel.idAlias(),
                open.stream()
                .map(line -> ChannelLine.ask(line.sku(), line.channelVariantId(), line.fulfillableQuantity()))
                .toList());
        List<Object[]> lines = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            OrderLine line = open.get(i);
            ChannelLine answer = resolved.get(i);
            if (answer.masters().size() != 1) {
                String problem = answer.masters().isEmpty()
                        ? "Unknown SKU " + (line.sku().isBlank() ? "(blank, variant " + line.channelVariantId() + ")"
                                : line.sku())
                        : "SKU " + line.sku() + " is an alias of " + String.join(" and ", answer.masters());
                holds.add(problem);
                exceptions.record(Flow.ORDER_IMPORT, inbound.connectionId(), inbound.id(), answer.masters().isEmpty() ? "UNKNOWN_SKU"
                                : "AMBIGUOUS_SKU", "sku:" + line.sku() + ":" + line.channelVariantId(),
                        "Order " + order.orderName(), problem + ": add it to the catalog as an item or as "
                                + channel.aliasName() + " alias, then retry the order", inbound.payload());
                lines.add(new Object[] {line.channelLineId(), line.sku(), null, null, line.fulfillableQuantity(),
                        line.fulfillableQuantity()});
                continue;
            }
            String master = answer.masters().getFirst();
            answer.picks().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(pick -> lines.add(
                    new Object[] {line.channelLineId(), line.sku(), pick.getKey().value(),
                            answer.exploded() ? master : null, Math.toIntExact(pick.getValue()),
                            line.fulfillableQuantity()}));
        }
        return lines;
    }

    private void upsertOrder(UUID id, UUID connectionId, CanonicalOrder order, OrderStatus status, List<String> holds,
            Instant now) {
        jdbc.sql("""
                INSERT INTO sales_order (tenant_id, id, connection_id, channel_order_id, order_name, status, hold_reasons,
                                         channel_created_at, channel_updated_at, ship_to_name, ship_to_country,
                                         shipping_method, created_at, updated_at)
                VALUES (crossdock_current_tenant(), :id, :connection, :orderId, :name, :status, :holds, :created,
                        :updated, :shipName, :country, :method, :now, :now)
                ON CONFLICT (tenant_id, connection_id, channel_order_id) DO UPDATE SET status = excluded.status,
                    hold_reasons = excluded.hold_reasons, channel_updated_at = excluded.channel_updated_at,
                    ship_to_name = excluded.ship_to_name, ship_to_country = excluded.ship_to_country,
                    shipping_method = excluded.shipping_method, updated_at = excluded.updated_at,
                    version = sales_order.version + 1""")
                .param("id", id).param("connection", connectionId).param("orderId", order.channelOrderId())
                .param("name", Text.clip(order.orderName(), 64)).param("status", status.name())
                .param("holds", String.join("\n", holds)).param("created", Timestamp.from(order.createdAt()))
                .param("updated", Timestamp.from(order.updatedAt())).param("shipName", order.shipTo().name())
                .param("country", order.shipTo().countryCode())
                .param("method", order.shippingMethodTitle() == null ? null : Text.clip(order.shippingMethodTitle(), 200))
                .param("now", Timestamp.from(now)).update();
    }

    private void writeLines(UUID orderId, List<Object[]> lines) {
        jdbc.sql("DELETE FROM sales_order_line WHERE order_id = :order").param("order", orderId).update();
        for (int i = 0; i < lines.size(); i++) {
            Object[] line = lines.get(i);
            jdbc.sql("""
                    INSERT INTO sales_order_line (tenant_id, id, order_id, line_no, channel_line_id, channel_sku,
                                                  master_sku, from_bundle, quantity, channel_quantity)
                    VALUES (crossdock_current_tenant(), :id, :order, :no, :lineId, :channelSku, :master, :bundle, :qty,
                            :channelQty)""")
                    .param("id", UUID.randomUUID()).param("order", orderId).param("no", i + 1)
                    .param("lineId", line[0]).param("channelSku", Text.clip((String) line[1], 100))
                    .param("master", line[2]).param("bundle", line[3]).param("qty", line[4])
                    .param("channelQty", line[5]).update();
        }
    }

    /**
     * Puts the order in the outbox for the warehouse, once: the idempotency key is the channel's order, so a
     * repeated or later webhook of a released order never queues it again (amendments are a message of their own).
     * The payload is JSON the WMS connector writes its 940 from alone: {@code order} (name), {@code channelOrderId},
     * {@code orderedAt}, {@code shippingMethod}, {@code shippingCode}, {@code email}, {@code shipTo} ({@code name,
     * company, address1, address2, city, province, postalCode, country, phone}) and {@code lines} ({@code line, sku,
     * quantity}: master SKUs in eaches, virtual bundles exploded; {@code prep}, the item's prep types when the
     * seller's side preps, and {@code sellerLabels} when it labels, which the 940 carries as warehouse instructions).
     */
    private void release(UUID orderId, UUID connectionId, CanonicalOrder order, @Nullable ShipMethodMapping shipMethod,
            Instant now) {
        String key = "order:" + connectionId + ":" + order.channelOrderId();
        int queued = jdbc.sql("""
                INSERT INTO wms_outbox (tenant_id, id, order_id, idempotency_key, payload, created_at)
                SELECT crossdock_current_tenant(), :id, :order, :key,
                       json_build_object('order', o.order_name, 'channelOrderId', o.channel_order_id,
                           'orderedAt', o.channel_created_at, 'shippingMethod', o.shipping_method,
                           'shippingCode', CAST(:shippingCode AS text), 'email', CAST(:email AS text),
                           'carrierScac', CAST(:scac AS text), 'serviceCode', CAST(:service AS text),
                           'shipTo', json_build_object('name', CAST(:shipName AS text),
                               'company', CAST(:company AS text), 'address1', CAST(:address1 AS text),
                               'address2', CAST(:address2 AS text), 'city', CAST(:city AS text),
                               'province', CAST(:province AS text), 'postalCode', CAST(:postal AS text),
                               'country', CAST(:country AS text), 'phone', CAST(:phone AS text)),
                           'lines', (SELECT json_agg(json_build_object('line', l.line_no, 'sku', l.master_sku,
                                                                       'quantity', l.quantity,
                                                                       'prep', CASE WHEN i.prep_owner = 'SELLER'
                                                                           THEN nullif(i.prep_types, '') END,
                                                                       'sellerLabels', i.label_owner = 'SELLER')
                                                     ORDER BY l.line_no)
                                     FROM sales_order_line l LEFT JOIN catalog_item i ON i.sku = l.master_sku
                                     WHERE l.order_id = o.id))::text,
                       :now
                FROM sales_order o WHERE o.id = :order
                ON CONFLICT (tenant_id, idempotency_key) DO NOTHING""")
                .param("id", UUID.randomUUID()).param("order", orderId).param("key", key)
                .param("shippingCode", order.shippingMethodCode()).param("email", order.customerEmail())
                .param("scac", shipMethod == null ? null : shipMethod.carrierScac())
                .param("service", shipMethod == null ? null : shipMethod.serviceCode())
                .param("shipName", order.shipTo().name()).param("company", order.shipTo().company())
                .param("address1", order.shipTo().address1()).param("address2", order.shipTo().address2())
                .param("city", order.shipTo().city()).param("province", order.shipTo().provinceCode())
                .param("postal", order.shipTo().postalCode()).param("country", order.shipTo().countryCode())
                .param("phone", order.shipTo().phone())
                .param("now", Timestamp.from(now)).update();
        journey.step(orderId, now, "RELEASED", queued == 1 ? "Queued for the warehouse (" + key + ")"
                : "Already queued for the warehouse (" + key + ")");
        if (queued == 1) {
            events.publishEvent(new BrandEvent(BrandEvent.ORDER_RELEASED, orderId, Map.of("orderId",
                    orderId.toString(), "reference", order.orderName(), "channelOrderId", order.channelOrderId())));
        }
    }

    /** Why a releasable order stays in shadow mode, if it does: its flow is not live, or a SKU is out of scope. */
    private Optional<String> shadowReason(UUID connectionId, List<Object[]> lines) {
        if (!goLive.isLive(connectionId, Flow.ORDER_IMPORT)) {
            return Optional.of("order import is not live on this connection yet");
        }
        return goLive.outOfScope(lines.stream().map(line -> (String) line[2]).filter(java.util.Objects::nonNull)
                .toList());
    }

    /** A releasable order in shadow mode: what the warehouse would get is recorded beside the store's view. */
    private void shadowed(UUID orderId, UUID connectionId, CanonicalOrder order, List<Object[]> lines, String why,
            Instant now) {
        String units = String.join(", ", lines.stream().map(line -> line[2] + " × " + line[4]).toList());
        journey.step(orderId, now, "SHADOW", "Shadow mode (" + why + "): would be released to the warehouse with "
                + units + "; nothing was sent");
        goLive.difference(connectionId, Flow.ORDER_IMPORT, "Order " + order.orderName(),
                "Release to the warehouse: " + units, "In the store: " + order.financialStatus().name()
                        .toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ", " + order.lines().size()
                        + " line(s); not yet with this warehouse through Crossdock");
    }

    private static String unmappedShipMethod(CanonicalOrder order) {
        String named = order.shippingMethodCode() != null ? order.shippingMethodCode() : order.shippingMethodTitle();
        return named == null || named.isBlank() ? "Unmapped ship method: the order names no shipping method, and "
                + "this brand requires a mapped one"
                : "Unmapped ship method: '" + Text.clip(named, 100) + "' has no warehouse carrier and service; map "
                        + "it in Setup, then retry";
    }

    private record Inbound(UUID id, UUID connectionId, String topic, String payload, String source, String channel) {

        /** The channel's name for people: "Shopify", "Amazon". */
        String channelLabel() {
            return SalesChannel.of(channel).label();
        }
    }

    private record Stored(UUID id, Instant channelUpdatedAt, OrderStatus status) {
    }
}
