package com.crossdock.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.AmazonConnectionCommand;
import com.crossdock.portal.channel.AmazonRegion;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ChannelValidationException;
import com.crossdock.portal.channel.sandbox.AmazonSandboxService;
import com.crossdock.portal.channel.sandbox.AmazonSandboxStore.Fault;
import com.crossdock.portal.identity.SystemActor;
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
 * Amazon sandbox orders through the same pipeline as Shopify's: the order import flow calls the portal's own
 * Amazon sandbox over HTTP (LWA token, getOrders, getOrderItems), with an expired token and a 5xx on the way, and
 * the merchant-fulfilled orders reach the warehouse outbox released; the FBA one is set aside with its reason.
 * Real HTTP, real PostgreSQL, two tenants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AmazonOrderImportIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, AmazonOrderImportIT.class);
        registry.add("crossdock.sync.schedule-flows", () -> "false");
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired AmazonSandboxService sandbox;
    @Autowired Flows flows;
    @Autowired SyncService sync;

    final JdbcClient superuser = TestDatabases.superuser(AmazonOrderImportIT.class);

    @Test
    void sandboxOrdersReachTheOutboxReleasedForOneTenantAndTheOtherSeesNothing() {
        TenantId apparel = tenant("Apparel", "APP");
        TenantId home = tenant("Home", "HOME");
        UUID account = SystemActor.call("test", () -> {
            for (int i = 0; i < 3; i++) {
                catalog.save(apparel, null, new ItemCommand("TEE-" + i, "Tee " + i, ItemStatus.ACTIVE, false, false,
                        false, false, List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                        List.of(new AliasLine(AliasKind.AMAZON_MSKU, "AMZ-TEE-" + i))), 0);
            }
            channels.connectAmazon(home, command("A1HOMESELLER01"));
            return channels.connectAmazon(apparel, command("A1APPARELSELL1")).id();
        });
        assertThat(superuser.sql("SELECT flow FROM channel_flow WHERE connection_id = :c").param("c", account)
                .query(String.class).list()).as("an Amazon connection has the flows it has work for")
                .containsExactlyInAnyOrder("ORDER_IMPORT", "FULFILLMENT_WRITEBACK", "INVENTORY_PUSH");
        List<String> placed = SystemActor.call("test", () -> {
            List<String> ids = sandbox.placeOrders(apparel, account, 6, 1);
            sandbox.inject(apparel, account, Fault.EXPIRE_TOKEN, 1);
            return ids;
        });
        assertThat(placed).hasSize(7);

        Run first = run(apparel, account);
        assertThat(first.outcome()).isEqualTo("OK");
        assertThat(first.in()).isEqualTo(7);
        assertThat(first.out()).isEqualTo(7);
        SystemActor.call("test", () -> {
            sandbox.inject(apparel, account, Fault.SERVER_ERROR, 1);
            return null;
        });
        Run second = run(apparel, account);
        assertThat(second.outcome()).isEqualTo("OK");
        assertThat(second.out()).as("the same versions are not kept twice").isZero();

        List<OrderSummary> orders = SystemActor.call("test", () -> sync.orders(apparel, 100));
        assertThat(orders).hasSize(6).allSatisfy(order -> assertThat(order.status()).isEqualTo(OrderStatus.RELEASED));
        assertThat(superuser.sql("SELECT count(*) FROM wms_outbox WHERE tenant_id = :t")
                .param("t", apparel.value()).query(Long.class).single()).isEqualTo(6);
        assertThat(superuser.sql("""
                SELECT note FROM channel_inbox WHERE tenant_id = :t AND outcome = 'IGNORED'""")
                .param("t", apparel.value()).query(String.class).list())
                .singleElement().asString().contains("Fulfilled by Amazon");
        assertThat(superuser.sql("""
                SELECT count(*) FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id
                WHERE o.tenant_id = :t AND l.master_sku NOT LIKE 'TEE-%'""")
                .param("t", apparel.value()).query(Long.class).single()).as("seller SKUs resolve to master SKUs")
                .isZero();
        assertThat(SystemActor.call("test", () -> sync.openExceptions(apparel))).isEmpty();
        assertThat(SystemActor.call("test", () -> sync.orders(home, 100))).isEmpty();
        assertThat(superuser.sql("SELECT count(*) FROM wms_outbox WHERE tenant_id = :t")
                .param("t", home.value()).query(Long.class).single()).isZero();

        // a released order cancelled on Amazon: the next import reads it and the warehouse is asked to cancel
        SystemActor.call("test", () -> {
            sandbox.cancelOrder(apparel, account, placed.getFirst());
            return null;
        });
        Run third = run(apparel, account);
        assertThat(third.outcome()).isEqualTo("OK");
        assertThat(superuser.sql("""
                SELECT o.status FROM sales_order o WHERE o.tenant_id = :t AND o.channel_order_id = :id""")
                .param("t", apparel.value()).param("id", placed.getFirst()).query(String.class).single())
                .isEqualTo("CANCELED");
        assertThat(superuser.sql("SELECT count(*) FROM wms_outbox WHERE tenant_id = :t AND kind = 'CANCEL'")
                .param("t", apparel.value()).query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> SystemActor.call("test", () -> sandbox.placeOrders(home, account, 1, 0)))
                .as("another tenant's account is not found").isInstanceOf(RuntimeException.class);
    }

    @Test
    void anUnparseableOrderBecomesAnExceptionWithItsRawJson() {
        TenantId tenant = tenant("Broken", "BRK");
        UUID account = SystemActor.call("test", () -> channels.connectAmazon(tenant, command("A1BROKENSELL1")).id());
        superuser.sql("""
                INSERT INTO channel_inbox (tenant_id, id, connection_id, source, topic, dedup_key, payload, received_at)
                VALUES (:t, gen_random_uuid(), :c, 'POLL', 'amazon/orders', 'amazon:x', :payload, now())""")
                .param("t", tenant.value()).param("c", account)
                .param("payload", "{\"order\":{\"AmazonOrderId\":\"1\",\"LastUpdateDate\":\"soon\"},\"items\":[]}")
                .update();
        pipeline.processPending(tenant);
        assertThat(SystemActor.call("test", () -> sync.openExceptions(tenant))).singleElement().satisfies(exception -> {
            assertThat(exception.reasonCode()).isEqualTo("INVALID_VALUE");
            assertThat(exception.message()).contains("$.order.LastUpdateDate");
        });
        assertThat(superuser.sql("SELECT raw_payload FROM integration_exception WHERE tenant_id = :t")
                .param("t", tenant.value()).query(String.class).single()).contains("\"soon\"");
    }

    @Autowired OrderPipeline pipeline;

    @Test
    void connectingNamesEveryFieldToFix() {
        TenantId tenant = tenant("Fields", "FLD");
        assertThatThrownBy(() -> SystemActor.call("test", () -> channels.connectAmazon(tenant,
                new AmazonConnectionCommand(" ", "seller", List.of("x"), null, ChannelMode.LIVE, "client", "",
                        "token"))))
                .isInstanceOfSatisfying(ChannelValidationException.class, e -> assertThat(e.fieldErrors().keySet())
                        .containsExactlyInAnyOrder("name", "sellerId", "marketplaceIds", "region", "lwaClientId",
                                "lwaClientSecret", "refreshToken", "sqsQueueUrl", "awsAccessKeyId",
                                "awsSecretAccessKey"));
        SystemActor.call("test", () -> channels.connectAmazon(tenant, command("A1FIELDSSELL1")));
        assertThatThrownBy(() -> SystemActor.call("test", () -> channels.connectAmazon(tenant,
                command("A1FIELDSSELL1"))))
                .isInstanceOfSatisfying(ChannelValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("sellerId"));
        var europe = SystemActor.call("test", () -> channels.connectAmazon(tenant, new AmazonConnectionCommand(
                "Amazon DE", "A1FIELDSSELL1", List.of("A1PA6795UKMFR9"), AmazonRegion.EU, ChannelMode.SANDBOX, null,
                null, null)));
        assertThat(europe.shopDomain()).as("the same seller in another region").isEqualTo("A1FIELDSSELL1 (EU)");
        assertThat(superuser.sql("SELECT lwa_client_secret FROM amazon_connection WHERE tenant_id = :t AND region = 'NA'")
                .param("t", tenant.value()).query(byte[].class).single())
                .as("sealed, not stored as text").asString().doesNotStartWith("sandbox-");
    }

    private static AmazonConnectionCommand command(String seller) {
        return new AmazonConnectionCommand("Amazon US", seller, List.of("ATVPDKIKX0DER"), AmazonRegion.NA,
                ChannelMode.SANDBOX, null, null, null);
    }

    record Run(String outcome, int in, int out, int failed) {
    }

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
