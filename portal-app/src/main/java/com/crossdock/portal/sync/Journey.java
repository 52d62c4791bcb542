package com.crossdock.portal.sync;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The journey of an order: each step it took (received, normalised, held or released, sent, picked, shipped,
 * tracking posted, ...), written inside the transaction of the work that took it.
 */
@Component
class Journey {

    private final JdbcClient jdbc;
    private final Clock clock;

    Journey(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void step(UUID orderId, String step, String detail) {
        step(orderId, clock.instant(), step, detail);
    }

    void step(UUID orderId, Instant at, String step, String detail) {
        jdbc.sql("""
                INSERT INTO sales_order_event (tenant_id, id, order_id, at, step, detail)
                VALUES (crossdock_current_tenant(), :id, :order, :at, :step, :detail)""")
                .param("id", UUID.randomUUID()).param("order", orderId).param("at", Timestamp.from(at))
                .param("step", step).param("detail", Text.clip(detail, 1000)).update();
    }
}
