package com.crossdock.portal.sync.recovery;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Everything the order pipeline keeps for one tenant, as text, to show another tenant's run changed none of it. */
final class TenantRows {

    private TenantRows() {
    }

    static List<String> of(JdbcClient superuser, TenantId tenant) {
        return superuser.sql("""
                SELECT 'inbox ' || id || ' ' || dedup_key || ' ' || coalesce(processed_at::text, '-') FROM channel_inbox
                WHERE tenant_id = :t
                UNION ALL SELECT 'order ' || id || ' ' || status || ' ' || channel_updated_at || ' v' || version
                FROM sales_order WHERE tenant_id = :t
                UNION ALL SELECT 'line ' || id || ' ' || quantity FROM sales_order_line WHERE tenant_id = :t
                UNION ALL SELECT 'event ' || id || ' ' || step FROM sales_order_event WHERE tenant_id = :t
                UNION ALL SELECT 'outbox ' || id || ' ' || idempotency_key FROM wms_outbox WHERE tenant_id = :t
                ORDER BY 1""").param("t", tenant.value()).query(String.class).list();
    }
}
