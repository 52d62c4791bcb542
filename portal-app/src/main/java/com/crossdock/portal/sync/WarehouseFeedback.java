package com.crossdock.portal.sync;

import com.crossdock.portal.events.InventoryChanges;
import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.truth.DataType;
import com.crossdock.tenantconfig.truth.OwnershipCheck;
import com.crossdock.tenantconfig.truth.SystemKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.stereotype.Component;

/**
 * The warehouse's side of the sync engine: what it takes from the outbox, how far it got with an order, what it
 * shipped and what it has in stock. The WMS connector (X12 over SFTP) and the sandbox warehouse call it as the system
 * actor; shipments recorded here are written back to the channel by the fulfillment flow, positions pushed by the
 * inventory flow. Every call is idempotent: a document read twice changes nothing the second time.
 */
@Component
public class WarehouseFeedback {

    private static final String ACTOR = "warehouse";
    private static final int INVENTORY_CHUNK = 5_000;

    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final ExceptionLog exceptions;
    private final Clock clock;
    private final Journey journey;

    private final org.springframework.context.ApplicationEventPublisher events;
    private final GovernanceService governance;

    WarehouseFeedback(org.springframework.context.ApplicationEventPublisher events, TenantTransactions transactions,
            JdbcClient jdbc, ExceptionLog exceptions, Journey journey, Clock clock, GovernanceService governance) {
        this.events = events;
        this.governance = governance;
        this.journey = journey;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.exceptions = exceptions;
        this.clock = clock;
    }

    /** A message for the warehouse: a released order or a cancellation, with its idempotency key. */
    public record OutboxMessage(UUID id, UUID orderId, String kind, String idempotencyKey, String payload) {
    }

