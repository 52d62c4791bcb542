package com.crossdock.portal.sync;

import com.crossdock.portal.channel.ChannelConnected;
import com.crossdock.portal.scheduling.TenantJobs;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Schedules a new connection's flows once the connection is committed: today the order import, every 5 minutes. */
@Component
class FlowScheduler {

    static final Duration ORDER_IMPORT_EVERY = Duration.ofMinutes(5);

    private final TenantJobs jobs;
    private final SyncProperties properties;

    FlowScheduler(TenantJobs jobs, SyncProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(ChannelConnected connected) {
        if (properties.scheduleFlows() && connected.channel().equals("SHOPIFY")) {
            jobs.scheduleEvery(connected.tenant(), ShopifyOrderPollJob.PREFIX + connected.connectionId(),
                    ShopifyOrderPollJob.class, ORDER_IMPORT_EVERY);
        }
    }
}
