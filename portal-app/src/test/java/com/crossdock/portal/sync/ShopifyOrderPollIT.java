package com.crossdock.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.channel.sandbox.OrderGeneration;
import com.crossdock.portal.channel.sandbox.SandboxDeliveryException;
import com.crossdock.portal.channel.sandbox.ShopifySandboxService;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.scheduling.TenantJobs;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The order-import flow against the portal's own Shopify sandbox: the sandbox's webhooks are lost (its portal
 * address points at a closed port), so the orders sit in the sandbox store until the flow polls the Admin API for
 * them. Real HTTP, real GraphQL, real PostgreSQL, two tenants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopifyOrderPollIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, ShopifyOrderPollIT.class);
        // webhooks go nowhere: port 9 (discard) is closed on a test machine
        registry.add("crossdock.sandbox.portal-url", () -> "http://127.0.0.1:9");
        registry.add("crossdock.sync.schedule-flows", () -> "true");
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired ShopifySandboxService sandbox;
    @Autowired Flows flows;
    @Autowired SyncService sync;
    @Autowired TenantJobs jobs;

    final JdbcClient superuser = TestDatabases.superuser(ShopifyOrderPollIT.class);

    @Test
    void ordersWhoseWebhooksWereLostArriveByPollingOnceAndThePollIsRecorded() {
        TenantId apparel = tenant("Apparel", "APP");
        TenantId home = tenant("Home", "HOME");
        UUID store = SystemActor.call("test", () -> {
            for (int i = 0; i < 3; i++) {
                catalog.save(apparel, null, new ItemCommand("TEE-" + i, "Tee " + i, ItemStatus.ACTIVE, false, false,
                        false, false, List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                        List.of(new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, "SHOP-TEE-" + i))), 0);
            }
            channels.connectShopify(home, new ShopifyConnectionCommand("Home", "home.myshopify.com", "2026-07",
                    ChannelMode.SANDBOX, "shpat_home_token_000000", "home-secret"));
            return channels.connectShopify(apparel, new ShopifyConnectionCommand("Apparel", "apparel.myshopify.com",
                    "2026-07", ChannelMode.SANDBOX, "shpat_apparel_token_0000", "apparel-secret")).id();
        });
        assertThat(jobs.jobsOf(apparel)).as("connecting schedules the order import")
                .contains(FlowJob.name(store, Flow.ORDER_IMPORT), FlowJob.name(store, Flow.FULFILLMENT_WRITEBACK));
        assertThat(jobs.isScheduled(apparel, FlowJob.name(store, Flow.RETURNS_IMPORT)))
                .as("a webhook-only flow has no schedule").isFalse();
        // from here the test runs the flow itself, so a timer-fired run cannot process orders behind its back
        assertThat(jobs.unschedule(apparel, FlowJob.name(store, Flow.ORDER_IMPORT))).isTrue();
        var test = SystemActor.call("test", () -> channels.testConnection(apparel, store));
        assertThat(test.ok()).as(test.message()).isTrue();
        assertThat(test.grantedScopes()).containsAll(ChannelService.REQUIRED_SCOPES);

        assertThatThrownBy(() -> SystemActor.call("test", () -> sandbox.generateOrders(apparel, store,
                OrderGeneration.of(12).withMultiLine(50, 2, 3).withSeed(5))))
                .isInstanceOf(SandboxDeliveryException.class);

        Run first = run(apparel, store);
        Run second = run(apparel, store);

        assertThat(first.in()).as("a run the timer started may have read some first").isBetween(1, 12);
        assertThat(first.failed()).isZero();
        assertThat(second.out()).as("the same versions are not kept twice").isZero();
        // a run the timer started before it was unscheduled may still be processing what it kept
        List<OrderSummary> orders = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> SystemActor.call("test", () -> sync.orders(apparel, 100)), found -> found.size() == 12);
        assertThat(orders).allSatisfy(order -> assertThat(order.status()).isEqualTo(OrderStatus.RELEASED));
        assertThat(superuser.sql("SELECT count(*) FROM wms_outbox WHERE tenant_id = :t")
                .param("t", apparel.value()).query(Long.class).single()).isEqualTo(12);
        assertThat(superuser.sql("""
                SELECT count(*) FROM flow_run WHERE tenant_id = :t AND connection_id = :c AND flow = 'ORDER_IMPORT'
                AND outcome = 'OK'""").param("t", apparel.value()).param("c", store).query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
        assertThat(SystemActor.call("test", () -> sync.orders(home, 100))).isEmpty();
    }

    @Test
    void aStoreThatDoesNotAnswerIsAFailedRunAndAnExceptionNotJustALogLine() {
        TenantId tenant = tenant("Gone", "GONE");
        UUID live = SystemActor.call("test", () -> channels.connectShopify(tenant, new ShopifyConnectionCommand("Gone",
                "gone-store.myshopify.com", "2026-07", ChannelMode.LIVE, "shpat_gone_token_00000", "gone-secret")).id());

        Run run = run(tenant, live);
        var test = SystemActor.call("test", () -> channels.testConnection(tenant, live));
        assertThat(test.reached()).isFalse();
        assertThat(test.message()).contains("Check the store domain and the access token");

        assertThat(run.in()).isZero();
        assertThat(run.outcome()).isEqualTo("FAILED");
        assertThat(SystemActor.call("test", () -> sync.openExceptions(tenant)))
                .anySatisfy(exception -> assertThat(exception.reasonCode()).isEqualTo("CHANNEL_UNAVAILABLE"));
    }

    record Run(String outcome, int in, int out, int failed) {
    }

    /** Runs the order import once, as a firing of its job would, and reads the run's record. */
    private Run run(TenantId tenant, UUID connection) {
        UUID id = flows.run(tenant, connection, Flow.ORDER_IMPORT, new Flows.Firing(java.time.Instant.now(), "test",
                false)).orElseThrow();
        return superuser.sql("SELECT outcome, records_in, records_out, records_failed FROM flow_run WHERE id = :id")
                .param("id", id).query((rs, n) -> new Run(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .single();
    }

    private TenantId tenant(String name, String code) {
        return SystemActor.call("test", () -> tenants.create(
                new TenantCommand(name, code, TenantStatus.ACTIVE, null, null)).id());
    }
}
