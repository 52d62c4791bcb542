package com.crossdock.portal.sync.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.sync.OrderPipeline;
import com.crossdock.portal.sync.OrderSummary;
import com.crossdock.portal.sync.SyncService;
import com.crossdock.portal.sync.recovery.OrderStream.Delivery;
import com.crossdock.portal.sync.recovery.Shops.Shop;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A portal killed with SIGKILL in the middle of a webhook stream loses nothing and doubles nothing. A second JVM runs
 * the real portal on the same database and takes a shuffled stream of signed webhooks (creates, updates, repeats);
 * it is killed while it has released some orders and still holds unprocessed ones in its inbox. The portal that
 * stays up (this JVM's) then takes Shopify's re-deliveries of what was never acknowledged and processes what the
 * killed one kept but never finished; in the end the pipeline's invariant holds, and the other tenant's rows are as
 * they were and the only ones it sees.
 */
class PortalKilledMidStreamIT {

    private static final Logger log = LoggerFactory.getLogger(PortalKilledMidStreamIT.class);
    private static final int ORDERS = 200;
    private static final String INSTANCE_ID = "spring.quartz.properties.org.quartz.scheduler.instanceId";

    final JdbcClient superuser = TestDatabases.superuser(PortalKilledMidStreamIT.class);

    @Test
    void aPortalKilledMidStreamLeavesEveryOrderOnceAtItsNewestVersionReleasedOnce() throws Exception {
        PortalSettings settings = PortalSettings.forNewDatabaseOf(PortalKilledMidStreamIT.class);
        try (Portal survivor = Portal.start(settings.with(INSTANCE_ID, "survivor"))) {
            Shop rough = Shops.open(survivor, "Rough");
            Shop quiet = Shops.open(survivor, "Quiet");
            OrderStream quietOrders = OrderStream.of(5, 2, 3);
            new ShopifySender(quiet.secret(), 2).deliverAll(quietOrders.deliveries(),
                    () -> survivor.webhookAddress(quiet.tenant(), quiet.connection()), Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(30)).until(() -> unprocessed(quiet) == 0);
            List<String> quietBefore = TenantRows.of(superuser, quiet.tenant());

            OrderStream stream = OrderStream.of(ORDERS, 3, 42);
            ShopifySender shopify = new ShopifySender(rough.secret(), 6);
            CompletableFuture<List<Delivery>> firstAttempt;
            long started = System.nanoTime();
            // one processing thread, so the inbox fills faster than it empties and the kill finds work in flight
            try (ForkedPortal doomed = ForkedPortal.start("doomed-portal", settings.with(INSTANCE_ID, "doomed")
                    .with("crossdock.sync.processing-threads", "1")
                    .with("spring.datasource.hikari.maximum-pool-size", "8"))) {
                URI doomedAddress = Portal.webhookAddress(doomed.port(), rough.tenant(), rough.connection());
                log.info("Forked portal (pid {}) up after {} ms", doomed.pid(), millisSince(started));
                firstAttempt = CompletableFuture.supplyAsync(() -> deliverOnce(shopify, stream, doomedAddress));
                await("released orders while the inbox still holds unprocessed entries, mid-stream")
                        .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .failFast("the stream ended before the portal could be killed mid-stream", firstAttempt::isDone)
                        .until(() -> released(rough) >= ORDERS / 10 && unprocessed(rough) >= 10);
                doomed.kill();
            }
            List<Delivery> unacknowledged = firstAttempt.get(60, TimeUnit.SECONDS);
            long keptButUnprocessed = unprocessed(rough);
            log.info("Killed with {} released, {} kept but unprocessed, {} of {} deliveries unacknowledged; answers {}",
                    released(rough), keptButUnprocessed, unacknowledged.size(), stream.deliveries().size(),
                    shopify.answers());
            assertThat(keptButUnprocessed).as("the kill left kept webhooks unprocessed").isPositive();
            assertThat(unacknowledged).as("the kill cut the stream short").isNotEmpty();

            OrderPipeline pipeline = survivor.bean(OrderPipeline.class);
            shopify.deliverAll(unacknowledged, () -> survivor.webhookAddress(rough.tenant(), rough.connection()),
                    Duration.ofSeconds(60));
            await("the inbox processed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> pipeline.processPending(rough.tenant()) == 0 && unprocessed(rough) == 0);
            log.info("Recovered {} ms after the forked portal was started", millisSince(started));

            PipelineInvariant.holdsFor(superuser, rough.tenant(), stream);
            assertThat(TenantRows.of(superuser, quiet.tenant())).as("the other tenant's rows")
                    .isEqualTo(quietBefore);
            List<OrderSummary> quietSees = SystemActor.call("test",
                    () -> survivor.bean(SyncService.class).orders(quiet.tenant(), 1000));
            assertThat(quietSees).as("the other tenant sees its own orders only").hasSize(quietOrders.orders())
                    .allSatisfy(order -> assertThat(order.channelUpdatedAt())
                            .isEqualTo(quietOrders.newestUpdatedAt()));
        }
    }

    private static List<Delivery> deliverOnce(ShopifySender shopify, OrderStream stream, URI address) {
        try {
            return shopify.deliverOnce(stream.deliveries(), () -> address);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long released(Shop shop) {
        return PipelineInvariant.count(superuser, shop.tenant(), "SELECT count(*) FROM wms_outbox WHERE tenant_id = :t");
    }

    private long unprocessed(Shop shop) {
        return PipelineInvariant.count(superuser, shop.tenant(),
                "SELECT count(*) FROM channel_inbox WHERE tenant_id = :t AND processed_at IS NULL");
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
