package com.crossdock.portal.sync;

import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What the sync engine has done for a tenant, for the people watching it: orders with their holds and journeys,
 * the warehouse outbox, open exceptions and refused webhooks. The writing side is {@link OrderPipeline}, which
 * runs for webhooks and jobs, never for a person.
 */
@Service
public class SyncService {

    private static final String EDITORS = "hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN', 'BRAND_USER')";

    private final TenantService tenants;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final OrderPipeline pipeline;
    private final com.crossdock.portal.catalog.CatalogService catalog;

    private final java.time.Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    SyncService(TenantService tenants, TenantTransactions transactions, JdbcClient jdbc, OrderPipeline pipeline,
            com.crossdock.portal.catalog.CatalogService catalog, java.time.Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.clock = clock;
        this.catalog = catalog;
        this.tenants = tenants;
        this.pipeline = pipeline;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /**
     * Whether the signed-in person may retry and resolve exceptions (everyone but the read-only leadership), so a
     * screen can leave out what the service would refuse anyway.
     */
    public boolean canWorkExceptions() {
        return com.crossdock.portal.identity.CurrentUser.find().map(user -> user.roles().stream()
                .anyMatch(role -> role != com.crossdock.portal.identity.Role.LEADERSHIP_VIEWER)).orElse(false);
    }

    /** Whether the signed-in person may enter orders and FBA transfers (the roles {@code submitOrder} admits). */
    public boolean canSubmitOrders() {
        return com.crossdock.portal.identity.CurrentUser.find().map(user -> user.roles().stream()
                .anyMatch(role -> java.util.Set.of("PLATFORM_ADMIN", "ACCOUNT_MANAGER", "BRAND_ADMIN", "BRAND_USER")
                        .contains(role.name()))).orElse(false);
    }

    /** Orders of the tenant, newest change first. */
    @PreAuthorize("isAuthenticated()")
    public List<OrderSummary> orders(TenantId tenant, int limit) {
        requireAccess(tenant);
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT o.id, o.order_name, o.channel_order_id, o.status, o.hold_reasons, o.channel_updated_at,
                       (SELECT count(*) FROM sales_order_line l WHERE l.order_id = o.id)
                FROM sales_order o ORDER BY o.updated_at DESC LIMIT :limit""").param("limit", limit)
                .query((rs, n) -> new OrderSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        OrderStatus.valueOf(rs.getString(4)), rs.getString(5).isEmpty() ? List.of()
                                : Arrays.asList(rs.getString(5).split("\n")),
                        rs.getTimestamp(6).toInstant(), rs.getInt(7)))
                .list());
    }

    /** The journey of one order, oldest step first. */
    @PreAuthorize("isAuthenticated()")
    public List<JourneyStep> journey(TenantId tenant, UUID orderId) {
        requireAccess(tenant);
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT at, step, detail FROM sales_order_event WHERE order_id = :order ORDER BY seq""")
                .param("order", orderId)
                .query((rs, n) -> new JourneyStep(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
                .list());
    }

    /** The warehouse lines of one order: master SKU (or the channel SKU when unresolved) → quantity. */
    @PreAuthorize("isAuthenticated()")
    public List<String> warehouseLines(TenantId tenant, UUID orderId) {
        requireAccess(tenant);
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT coalesce(master_sku, '?' || channel_sku) || ' × ' || quantity
                       || coalesce(' (from ' || from_bundle || ')', '')
                FROM sales_order_line WHERE order_id = :order ORDER BY line_no""").param("order", orderId)
                .query(String.class).list());
    }

    /** How many orders of the tenant wait in the warehouse outbox. */
    @PreAuthorize("isAuthenticated()")
    public long outboxSize(TenantId tenant) {
        requireAccess(tenant);
        return transactions.read(tenant, () -> jdbc.sql("SELECT count(*) FROM wms_outbox WHERE sent_at IS NULL")
                .query(Long.class).single());
    }

    /** Open exceptions of the tenant, most recent first. */
    @PreAuthorize("isAuthenticated()")
    public List<IntegrationException> openExceptions(TenantId tenant) {
        requireAccess(tenant);
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT id, flow, reason_code, subject, message, raw_payload, first_seen, last_seen, occurrences, status,
                       owner, resolved_at
                FROM integration_exception WHERE status = 'OPEN' ORDER BY last_seen DESC""")
                .query(SyncService::exceptionRow)
                .list());
    }

    /**
     * Makes the signed-in person the owner of these open exceptions (or frees them with {@code mine} false), so a
     * team can split the work. Answers how many changed.
     */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN', 'BRAND_USER')")
    public int takeExceptions(TenantId tenant, java.util.Collection<UUID> exceptionIds, boolean mine) {
        requireAccess(tenant);
        if (exceptionIds.isEmpty()) {
            return 0;
        }
        String owner = mine ? com.crossdock.portal.identity.CurrentUser.actor() : null;
        return transactions.write(tenant, () -> jdbc.sql("""
                UPDATE integration_exception SET owner = :owner WHERE id IN (:ids) AND status = 'OPEN'""")
                .param("owner", owner).param("ids", exceptionIds).update());
    }

    /** Resolves every one of these open exceptions with the same root cause; answers how many were still open. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN', 'BRAND_USER')")
    public int resolveExceptions(TenantId tenant, java.util.Collection<UUID> exceptionIds, String rootCause) {
        requireAccess(tenant);
        int resolved = 0;
        for (UUID id : exceptionIds) {
            resolved += resolveException(tenant, id, rootCause) ? 1 : 0;
        }
        return resolved;
    }

    /** Retries every one of these open exceptions; answers how many had a kept record to retry. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN', 'BRAND_USER')")
    public int retryExceptions(TenantId tenant, java.util.Collection<UUID> exceptionIds) {
        requireAccess(tenant);
        int retried = 0;
        for (UUID id : exceptionIds) {
            retried += retryException(tenant, id) ? 1 : 0;
        }
        return retried;
    }

    /**
     * Resolves an open exception with a note on its root cause (who and when are recorded). Answers false when there
     * is no such open exception.
     */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN', 'BRAND_USER')")
    public boolean resolveException(TenantId tenant, UUID exceptionId, String rootCause) {
        requireAccess(tenant);
        if (rootCause == null || rootCause.isBlank()) {
            throw new IllegalArgumentException("Say what the root cause was, so the next person knows");
        }
        String note = rootCause.strip().length() > 2000 ? rootCause.strip().substring(0, 2000) : rootCause.strip();
        return transactions.write(tenant, () -> {
            boolean resolved = jdbc.sql("""
                    UPDATE integration_exception SET status = 'RESOLVED', resolution_note = :note, resolved_at = now(),
                           resolved_by = :actor
                    WHERE id = :id AND status = 'OPEN'""").param("id", exceptionId).param("note", note)
                    .param("actor", com.crossdock.portal.identity.CurrentUser.actor()).update() == 1;
            if (resolved) {
                events.publishEvent(new com.crossdock.portal.events.BrandEvent(
                        com.crossdock.portal.events.BrandEvent.EXCEPTION_RESOLVED, exceptionId, java.util.Map.of(
                        "exceptionId", exceptionId.toString(), "rootCause", note)));
            }
            return resolved;
        });
    }

    /**
     * Retries the record behind an open exception: its inbox entry is processed again against the catalog as it is
     * now (after an alias was added, say). The exception stays open until it is resolved; a retry that still fails
     * counts one more occurrence. Answers false when the exception has no inbox entry to retry.
     */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN', 'BRAND_USER')")
    public boolean retryException(TenantId tenant, UUID exceptionId) {
        requireAccess(tenant);
        java.util.Optional<UUID> inbox = transactions.write(tenant, () -> {
            java.util.Optional<UUID> entry = jdbc.sql("""
                    UPDATE integration_exception SET attempts = attempts + 1 WHERE id = :id AND status = 'OPEN'
                    RETURNING inbox_id""").param("id", exceptionId).query((rs, n) ->
                    java.util.Optional.ofNullable(rs.getObject(1, UUID.class))).optional()
                    .flatMap(found -> found);
            entry.ifPresent(id -> jdbc.sql("""
                    UPDATE channel_inbox SET processed_at = NULL, outcome = NULL WHERE id = :id""").param("id", id)
                    .update());
            return entry;
        });
        inbox.ifPresent(id -> pipeline.reprocess(tenant, id));
        if (inbox.isPresent()) {
            return true;
        }
        // a shipment or an RMA's refund the store refused goes back in line: the next write-back posts it again
        return transactions.write(tenant, () -> jdbc.sql("""
                UPDATE shipment SET writeback_status = 'PENDING', writeback_message = 'Retried by a person'
                WHERE writeback_status = 'FAILED' AND id = (
                    SELECT CAST(substring(fingerprint FROM 'shipment:([0-9a-f-]{36})$') AS uuid)
                    FROM integration_exception WHERE id = :id AND status = 'OPEN')""")
                .param("id", exceptionId).update() + jdbc.sql("""
                UPDATE return_signal SET status = 'PENDING', message = 'Retried by a person'
                WHERE status = 'FAILED' AND rma_id = (
                    SELECT CAST(substring(fingerprint FROM 'rma:([0-9a-f-]{36})$') AS uuid)
                    FROM integration_exception WHERE id = :id AND status = 'OPEN')""")
                .param("id", exceptionId).update() == 1);
    }

    /**
     * The tenant's listings per store beside the warehouse's stock: what each can sell now and what the store was
     * last told, largest drift first (what a store oversells matters most).
     */
    @PreAuthorize("isAuthenticated()")
    public List<StockRow> stock(TenantId tenant) {
        requireAccess(tenant);
        record Pushed(String connection, String sku, Integer quantity, java.time.Instant at) {
        }
        List<Pushed> pushed = new java.util.ArrayList<>();
        // each store with its channel: a listing is what that channel sells (Shopify SKUs, Walmart SKUs, …)
        java.util.Map<String, SalesChannel> stores = new java.util.LinkedHashMap<>();
        WarehouseStock stock = transactions.read(tenant, () -> {
            jdbc.sql("""
                    SELECT c.name, i.channel_sku, i.pushed_quantity, i.pushed_at FROM channel_inventory i
                    JOIN channel_connection c ON c.id = i.connection_id""").query((rs, n) -> pushed.add(new Pushed(
                    rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                    rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))).list();
            jdbc.sql("SELECT name, channel FROM channel_connection ORDER BY name").query((rs, n) -> stores.put(
                    rs.getString(1), SalesChannel.of(rs.getString(2)))).list();
            return WarehouseStock.read(jdbc);
        });
        java.util.Map<String, Integer> available = stock.available();
        if (available.isEmpty()) {
            return List.of();
        }
        List<StockRow> rows = new java.util.ArrayList<>();
        java.util.Map<SalesChannel, List<com.crossdock.portal.catalog.ChannelListing>> listings =
                new java.util.EnumMap<>(SalesChannel.class);
        for (var store : stores.entrySet()) {
            for (var listing : listings.computeIfAbsent(store.getValue(),
                    channel -> catalog.channelListings(tenant, channel.skuAlias()))) {
                if (!available.keySet().containsAll(listing.perSale().keySet())) {
                    continue;
                }
                int sellable = listing.sellable(available);
                Pushed last = pushed.stream().filter(row -> row.connection().equals(store.getKey())
                        && row.sku().equals(listing.channelSku())).findFirst().orElse(null);
                rows.add(new StockRow(store.getKey(), listing.channelSku(), sellable,
                        last == null ? null : last.quantity(), last == null ? null : last.at(), stock.asOf()));
            }
        }
        rows.sort(java.util.Comparator.comparingInt((StockRow row) -> -Math.abs(row.drift()))
                .thenComparing(StockRow::channelSku));
        return rows;
    }

    /** How many webhooks of the tenant failed their signature check. */
    @PreAuthorize("isAuthenticated()")
    public long badSignatures(TenantId tenant) {
        requireAccess(tenant);
        return transactions.read(tenant, () -> jdbc.sql(
                "SELECT count(*) FROM security_event WHERE kind = 'WEBHOOK_BAD_SIGNATURE'").query(Long.class).single());
    }

    /**
     * Takes an order the brand entered itself (a B2B or manual order) into the order pipeline, where it is resolved,
     * held or released exactly like a channel's order; answers it as it stands after processing. Refused with field
     * errors when a value is missing or wrong, or the reference was used before.
     */
    @PreAuthorize(EDITORS)
    public OrderState submitOrder(TenantId tenant, ManualOrderCommand command) {
        requireAccess(tenant);
        java.util.Objects.requireNonNull(command, "command");
        String reference = command.reference() == null ? "" : command.reference().strip();
        java.util.Map<String, String> problems = ManualOrders.problems(command, reference);
        UUID connection = transactions.read(tenant, () -> ManualOrders.connection(jdbc, command.connectionId()))
                .orElse(null);
        if (connection == null) {
            problems.put("connectionId", command.connectionId() == null
                    ? "Connect a sales channel first: an order is booked under one of the brand's connections"
                    : "No such connection; leave it out to use the brand's first connection");
        } else if (problems.isEmpty() && transactions.read(tenant, () -> jdbc.sql("""
                SELECT count(*) FROM sales_order WHERE connection_id = :connection AND channel_order_id = :order""")
                .param("connection", connection).param("order", ManualOrders.channelOrderId(reference))
                .query(Long.class).single()) > 0) {
            problems.put("reference", "Order " + reference + " exists already; use another reference");
        }
        if (!problems.isEmpty()) {
            throw new OrderValidationException(problems);
        }
        UUID orderId = pipeline.receiveApiOrder(tenant, connection, ManualOrders.canonical(command, reference,
                clock.instant()));
        tenants.recordActivity(tenant, "order.create", "Order " + reference + " entered by "
                + com.crossdock.portal.identity.CurrentUser.actor());
        return order(tenant, orderId).orElseThrow();
    }

    /**
     * An FBA-bound transfer: an outbound order of the brand's own stock to an Amazon fulfilment centre, booked under
     * the Amazon connection as {@code FBA-<shipment id>} and released to the warehouse like any order, whose 940
     * lines carry the prep the seller's side does and the FNSKU labelling as warehouse instructions (from the items'
     * prep attributes). Every SKU must be an FBA-bound item (an FNSKU and an Amazon seller SKU) whose prep
     * attributes are complete and consistent; otherwise the lines at fault are named.
     *
     * @param connectionId the Amazon connection, or {@code null} for the brand's first one
     * @param shipmentId Amazon's inbound shipment id (e.g. {@code FBA15ABCDE12}), the transfer's reference
     * @param fulfilmentCentre the fulfilment centre's address from the inbound plan
     */
    @PreAuthorize(EDITORS)
    public OrderState submitFbaTransfer(TenantId tenant, @org.jspecify.annotations.Nullable UUID connectionId,
            String shipmentId, com.crossdock.portal.order.Address fulfilmentCentre,
            java.util.List<ManualOrderCommand.Line> lines) {
        requireAccess(tenant);
        UUID amazon = transactions.read(tenant, () -> jdbc.sql("""
                SELECT id FROM channel_connection WHERE channel = 'AMAZON' AND (CAST(:id AS uuid) IS NULL OR id = :id)
                ORDER BY created_at, id LIMIT 1""")
                .param("id", connectionId).query(UUID.class).optional().orElse(null));
        java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (amazon == null) {
            problems.put("connectionId", "Book an FBA transfer under the brand's Amazon connection: connect one first");
        }
        java.util.Map<String, com.crossdock.tenantconfig.prep.PrepAttributes> fba = new java.util.HashMap<>();
        catalog.fbaPrepItems(tenant).forEach(item -> fba.put(item.sku().toUpperCase(java.util.Locale.ROOT),
                item.prep()));
        for (int i = 0; i < (lines == null ? 0 : lines.size()); i++) {
            String sku = lines.get(i).sku() == null ? "" : lines.get(i).sku().strip();
            var prep = fba.get(sku.toUpperCase(java.util.Locale.ROOT));
            if (prep == null) {
                problems.put("lines[" + i + "].sku", sku + " is not FBA-bound: give the item an FNSKU and an Amazon "
                        + "seller SKU in the catalog");
            } else if (!prep.missingForFba().isEmpty() || !prep.problems().isEmpty()) {
                java.util.List<String> wrong = new java.util.ArrayList<>(prep.problems());
                prep.missingForFba().forEach(missing -> wrong.add("no " + missing));
                problems.put("lines[" + i + "].sku", sku + " cannot go to FBA until its prep attributes are right: "
                        + String.join("; ", wrong));
            }
        }
        if (!problems.isEmpty()) {
            throw new OrderValidationException(problems);
        }
        return submitOrder(tenant, new ManualOrderCommand("FBA-" + (shipmentId == null ? "" : shipmentId.strip()),
                amazon, null, "FBA inbound", fulfilmentCentre, lines));
    }

    /** One order with its warehouse lines, or empty when the tenant has no such order. */
    @PreAuthorize("isAuthenticated()")
    public java.util.Optional<OrderState> order(TenantId tenant, UUID orderId) {
        requireAccess(tenant);
        return transactions.read(tenant, () -> ManualOrders.states(jdbc, "o.id = :id", java.util.Map.of("id", orderId),
                1).stream().findFirst());
    }

    /**
     * Orders changed after a point, oldest change first: those with {@code updated_at} after {@code since}, or equal
     * to it with an id after {@code afterId} (a cursor that never skips or repeats an order).
     */
    @PreAuthorize("isAuthenticated()")
    public List<OrderState> orderChanges(TenantId tenant, java.time.Instant since, UUID afterId, int limit) {
        requireAccess(tenant);
        return transactions.read(tenant, () -> ManualOrders.states(jdbc,
                "(o.updated_at, o.id) > (:since, :after)", java.util.Map.of("since",
                        java.sql.Timestamp.from(since), "after", afterId), Math.min(Math.max(limit, 1), 500)));
    }

    /**
     * Exceptions (open and resolved) last seen or resolved after a point, oldest first, with the same cursor rule as
     * {@link #orderChanges}.
     */
    @PreAuthorize("isAuthenticated()")
    public List<IntegrationException> exceptionChanges(TenantId tenant, java.time.Instant since, UUID afterId,
            int limit) {
        requireAccess(tenant);
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT id, flow, reason_code, subject, message, raw_payload, first_seen, last_seen, occurrences, status,
                       owner, resolved_at
                FROM integration_exception
                WHERE (greatest(last_seen, coalesce(resolved_at, last_seen)), id) > (:since, :after)
                ORDER BY greatest(last_seen, coalesce(resolved_at, last_seen)), id LIMIT :limit""")
                .param("since", java.sql.Timestamp.from(since)).param("after", afterId)
                .param("limit", Math.min(Math.max(limit, 1), 500))
                .query(SyncService::exceptionRow)
                .list());
    }

    /** One exception, open or resolved, or empty when the tenant has no such exception. */
    @PreAuthorize("isAuthenticated()")
    public java.util.Optional<IntegrationException> exception(TenantId tenant, UUID exceptionId) {
        requireAccess(tenant);
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT id, flow, reason_code, subject, message, raw_payload, first_seen, last_seen, occurrences, status,
                       owner, resolved_at
                FROM integration_exception WHERE id = :id""").param("id", exceptionId)
                .query(SyncService::exceptionRow).optional());
    }

    /**
     * What the warehouse got of one order and sent back: its outbox messages (the order, a cancel) with their JSON
     * payload, and its shipments, oldest first; for UAT evidence and checks.
     */
    @PreAuthorize("isAuthenticated()")
    public WarehouseTrail warehouseTrail(TenantId tenant, UUID orderId) {
        requireAccess(tenant);
        return transactions.read(tenant, () -> new WarehouseTrail(jdbc.sql("""
                SELECT id, kind, payload, created_at, sent_at FROM wms_outbox WHERE order_id = :order
                ORDER BY created_at, id""").param("order", orderId)
                .query((rs, n) -> new WarehouseTrail.Message(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null
                                : rs.getTimestamp(5).toInstant())).list(),
                jdbc.sql("""
                        SELECT warehouse_ref, coalesce(carrier, ''), tracking_numbers, writeback_status FROM shipment
                        WHERE order_id = :order ORDER BY shipped_at, warehouse_ref""").param("order", orderId)
                        .query((rs, n) -> new WarehouseTrail.Shipment(rs.getString(1), rs.getString(2),
                                rs.getString(3), rs.getString(4))).list()));
    }

    /** The warehouse's last reported stock per master SKU, in SKU order. */
    @PreAuthorize("isAuthenticated()")
    public List<StockLevel> stockLevels(TenantId tenant) {
        requireAccess(tenant);
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT master_sku, on_hand, available, as_of FROM inventory_position ORDER BY master_sku""")
                .query((rs, n) -> new StockLevel(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        rs.getTimestamp(4).toInstant())).list());
    }

    /** id, flow, reason_code, subject, message, raw_payload, first_seen, last_seen, occurrences, status, owner,
     * resolved_at. */
    private static IntegrationException exceptionRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new IntegrationException(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
                rs.getInt(9), rs.getString(10), rs.getString(11),
                rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant());
    }

    private void requireAccess(TenantId tenant) {
        tenants.requireOpen(tenant);
    }

}
