package com.crossdock.portal.receiving;

import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The warehouse's side of receiving, which the warehouse exchange calls as the system actor: the shipments to
 * announce (943), marking them announced, and applying what the warehouse received (944). Applying is idempotent
 * per receipt: the same 944 twice changes nothing the second time.
 */
@Component
public class InboundReceipts {

    private static final String ACTOR = "receiving";

    private final TenantService tenants;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    InboundReceipts(TenantService tenants, TenantTransactions transactions, JdbcClient jdbc, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.tenants = tenants;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What applying a receipt did. */
    public enum ReceiptOutcome {
        /** Quantities, status and discrepancies were recorded. */
        APPLIED,
        /** This receipt was applied before; nothing changed. */
        ALREADY_APPLIED,
        /** The tenant has no shipment with that reference; nothing changed. */
        UNKNOWN_SHIPMENT
    }

    /** The shipments marked ready and not announced yet, oldest first. */
    public List<InboundAdvice> unsentAdvices(TenantId tenant) {
        tenants.requireOpen(tenant);
        return SystemActor.call(ACTOR, () -> transactions.read(tenant, () -> {
            Map<UUID, List<InboundAdvice.Line>> lines = new HashMap<>();
            jdbc.sql("""
                    SELECT l.shipment_id, l.master_sku, l.lot, l.expiry_on, l.expected_qty
                    FROM inbound_shipment_line l JOIN inbound_shipment s ON s.id = l.shipment_id
                    WHERE s.ready_at IS NOT NULL AND s.advised_at IS NULL ORDER BY l.shipment_id, l.line_no""")
                    .query((rs, n) -> lines.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new InboundAdvice.Line(rs.getString(2), rs.getString(3),
                                    rs.getObject(4, LocalDate.class), rs.getInt(5)))).list();
            return jdbc.sql("""
                    SELECT id, reference, carrier, expected_on FROM inbound_shipment
                    WHERE ready_at IS NOT NULL AND advised_at IS NULL ORDER BY ready_at, reference""")
                    .query((rs, n) -> new InboundAdvice(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getString(3), rs.getObject(4, LocalDate.class),
                            lines.getOrDefault(rs.getObject(1, UUID.class), List.of())))
                    .list();
        }));
    }

    /** The shipment was announced to the warehouse ({@code how}: which file, for the activity trail). */
    public void markAdvised(TenantId tenant, UUID shipmentId, String how) {
        tenants.requireOpen(tenant);
        SystemActor.call(ACTOR, () -> {
            int marked = transactions.write(tenant, () -> jdbc.sql("""
                    UPDATE inbound_shipment SET advised_at = :now, updated_at = :now,
                           status = CASE WHEN status = 'DRAFT' THEN 'SENT' ELSE status END
                    WHERE id = :id AND advised_at IS NULL""")
                    .param("id", shipmentId).param("now", Timestamp.from(clock.instant())).update());
            if (marked > 0) {
                tenants.recordActivity(tenant, "receiving.advised", how);
            }
            return null;
        });
    }

