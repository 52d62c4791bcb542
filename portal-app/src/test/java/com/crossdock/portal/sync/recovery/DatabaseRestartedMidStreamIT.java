package com.crossdock.portal.sync.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.sync.OrderPipeline;
import com.crossdock.portal.sync.OrderSummary;
import com.crossdock.portal.sync.SyncService;
import com.crossdock.portal.sync.recovery.Shops.Shop;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The PostgreSQL server restarts while webhooks stream in and are processed. Whatever arrives while it is down is
 * answered with an error, so Shopify re-delivers it; whatever the background processing could not finish stays in
 * the inbox for the sweep, rolled back whole. Once the server is back, the background processing goes on by itself
 * and the re-deliveries are kept; the sweep finishes exactly what failed: the pipeline's invariant holds, and the other
 * tenant's rows are as they were.
 */
class DatabaseRestartedMidStreamIT {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRestartedMidStreamIT.class);
    private static final int ORDERS = 200;
    private static final int SENDERS = 4;

    @Test
    void webhooksRefusedWhileTheDatabaseRestartsAreRedeliveredAndNothingIsLostOrDoubled() throws Exception {
        // a request waits at most 2 s for a connection while the database is down: well within Shopify's 5 s
        PortalSettings settings = PortalSettings.forNewDatabaseOf(DatabaseRestartedMidStreamIT.class)
                .with("spring.datasource.hikari.connection-timeout", "2000")
                .with("spring.datasource.hikari.maximum-pool-size", "8");
        try (RestartablePostgres postgres = RestartablePostgres.start(DatabaseRestartedMidStreamIT.class);
                Portal portal = Portal.start(postgres.settingsFrom(settings));
                FailedProcessing failures = FailedProcessing.watch()) {
            JdbcClient superuser = postgres.superuser();
            Shop rough = Shops.open(portal, "Rough");
            Shop quiet = Shops.open(portal, "Quiet");
            OrderStream quietOrders = OrderStream.of(5, 2, 3);
            new ShopifySender(quiet.secret(), 2).deliverAll(quietOrders.deliveries(),
                    () -> portal.webhookAddress(quiet.tenant(), quiet.connection()), Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(30)).until(() -> unprocessed(superuser, quiet) == 0);
            List<String> quietBefore = TenantRows.of(superuser, quiet.tenant());

            OrderStream stream = OrderStream.of(ORDERS, 3, 7);
            ShopifySender shopify = new ShopifySender(rough.secret(), SENDERS);
            long started = System.nanoTime();
            CompletableFuture<Void> delivery = CompletableFuture.runAsync(() -> deliverAll(shopify, stream,
                    portal, rough));
            await("orders released, mid-stream").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .failFast("the stream ended before the database could be restarted mid-stream", delivery::isDone)
                    .until(() -> released(superuser, rough) >= ORDERS / 10);
            postgres.stop();
            long stopped = System.nanoTime();
            // at most SENDERS requests were in flight when it stopped; the others came while it was down
            await("webhooks refused while the database is down").atMost(Duration.ofSeconds(30))
                    .until(() -> shopify.refused() >= 2 * SENDERS);
            log.info("Database down for {} ms; answers so far {}", millisSince(stopped), shopify.answers());
            postgres.startAgain();
            assertThat(shopify.answers().keySet()).as("a webhook the portal could not keep is answered 503, so "
                    + "Shopify sends it again; never a login redirect").allSatisfy(status ->
                    assertThat(status).isIn(200, 503, ShopifySender.NO_ANSWER));

            delivery.get(120, TimeUnit.SECONDS);
            // the background processing goes on after the restart: what it leaves are the entries that failed
            await("the background processing left only the entries that failed")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(unprocessedEntries(superuser, rough))
                            .isSubsetOf(failures.entries()));
            Set<UUID> leftForTheSweep = unprocessedEntries(superuser, rough);
            OrderPipeline pipeline = portal.bean(OrderPipeline.class);
            await("the sweep processed the rest").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> pipeline.sweep(Duration.ZERO) == 0 && unprocessed(superuser, rough) == 0);
            log.info("Stream delivered and processed {} ms after it started; processing of {} entries failed, {} "
                    + "were left for the sweep; answers {}", millisSince(started), failures.entries().size(),
                    leftForTheSweep.size(), shopify.answers());

            assertThat(shopify.refused()).as("webhooks answered with an error while the database was down")
                    .isPositive();
            PipelineInvariant.holdsFor(superuser, rough.tenant(), stream);
            assertThat(TenantRows.of(superuser, quiet.tenant())).as("the other tenant's rows")
                    .isEqualTo(quietBefore);
            List<OrderSummary> quietSees = SystemActor.call("test",
                    () -> portal.bean(SyncService.class).orders(quiet.tenant(), 1000));
            assertThat(quietSees).as("the other tenant sees its own orders only").hasSize(quietOrders.orders())
                    .allSatisfy(order -> assertThat(order.channelUpdatedAt())
                            .isEqualTo(quietOrders.newestUpdatedAt()));
        }
    }

    private static void deliverAll(ShopifySender shopify, OrderStream stream, Portal portal, Shop shop) {
        try {
            shopify.deliverAll(stream.deliveries(), () -> portal.webhookAddress(shop.tenant(), shop.connection()),
                    Duration.ofSeconds(120));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long released(JdbcClient superuser, Shop shop) {
        return PipelineInvariant.count(superuser, shop.tenant(), "SELECT count(*) FROM wms_outbox WHERE tenant_id = :t");
    }

    private static Set<UUID> unprocessedEntries(JdbcClient superuser, Shop shop) {
        return Set.copyOf(superuser.sql("SELECT id FROM channel_inbox WHERE tenant_id = :t AND processed_at IS NULL")
                .param("t", shop.tenant().value()).query(UUID.class).list());
    }

    private static long unprocessed(JdbcClient superuser, Shop shop) {
        return PipelineInvariant.count(superuser, shop.tenant(),
                "SELECT count(*) FROM channel_inbox WHERE tenant_id = :t AND processed_at IS NULL");
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
