package com.crossdock.portal.webhook;

import com.crossdock.portal.events.BrandEvent;
import com.crossdock.portal.events.InventoryChanges;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each {@link BrandEvent} into a delivery per active subscription to its type, inside the transaction and
 * tenant scope of the work that published it: the event and its deliveries commit together, or neither does.
 */
@Component
class WebhookOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void queue(BrandEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A " + event.type() + " event was published outside a tenant transaction; "
                    + "its webhook deliveries could not commit with it");
        }
        Instant now = clock.instant();
        UUID eventId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO webhook_delivery (tenant_id, id, subscription_id, event_id, event_type, payload, status,
                                              next_attempt_at, created_at)
                SELECT crossdock_current_tenant(), gen_random_uuid(), s.id, :event, :type, :payload, 'PENDING', :now,
                       :now
                FROM webhook_subscription s
                WHERE s.status IN ('ACTIVE', 'DISABLED') AND :type = ANY (string_to_array(s.events, ' '))""")
                .param("event", eventId).param("type", event.type())
                .param("payload", envelope(eventId, event.type(), now, event.data()))
                .param("now", Timestamp.from(now)).update();
    }

    /**
     * Stock moves of one report: one {@code inventory.changed} event per SKU, delivered to each subscription whose
     * threshold the move meets (at least its units, or its percentage of what was available before; from 0, any
     * rise). Nothing is built when no subscription wants the type.
     */
    @EventListener
    void queue(InventoryChanges changes) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Inventory changes were published outside a tenant transaction; their "
                    + "webhook deliveries could not commit with them");
        }
        boolean wanted = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM webhook_subscription s
                               WHERE :type = ANY (string_to_array(s.events, ' ')))""")
                .param("type", BrandEvent.INVENTORY_CHANGED).query(Boolean.class).single();
        if (!wanted) {
            return;
        }
        Instant now = clock.instant();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InventoryChanges.Change change : changes.changes()) {
            UUID eventId = UUID.randomUUID();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("sku", change.sku());
            data.put("availableBefore", change.before());
            data.put("available", change.after());
            data.put("change", change.after() - change.before());
            data.put("onHand", change.onHand());
            data.put("source", changes.source());
            data.put("asOf", changes.asOf().toString());
            rows.add(Map.of("event", eventId.toString(), "payload", envelope(eventId, BrandEvent.INVENTORY_CHANGED,
                    now, data), "moved", Math.abs(change.after() - change.before()), "before", change.before()));
        }
        jdbc.sql("""
                INSERT INTO webhook_delivery (tenant_id, id, subscription_id, event_id, event_type, payload, status,
                                              next_attempt_at, created_at)
                SELECT crossdock_current_tenant(), gen_random_uuid(), s.id, c.event, :type, c.payload, 'PENDING', :now,
                       :now
                FROM webhook_subscription s
                CROSS JOIN jsonb_to_recordset(CAST(:changes AS jsonb)) AS c (event UUID, payload TEXT, moved INTEGER,
                                                                              before INTEGER)
                WHERE s.status IN ('ACTIVE', 'DISABLED') AND :type = ANY (string_to_array(s.events, ' '))
                  AND (c.moved >= s.inventory_min_units OR c.before = 0
                       OR c.moved * 100 >= s.inventory_min_percent * c.before::BIGINT)""")
                .param("type", BrandEvent.INVENTORY_CHANGED).param("changes", JSON.writeValueAsString(rows))
                .param("now", Timestamp.from(now)).update();
    }

    /** The JSON body of a delivery: {@code id}, {@code type}, {@code occurredAt}, {@code data}. */
    static String envelope(UUID eventId, String type, Instant occurredAt, Map<String, ?> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId.toString());
        body.put("type", type);
        body.put("occurredAt", occurredAt.toString());
        body.put("data", data);
        return JSON.writeValueAsString(body);
    }
}