    /**
     * Records what the warehouse received against the shipment with {@code shipmentReference}: received and damaged
     * units added to its lines, its status, and its discrepancies (short only once the warehouse says it is done).
     */
    public ReceiptOutcome applyReceipt(TenantId tenant, String shipmentReference, InboundReceipt receipt) {
        tenants.requireOpen(tenant);
        return SystemActor.call(ACTOR, () -> transactions.write(tenant, () -> {
            Optional<UUID> shipment = jdbc.sql("SELECT id FROM inbound_shipment WHERE reference = :r FOR UPDATE")
                    .param("r", shipmentReference).query(UUID.class).optional();
            if (shipment.isEmpty()) {
                return ReceiptOutcome.UNKNOWN_SHIPMENT;
            }
            Timestamp now = Timestamp.from(clock.instant());
            boolean first = jdbc.sql("""
                    INSERT INTO inbound_receipt (tenant_id, id, shipment_id, receipt_key, complete, applied_at)
                    VALUES (crossdock_current_tenant(), :id, :shipment, :key, :complete, :now)
                    ON CONFLICT (tenant_id, receipt_key) DO NOTHING""")
                    .param("id", UUID.randomUUID()).param("shipment", shipment.get())
                    .param("key", receipt.receiptKey()).param("complete", receipt.complete()).param("now", now)
                    .update() > 0;
            if (!first) {
                return ReceiptOutcome.ALREADY_APPLIED;
            }
            for (InboundReceipt.Line line : receipt.lines()) {
                receive(shipment.get(), line, now);
            }
            boolean wasReceived = jdbc.sql("SELECT status = 'RECEIVED' FROM inbound_shipment WHERE id = :s")
                    .param("s", shipment.get()).query(Boolean.class).single();
            recordDiscrepancies(shipment.get(), now);
            jdbc.sql("SELECT reference FROM inbound_shipment WHERE id = :s AND status = 'RECEIVED'")
                    .param("s", shipment.get()).query(String.class).optional()
                    .filter(received -> !wasReceived)
                    .ifPresent(reference -> events.publishEvent(new com.crossdock.portal.events.BrandEvent(
                            com.crossdock.portal.events.BrandEvent.RECEIPT_COMPLETED, shipment.get(), java.util.Map.of(
                            "shipmentId", shipment.get().toString(), "reference", reference))));
            return ReceiptOutcome.APPLIED;
        }));
    }

    /**
     * Adds a receipt line to the shipment's line of its SKU and lot; a lot the shipment did not announce for the SKU
     * goes on the SKU's first line (the units are there all the same) and is a {@code LOT} discrepancy saying which
     * lots were announced and which came. A SKU not on the shipment at all is {@code UNEXPECTED}.
     */
    private void receive(UUID shipment, InboundReceipt.Line line, Timestamp now) {
        if (!line.lot().isEmpty()) {
            jdbc.sql("""
                    INSERT INTO inbound_received_lot (tenant_id, id, shipment_id, master_sku, lot, expiry_on, received,
                                                      damaged)
                    VALUES (crossdock_current_tenant(), :id, :shipment, :sku, :lot, :expiry, :received, :damaged)
                    ON CONFLICT (tenant_id, shipment_id, master_sku, lot)
                    DO UPDATE SET received = inbound_received_lot.received + excluded.received,
                                  damaged = inbound_received_lot.damaged + excluded.damaged,
                                  expiry_on = coalesce(excluded.expiry_on, inbound_received_lot.expiry_on)""")
                    .param("id", UUID.randomUUID()).param("shipment", shipment).param("sku", line.sku())
                    .param("lot", line.lot()).param("expiry", line.expiryOn()).param("received", line.received())
                    .param("damaged", line.damaged()).update();
        }
        int onLine = jdbc.sql("""
                UPDATE inbound_shipment_line SET received_qty = received_qty + :received,
                       damaged_qty = damaged_qty + :damaged
                WHERE id = (SELECT id FROM inbound_shipment_line WHERE shipment_id = :shipment AND master_sku = :sku
                            ORDER BY lot <> :lot, line_no LIMIT 1)""")
                .param("received", line.received()).param("damaged", line.damaged()).param("shipment", shipment)
                .param("sku", line.sku()).param("lot", line.lot()).update();
        List<String> announced = jdbc.sql("""
                SELECT lot FROM inbound_shipment_line WHERE shipment_id = :shipment AND master_sku = :sku AND lot <> ''
                ORDER BY line_no""").param("shipment", shipment).param("sku", line.sku()).query(String.class).list();
        if (onLine > 0 && !announced.isEmpty() && !announced.contains(line.lot()) && line.received() > 0) {
            String detail = "Announced lot " + String.join(", ", announced) + "; received "
                    + (line.lot().isEmpty() ? "units without a lot" : "lot " + line.lot())
                    + (line.expiryOn() == null ? "" : " expiring " + line.expiryOn());
            jdbc.sql("""
                    INSERT INTO receiving_discrepancy (tenant_id, id, shipment_id, master_sku, kind, expected_qty,
                                                       received_qty, recorded_at, detail)
                    VALUES (crossdock_current_tenant(), :id, :shipment, :sku, 'LOT', 0, :received, :now, :detail)
                    ON CONFLICT (tenant_id, shipment_id, master_sku, kind)
                    DO UPDATE SET received_qty = receiving_discrepancy.received_qty + excluded.received_qty,
                                  detail = left(receiving_discrepancy.detail || '; ' || excluded.detail, 300)""")
                    .param("id", UUID.randomUUID()).param("shipment", shipment).param("sku", line.sku())
                    .param("received", line.received()).param("now", now).param("detail", detail).update();
        }
        if (onLine == 0 && line.received() > 0) {
            jdbc.sql("""
                    INSERT INTO receiving_discrepancy (tenant_id, id, shipment_id, master_sku, kind, expected_qty,
                                                       received_qty, recorded_at)
                    VALUES (crossdock_current_tenant(), :id, :shipment, :sku, 'UNEXPECTED', 0, :received, :now)
                    ON CONFLICT (tenant_id, shipment_id, master_sku, kind)
                    DO UPDATE SET received_qty = receiving_discrepancy.received_qty + excluded.received_qty""")
                    .param("id", UUID.randomUUID()).param("shipment", shipment).param("sku", line.sku())
                    .param("received", line.received()).param("now", now).update();
        }
    }

