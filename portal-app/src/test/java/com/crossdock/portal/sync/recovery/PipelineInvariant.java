package com.crossdock.portal.sync.recovery;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Timestamp;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What must hold for a tenant once a stream of webhooks has been delivered and processed, however often the portal
 * or its database went away meanwhile: each webhook kept once and processed, exactly one canonical order per channel
 * order at its newest version, each released to the warehouse exactly once, and no journey step doubled. Read as the
 * superuser, who sees past row-level security.
 */
final class PipelineInvariant {

    private PipelineInvariant() {
    }

    static void holdsFor(JdbcClient superuser, TenantId tenant, OrderStream stream) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(count(superuser, tenant, "SELECT count(*) FROM channel_inbox WHERE tenant_id = :t"))
                .as("each webhook kept once").isEqualTo(stream.uniqueWebhooks());
        softly.assertThat(count(superuser, tenant,
                "SELECT count(*) FROM channel_inbox WHERE tenant_id = :t AND processed_at IS NULL"))
                .as("inbox entries left unprocessed").isZero();
        softly.assertThat(count(superuser, tenant, "SELECT count(*) FROM sales_order WHERE tenant_id = :t"))
                .as("orders").isEqualTo(stream.orders());
        softly.assertThat(superuser.sql("""
                SELECT count(*) FROM sales_order WHERE tenant_id = :t AND status = 'RELEASED'
                AND channel_updated_at = :newest""").param("t", tenant.value())
                .param("newest", Timestamp.from(stream.newestUpdatedAt())).query(Long.class).single())
                .as("orders released at their newest version").isEqualTo(stream.orders());
        softly.assertThat(superuser.sql("""
                SELECT count(*) FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id
                WHERE o.tenant_id = :t AND l.quantity = :newest""").param("t", tenant.value())
                .param("newest", stream.newestVersion()).query(Long.class).single())
                .as("order lines of the newest version").isEqualTo(stream.orders());
        softly.assertThat(count(superuser, tenant, "SELECT count(*) FROM sales_order_line WHERE tenant_id = :t"))
                .as("order lines").isEqualTo(stream.orders());
        softly.assertThat(count(superuser, tenant, "SELECT count(*) FROM wms_outbox WHERE tenant_id = :t"))
                .as("warehouse messages").isEqualTo(stream.orders());
        softly.assertThat(count(superuser, tenant,
                "SELECT count(DISTINCT order_id) FROM wms_outbox WHERE tenant_id = :t"))
                .as("orders with a warehouse message").isEqualTo(stream.orders());
        softly.assertThat(doubledSteps(superuser, tenant)).as("journey steps recorded twice for one order")
                .isEmpty();
        softly.assertAll();
    }

    /** Steps that happen once in an order's life but are recorded more than once, as "order: step (times)". */
    private static List<String> doubledSteps(JdbcClient superuser, TenantId tenant) {
        return superuser.sql("""
                SELECT o.channel_order_id || ': ' || e.step || ' ' || left(e.detail, 6) || ' (' || count(*) || ')'
                FROM sales_order_event e JOIN sales_order o ON o.id = e.order_id
                WHERE e.tenant_id = :t AND (e.step = 'RECEIVED' OR (e.step = 'RELEASED' AND e.detail LIKE 'Queued%'))
                GROUP BY o.channel_order_id, e.step, left(e.detail, 6) HAVING count(*) > 1""")
                .param("t", tenant.value()).query(String.class).list();
    }

    static long count(JdbcClient superuser, TenantId tenant, String sql) {
        return superuser.sql(sql).param("t", tenant.value()).query(Long.class).single();
    }
}