    /** The messages not sent to the warehouse yet, oldest first. */
    public List<OutboxMessage> unsent(TenantId tenant, int limit) {
        return SystemActor.call(ACTOR, () -> transactions.read(tenant, () -> jdbc.sql("""
                SELECT id, order_id, kind, idempotency_key, payload FROM wms_outbox WHERE sent_at IS NULL
                ORDER BY created_at, id LIMIT :limit""").param("limit", limit)
                .query((rs, n) -> new OutboxMessage(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5))).list()));
    }

    /** Marks a message as handed to the warehouse, with a step in the order's journey. */
    public void markSent(TenantId tenant, UUID messageId, String how) {
        SystemActor.call(ACTOR, () -> {
            transactions.writeAll(tenant, () -> jdbc.sql("""
                    UPDATE wms_outbox SET sent_at = :now WHERE id = :id AND sent_at IS NULL
                    RETURNING order_id, kind""").param("id", messageId).param("now", Timestamp.from(clock.instant()))
                    .query((rs, n) -> {
                        journey.step(rs.getObject(1, UUID.class), "CANCEL".equals(rs.getString(2)) ? "CANCEL_SENT" : "SENT",
                                how);
                        return 1;
                    }).list());
            return null;
        });
    }

    /** The warehouse picked or packed an order (only moves forward; a late message changes nothing). */
    public void progress(TenantId tenant, UUID orderId, OrderStatus reached, String detail) {
        if (reached != OrderStatus.PICKED && reached != OrderStatus.PACKED) {
            throw new IllegalArgumentException("the warehouse reports picked or packed here, not " + reached);
        }
        SystemActor.call(ACTOR, () -> {
            transactions.writeAll(tenant, () -> {
                int moved = jdbc.sql("""
                        UPDATE sales_order SET status = :status, updated_at = :now, version = version + 1
                        WHERE id = :id AND status IN ('RELEASED', 'PICKED') AND status <> :status""")
                        .param("status", reached.name()).param("now", Timestamp.from(clock.instant()))
                        .param("id", orderId).update();
                if (moved == 1) {
                    journey.step(orderId, reached.name(), detail);
                }
            });
            return null;
        });
    }

    /**
     * Records a shipment of an order, once per warehouse reference. Units beyond what the order still has open, or
     * SKUs not on the order, make it an exception with the notice kept, and nothing of it is recorded. The order is
     * shipped when every unit is. While the warehouse does not own shipment and tracking in the tenant's source of
     * truth, the shipment is an {@code OWNERSHIP_CONFLICT} routed to the owner, with the notice kept, and nothing of
     * it is recorded.
     *
     * @return whether this call recorded it (false: already recorded, or refused as an exception)
     */
    public boolean recordShipment(TenantId tenant, UUID orderId, ShipmentNotice notice) {
        OwnershipCheck tracking = SystemActor.call(ACTOR, () -> governance.check(tenant, DataType.SHIPMENT_TRACKING,
                SystemKind.WMS));
        return SystemActor.call(ACTOR, () -> transactions.write(tenant, () -> {
            jdbc.sql("SELECT id FROM sales_order WHERE id = :id FOR UPDATE").param("id", orderId).query(UUID.class)
                    .optional().orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
            boolean known = jdbc.sql("SELECT count(*) FROM shipment WHERE order_id = :order AND warehouse_ref = :ref")
                    .param("order", orderId).param("ref", notice.warehouseRef()).query(Long.class).single() > 0;
            if (known) {
                return false;
            }
            if (!tracking.allowed()) {
                record Order(UUID connection, String name) {
                }
                Order order = jdbc.sql("SELECT connection_id, order_name FROM sales_order WHERE id = :id")
                        .param("id", orderId).query((rs, n) -> new Order(rs.getObject(1, UUID.class),
                                rs.getString(2))).single();
                exceptions.ownershipConflict(tracking, Flow.FULFILLMENT_WRITEBACK.name(), order.connection(), null,
                        orderId + ":" + notice.warehouseRef(), "Shipment " + notice.warehouseRef(), "the shipment "
                                + notice.warehouseRef() + " of order " + order.name(), notice.toString());
                journey.step(orderId, "SHIPMENT_NOT_APPLIED", notice.warehouseRef() + ": " + tracking.owner().label()
                        + " owns shipment and tracking; the warehouse's shipment is an ownership conflict");
                return false;
            }
            Map<String, Integer> open = openUnits(orderId);
            Map<String, Integer> shipped = new HashMap<>();
            notice.lines().forEach(line -> shipped.merge(line.masterSku(), line.quantity(), Integer::sum));
            List<String> problems = shipped.entrySet().stream()
                    .filter(entry -> entry.getValue() > open.getOrDefault(entry.getKey(), 0))
                    .map(entry -> entry.getValue() + " × " + entry.getKey() + " shipped, "
                            + open.getOrDefault(entry.getKey(), 0) + " open on the order")
                    .sorted().toList();
            if (!problems.isEmpty()) {
                UUID connection = jdbc.sql("SELECT connection_id FROM sales_order WHERE id = :id")
                        .param("id", orderId).query(UUID.class).single();
                exceptions.record(Flow.FULFILLMENT_WRITEBACK, connection, null, "SHIPMENT_MISMATCH",
                        "shipment:" + orderId + ":" + notice.warehouseRef(), "Shipment " + notice.warehouseRef(),
                        "The warehouse reported more than the order has open: " + String.join("; ", problems)
                                + ". Check the shipment with the warehouse; nothing of it was recorded.",
                        notice.toString());
                return false;
            }
            UUID shipmentId = UUID.randomUUID();
            Instant now = clock.instant();
            jdbc.sql("""
                    INSERT INTO shipment (tenant_id, id, order_id, warehouse_ref, carrier, service, tracking_numbers,
                                          shipped_at, received_at, writeback_status)
                    VALUES (crossdock_current_tenant(), :id, :order, :ref, :carrier, :service, :tracking, :shipped, :now,
                            'PENDING')""")
                    .param("id", shipmentId).param("order", orderId).param("ref", Text.clip(notice.warehouseRef(), 80))
                    .param("carrier", notice.carrier()).param("service", notice.service())
                    .param("tracking", String.join("\n", notice.trackingNumbers()))
                    .param("shipped", Timestamp.from(notice.shippedAt())).param("now", Timestamp.from(now)).update();
            for (ShipmentNotice.Line line : notice.lines()) {
                jdbc.sql("""
                        INSERT INTO shipment_line (tenant_id, id, shipment_id, master_sku, quantity)
                        VALUES (crossdock_current_tenant(), :id, :shipment, :sku, :qty)""")
                        .param("id", UUID.randomUUID()).param("shipment", shipmentId).param("sku", line.masterSku())
                        .param("qty", line.quantity()).update();
            }
            boolean complete = openUnits(orderId).values().stream().allMatch(units -> units <= 0);
            if (complete) {
                jdbc.sql("""
                        UPDATE sales_order SET status = 'SHIPPED', updated_at = :now, version = version + 1
                        WHERE id = :id AND status <> 'SHIPPED' RETURNING order_name""")
                        .param("id", orderId).param("now", Timestamp.from(now)).query(String.class).optional()
                        .ifPresent(reference -> events.publishEvent(new com.crossdock.portal.events.BrandEvent(
                                com.crossdock.portal.events.BrandEvent.ORDER_SHIPPED, orderId, java.util.Map.of(
                                "orderId", orderId.toString(), "reference", reference, "carrier",
                                notice.carrier() == null ? "" : notice.carrier(), "trackingNumbers",
                                notice.trackingNumbers()))));
            }
            journey.step(orderId, complete ? "SHIPPED" : "SHIPPED_PARTLY", notice.warehouseRef() + ": "
                    + (notice.carrier() == null ? "" : notice.carrier() + " ")
                    + String.join(", ", notice.trackingNumbers()));
            return true;
        }));
    }

    /** Units per master SKU the order still has to ship: ordered less what shipments already carried. */
    private Map<String, Integer> openUnits(UUID orderId) {
        Map<String, Integer> open = new HashMap<>();
        jdbc.sql("""
                SELECT master_sku, sum(quantity) FROM sales_order_line
                WHERE order_id = :order AND master_sku IS NOT NULL GROUP BY master_sku""").param("order", orderId)
                .query((rs, n) -> open.put(rs.getString(1), rs.getInt(2))).list();
        jdbc.sql("""
                SELECT l.master_sku, sum(l.quantity) FROM shipment_line l JOIN shipment s ON s.id = l.shipment_id
                WHERE s.order_id = :order GROUP BY l.master_sku""").param("order", orderId)
                .query((rs, n) -> open.merge(rs.getString(1), -rs.getInt(2), Integer::sum)).list();
        return open;
    }

    /**
     * Replaces the warehouse's positions of the SKUs given (others stay as they were); a position as of a later time
     * than {@code asOf} is kept. A SKU given twice counts as its last position. When the warehouse does not own
     * available inventory in the tenant's source of truth, nothing is written: the report becomes an
     * {@code OWNERSHIP_CONFLICT} exception routed to the owner, with the positions as its payload.
     *
     * @return the positions written
     */
    public int recordInventory(TenantId tenant, List<InventoryPosition> positions, String source, Instant asOf) {
        // sorted by SKU, so two reports of one tenant lock their rows in the same order
        SortedMap<String, InventoryPosition> bySku = new TreeMap<>();
        positions.forEach(position -> bySku.put(position.masterSku(), position));
        List<InventoryPosition> distinct = List.copyOf(bySku.values());
        OwnershipCheck check = SystemActor.call(ACTOR, () -> governance.check(tenant, DataType.AVAILABLE_INVENTORY,
                SystemKind.WMS));
        if (!check.allowed()) {
            return SystemActor.call(ACTOR, () -> transactions.write(tenant, () -> {
                exceptions.ownershipConflict(check, "WMS", null, null, Text.clip(source, 20), "Stock report from "
                        + Text.clip(source, 20), "the stock report of " + distinct.size() + " SKU(s)",
                        positionsCsv(distinct, asOf));
                return 0;
            }));
        }
        return SystemActor.call(ACTOR, () -> transactions.write(tenant, () -> {
            int changed = 0;
            List<InventoryChanges.Change> moves = new ArrayList<>();
            for (int from = 0; from < distinct.size(); from += INVENTORY_CHUNK) {
                List<InventoryPosition> chunk = distinct.subList(from, Math.min(distinct.size(),
                        from + INVENTORY_CHUNK));
                List<String> skus = chunk.stream().map(InventoryPosition::masterSku).toList();
                Map<String, Integer> before = available(skus);
                changed += upsertPositions(chunk, Text.clip(source, 20), Timestamp.from(asOf));
                moves.addAll(moves(skus, before));
            }
            publishMoves(Text.clip(source, 20), asOf, moves);
            return changed;
        }));
    }

    private static String positionsCsv(List<InventoryPosition> positions, Instant asOf) {
        StringBuilder csv = new StringBuilder("sku,on_hand,available,as_of\n");
        positions.forEach(position -> csv.append(position.masterSku()).append(',').append(position.onHand())
                .append(',').append(position.available()).append(',').append(asOf).append('\n'));
        return csv.toString();
    }

    /**
     * One line of a warehouse's inventory adjustment (a 947's W19).
     *
     * @param quantity   units added (negative: removed), never zero
     * @param reasonCode the warehouse's reason code
     * @param reason     what the code means to a person
     */
    public record StockAdjustment(String masterSku, int quantity, String reasonCode, String reason) {
    }

    /**
     * Applies a warehouse's inventory adjustment: each line changes the SKU's units on hand and available by its
     * quantity (never below zero) and is kept with its reason, once per adjustment number and line, so the same
     * adjustment read twice changes stock once. While the warehouse does not own available inventory in the tenant's
     * source of truth, nothing is applied: the adjustment is an {@code OWNERSHIP_CONFLICT} routed to the owner.
     *
     * @return the lines applied now; 0 when the adjustment was applied before, or refused
     */
    public int recordAdjustments(TenantId tenant, String adjustmentNumber, java.time.LocalDate date,
            List<StockAdjustment> lines) {
        if (lines.stream().anyMatch(line -> line.quantity() == 0)) {
            throw new IllegalArgumentException("an adjustment line of " + adjustmentNumber + " changes nothing");
        }
        Timestamp now = Timestamp.from(clock.instant());
        OwnershipCheck check = SystemActor.call(ACTOR, () -> governance.check(tenant, DataType.AVAILABLE_INVENTORY,
                SystemKind.WMS));
        if (!check.allowed()) {
            StringBuilder csv = new StringBuilder("sku,quantity,reason_code,reason\n");
            lines.forEach(line -> csv.append(line.masterSku()).append(',').append(line.quantity()).append(',')
                    .append(line.reasonCode()).append(',').append(line.reason()).append('\n'));
            return SystemActor.call(ACTOR, () -> transactions.write(tenant, () -> {
                exceptions.ownershipConflict(check, "WMS", null, null, "adjustment:" + Text.clip(adjustmentNumber,
                        30), "Inventory adjustment " + Text.clip(adjustmentNumber, 30), "the inventory adjustment "
                        + adjustmentNumber + " of " + lines.size() + " line(s)", csv.toString());
                return 0;
            }));
        }
        return SystemActor.call(ACTOR, () -> transactions.write(tenant, () -> {
            Map<String, Integer> before = available(lines.stream().map(StockAdjustment::masterSku).distinct()
                    .toList());
            Map<String, Integer> delta = new TreeMap<>();
            int applied = 0;
            for (int i = 0; i < lines.size(); i++) {
                StockAdjustment line = lines.get(i);
                int inserted = jdbc.sql("""
                        INSERT INTO inventory_adjustment (tenant_id, id, adjustment_number, line_no, master_sku,
                                                          quantity, reason_code, reason, adjusted_on, created_at)
                        VALUES (crossdock_current_tenant(), :id, :number, :line, :sku, :quantity, :code, :reason,
                                :date, :now)
                        ON CONFLICT (tenant_id, adjustment_number, line_no) DO NOTHING""")
                        .param("id", UUID.randomUUID()).param("number", Text.clip(adjustmentNumber, 30))
                        .param("line", i + 1).param("sku", line.masterSku()).param("quantity", line.quantity())
                        .param("code", Text.clip(line.reasonCode(), 2)).param("reason", Text.clip(line.reason(), 60))
                        .param("date", date).param("now", now).update();
                if (inserted == 1) {
                    applied++;
                    delta.merge(line.masterSku(), line.quantity(), Integer::sum);
                }
            }
            // in SKU order, like the 846, so two writers lock the rows in the same order
            delta.forEach((sku, units) -> jdbc.sql("""
                    INSERT INTO inventory_position (tenant_id, id, master_sku, on_hand, available, as_of, source)
                    VALUES (crossdock_current_tenant(), :id, :sku, greatest(:units, 0), greatest(:units, 0), :now,
                            'WMS 947')
                    ON CONFLICT (tenant_id, master_sku) DO UPDATE SET
                        on_hand = greatest(inventory_position.on_hand + :units, 0),
                        available = greatest(least(inventory_position.available + :units,
                                                   inventory_position.on_hand + :units), 0),
                        as_of = greatest(inventory_position.as_of, :now), source = 'WMS 947'""")
                    .param("id", UUID.randomUUID()).param("sku", sku).param("units", units).param("now", now)
                    .update());
            publishMoves("WMS 947", now.toInstant(), moves(List.copyOf(delta.keySet()), before));
            return applied;
        }));
    }

    /**
     * The available units of these SKUs, their rows locked (in SKU order, as every stock writer locks them) so the
     * units read are the ones the write that follows changes.
     */
    private Map<String, Integer> available(List<String> skus) {
        Map<String, Integer> available = new HashMap<>();
        if (skus.isEmpty()) {
            return available;
        }
        jdbc.sql("""
                SELECT master_sku, available FROM inventory_position WHERE master_sku = ANY (:skus::text[])
                ORDER BY master_sku FOR UPDATE""").param("skus", array("text", skus.toArray()))
                .query((rs, n) -> available.put(rs.getString(1), rs.getInt(2))).list();
        return available;
    }

    /** The SKUs whose available units differ now from {@code before} (a SKU new to the warehouse counts from 0). */
    private List<InventoryChanges.Change> moves(List<String> skus, Map<String, Integer> before) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT master_sku, available, on_hand FROM inventory_position WHERE master_sku = ANY (:skus::text[])
                ORDER BY master_sku""").param("skus", array("text", skus.toArray()))
                .query((rs, n) -> new InventoryChanges.Change(rs.getString(1),
                        before.getOrDefault(rs.getString(1), 0), rs.getInt(2), rs.getInt(3))).list().stream()
                .filter(change -> change.before() != change.after()).toList();
    }

    /** Inside the stock write's transaction: the moves for {@code inventory.changed} webhooks, if any. */
    private void publishMoves(String source, Instant asOf, List<InventoryChanges.Change> moves) {
        if (!moves.isEmpty()) {
            events.publishEvent(new InventoryChanges(source, asOf, moves));
        }
    }

    /** One statement per chunk: far fewer round trips than a row per SKU, for an 846 of 100k items. */
    private int upsertPositions(List<InventoryPosition> chunk, String source, Timestamp asOf) {
        return jdbc.sql("""
                INSERT INTO inventory_position (tenant_id, id, master_sku, on_hand, available, as_of, source)
                SELECT crossdock_current_tenant(), gen_random_uuid(), u.sku, u.on_hand, u.available, :asOf, :source
                FROM unnest(:skus::text[], :onHand::int4[], :available::int4[]) AS u (sku, on_hand, available)
                ON CONFLICT (tenant_id, master_sku) DO UPDATE SET on_hand = excluded.on_hand,
                    available = excluded.available, as_of = excluded.as_of, source = excluded.source
                WHERE inventory_position.as_of <= excluded.as_of""")
                .param("skus", array("text", chunk.stream().map(InventoryPosition::masterSku).toArray()))
                .param("onHand", array("int4", chunk.stream().map(InventoryPosition::onHand).toArray()))
                .param("available", array("int4", chunk.stream().map(InventoryPosition::available).toArray()))
                .param("asOf", asOf).param("source", source).update();
    }

    private static SqlTypeValue array(String type, Object[] values) {
        return new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(Connection connection, int sqlType, @Nullable String typeName)
                    throws SQLException {
                return connection.createArrayOf(type, values);
            }
        };
    }

    /**
     * Records what the warehouse sent that cannot move (a shipment for an order it was never sent, a document that
     * cannot be applied) as an exception of the tenant, with the raw document kept; repeats fold into one.
     */
    public void reportProblem(TenantId tenant, String reasonCode, String fingerprint, String subject, String message,
            String raw) {
        SystemActor.call(ACTOR, () -> {
            transactions.writeAll(tenant, () -> exceptions.record("WMS", null, null, reasonCode, fingerprint, subject,
                    message, raw));
            return null;
        });
    }

    /** The order of a channel order id on a connection, for documents that name orders by their number. */
    public Optional<UUID> orderOf(TenantId tenant, UUID connectionId, String channelOrderId) {
        return SystemActor.call(ACTOR, () -> transactions.read(tenant, () -> jdbc.sql("""
                SELECT id FROM sales_order WHERE connection_id = :connection AND channel_order_id = :order""")
                .param("connection", connectionId).param("order", channelOrderId).query(UUID.class).optional()));
    }

}