    /** The line discrepancies as the lines now stand, and the shipment's status. */
    private void recordDiscrepancies(UUID shipment, Timestamp now) {
        boolean complete = jdbc.sql("SELECT bool_or(complete) FROM inbound_receipt WHERE shipment_id = :s")
                .param("s", shipment).query(Boolean.class).single();
        // a SKU's lots are one line each; over, short and damaged are the SKU's, over all its lots
        jdbc.sql("""
                WITH sku_totals AS (SELECT shipment_id, master_sku, sum(expected_qty) AS expected_qty,
                                           sum(received_qty) AS received_qty, sum(damaged_qty) AS damaged_qty
                                    FROM inbound_shipment_line WHERE shipment_id = :s
                                    GROUP BY shipment_id, master_sku)
                INSERT INTO receiving_discrepancy (tenant_id, id, shipment_id, master_sku, kind, expected_qty,
                                                   received_qty, recorded_at)
                SELECT crossdock_current_tenant(), gen_random_uuid(), shipment_id, master_sku, kind, expected_qty,
                       quantity, :now
                FROM (SELECT shipment_id, master_sku, 'DAMAGED' AS kind, expected_qty, damaged_qty AS quantity
                      FROM sku_totals WHERE damaged_qty > 0
                      UNION ALL
                      SELECT shipment_id, master_sku, 'OVER', expected_qty, received_qty
                      FROM sku_totals WHERE received_qty > expected_qty
                      UNION ALL
                      SELECT shipment_id, master_sku, 'SHORT', expected_qty, received_qty
                      FROM sku_totals WHERE :complete AND received_qty < expected_qty) found
                ON CONFLICT (tenant_id, shipment_id, master_sku, kind)
                DO UPDATE SET expected_qty = excluded.expected_qty, received_qty = excluded.received_qty""")
                .param("s", shipment).param("complete", complete).param("now", now).update();
        // a later receipt can make up a shortfall that nobody resolved yet
        jdbc.sql("""
                DELETE FROM receiving_discrepancy d
                WHERE d.shipment_id = :s AND d.kind = 'SHORT' AND NOT d.resolved
                AND (SELECT sum(l.received_qty) - sum(l.expected_qty) FROM inbound_shipment_line l
                     WHERE l.shipment_id = d.shipment_id AND l.master_sku = d.master_sku) >= 0""")
                .param("s", shipment).update();
        jdbc.sql("""
                UPDATE inbound_shipment SET updated_at = :now,
                       status = CASE WHEN NOT (:complete OR NOT EXISTS (SELECT 1 FROM inbound_shipment_line l
                                         WHERE l.shipment_id = :s GROUP BY l.master_sku
                                         HAVING sum(l.received_qty) < sum(l.expected_qty)))
                                     THEN 'RECEIVING'
                                     WHEN EXISTS (SELECT 1 FROM receiving_discrepancy d WHERE d.shipment_id = :s)
                                     THEN 'RECEIVED_WITH_DISCREPANCIES'
                                     ELSE 'RECEIVED' END
                WHERE id = :s AND status <> 'CLOSED'""").param("s", shipment).param("complete", complete)
                .param("now", now).update();
    }
}
