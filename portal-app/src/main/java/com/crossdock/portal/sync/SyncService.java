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

    private final TenantService tenants;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;

    SyncService(TenantService tenants, TenantTransactions transactions, JdbcClient jdbc) {
        this.tenants = tenants;
        this.transactions = transactions;
        this.jdbc = jdbc;
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
                SELECT id, flow, reason_code, subject, message, raw_payload, first_seen, last_seen, occurrences, status
                FROM integration_exception WHERE status = 'OPEN' ORDER BY last_seen DESC""")
                .query((rs, n) -> new IntegrationException(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getInt(9), rs.getString(10)))
                .list());
    }

    /** How many webhooks of the tenant failed their signature check. */
    @PreAuthorize("isAuthenticated()")
    public long badSignatures(TenantId tenant) {
        requireAccess(tenant);
        return transactions.read(tenant, () -> jdbc.sql(
                "SELECT count(*) FROM security_event WHERE kind = 'WEBHOOK_BAD_SIGNATURE'").query(Long.class).single());
    }

    private void requireAccess(TenantId tenant) {
        tenants.requireOpen(tenant);
    }

}
