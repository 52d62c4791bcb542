package com.crossdock.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ChannelValidationException;
import com.crossdock.portal.channel.WalmartConnectionCommand;
import com.crossdock.portal.channel.sandbox.WalmartSandboxService;
import com.crossdock.portal.channel.sandbox.WalmartSandboxStore.Fault;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.ShippedLine;
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
 * Walmart sandbox orders through the same pipeline as every channel's: the order import reads the portal's own
 * Walmart sandbox over HTTP (client-credentials token, getAllOrders with nextCursor) with a 429 and an expired token
 * on the way, acknowledges each order once, the sandbox warehouse ships them, the fulfillment write-back posts the
 * tracking numbers as shipping updates, the inventory push sets stock at the ship node (a bulk feed with a
 * processing error, then a single update), and a Walmart cancellation reaches the warehouse. Real HTTP, real
 * PostgreSQL, two tenants: the other sees nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WalmartConnectorIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, WalmartConnectorIT.class);
        registry.add("crossdock.sync.schedule-flows", () -> "false");
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired WalmartSandboxService sandbox;
    @Autowired SandboxWarehouse warehouse;
    @Autowired Flows flows;
    @Autowired SyncService sync;
    @Autowired OrderPipeline pipeline;

    final JdbcClient superuser = TestDatabases.superuser(WalmartConnectorIT.class);

    @Test
    void sandboxOrdersAreImportedShippedToldToWalmartAndTheOtherTenantSeesNothing() {
        TenantId apparel = tenant("Apparel", "APP");
        TenantId home = tenant("Home", "HOME");
        UUID seller = SystemActor.call("test", () -> {
            for (int i = 0; i < 12; i++) {
                catalog.save(apparel, null, new ItemCommand("TEE-" + i, "Tee " + i, ItemStatus.ACTIVE, false, false,
                        false, false, List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                        i == 11 ? List.of() : List.of(new AliasLine(AliasKind.WALMART_SKU, "WM-TEE-" + i))), 0);
            }
            channels.connectWalmart(home, command("20002000"));
            return channels.connectWalmart(apparel, command("10001000")).id();
        });
        assertThat(superuser.sql("SELECT flow FROM channel_flow WHERE connection_id = :c ORDER BY flow")
                .param("c", seller).query(String.class).list()).as("a Walmart connection has the flows it has work for")
                .containsExactlyInAnyOrder("ORDER_IMPORT", "FULFILLMENT_WRITEBACK", "INVENTORY_PUSH", "RETURNS_IMPORT",
                        "RETURNS_WRITEBACK");
        List<String> placed = SystemActor.call("test", () -> {
            List<String> ids = sandbox.placeOrders(apparel, seller, 5);
            sandbox.inject(apparel, seller, Fault.EXPIRE_TOKEN, 1);
            sandbox.inject(apparel, seller, Fault.THROTTLE, 1);
            return ids;
        });

        Run first = run(apparel, seller, Flow.ORDER_IMPORT);
        assertThat(first.outcome()).isEqualTo("OK");
        assertThat(first.in()).isEqualTo(5);
        assertThat(first.out()).isEqualTo(5);
        assertThat(SystemActor.call("test", () -> sync.orders(apparel, 100))).hasSize(5)
                .allSatisfy(order -> assertThat(order.status()).isEqualTo(OrderStatus.RELEASED));
        assertThat(superuser.sql("""
                SELECT count(*) FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id
                WHERE o.tenant_id = :t AND l.master_sku NOT LIKE 'TEE-%'""")
                .param("t", apparel.value()).query(Long.class).single()).as("Walmart SKUs resolve to master SKUs")
                .isZero();
        WalmartSandboxService.Summary afterImport = summary(apparel, seller);
        assertThat(afterImport.acknowledgements()).containsOnlyKeys(placed).allSatisfy((po, times) ->
                assertThat(times).isEqualTo(1));
        assertThat(afterImport.throttled()).isEqualTo(1);
        assertThat(afterImport.tokenExchanges()).as("one exchange, then one after the expired token").isEqualTo(2);

        Run second = run(apparel, seller, Flow.ORDER_IMPORT);
        assertThat(second.outcome()).isEqualTo("OK");
        assertThat(summary(apparel, seller).acknowledgements()).as("acknowledged orders are not acknowledged again")
                .allSatisfy((po, times) -> assertThat(times).isEqualTo(1));
        assertThat(SystemActor.call("test", () -> channels.testConnection(apparel, seller)))
                .satisfies(test -> {
                    assertThat(test.ok()).isTrue();
                    assertThat(test.message()).contains("Connected");
                });

        // the sandbox warehouse ships; the write-back tells Walmart each parcel with its tracking number
        var shipped = warehouse.shipReleased(apparel, 100);
        assertThat(shipped.orders()).isEqualTo(5);
        Run writeback = run(apparel, seller, Flow.FULFILLMENT_WRITEBACK);
        assertThat(writeback.outcome()).isEqualTo("OK");
        assertThat(writeback.out()).isEqualTo(shipped.cartons());
        List<String> tracking = superuser.sql("SELECT tracking_numbers FROM shipment WHERE tenant_id = :t")
                .param("t", apparel.value()).query(String.class).list();
        WalmartSandboxService.Summary told = summary(apparel, seller);
        assertThat(told.shippingUpdates()).hasSize(shipped.cartons());
        List<String> trackingTold = told.shippingUpdates().stream().flatMap(update -> update.lines().stream())
                .map(ShippedLine::trackingNumber).distinct().toList();
        assertThat(trackingTold).containsExactlyInAnyOrderElementsOf(tracking);
        assertThat(told.shippingUpdates()).allSatisfy(update -> assertThat(update.lines())
                .allSatisfy(line -> assertThat(line.carrier()).isEqualTo("UPS")));
        assertThat(told.shippingUpdates().stream().collect(java.util.stream.Collectors.groupingBy(
                update -> update.purchaseOrderId(), java.util.stream.Collectors.counting())))
                .as("a split shipment is a shipping update per parcel")
                .isEqualTo(superuser.sql("""
                        SELECT o.channel_order_id, count(*) FROM shipment s JOIN sales_order o ON o.id = s.order_id
                        WHERE s.tenant_id = :t GROUP BY o.channel_order_id""").param("t", apparel.value())
                        .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                        .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey,
                                java.util.Map.Entry::getValue)));
        assertThat(superuser.sql("""
                SELECT sum(l.quantity) FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id
                WHERE o.tenant_id = :t""").param("t", apparel.value()).query(Long.class).single())
                .as("every unit told to Walmart once").isEqualTo(told.shippingUpdates().stream()
                        .flatMap(update -> update.lines().stream()).mapToLong(ShippedLine::quantity).sum());
        assertThat(superuser.sql("SELECT count(*) FROM sales_order_event WHERE tenant_id = :t AND step = 'TRACKING_POSTED'")
                .param("t", apparel.value()).query(Long.class).single()).isEqualTo(shipped.cartons());
        assertThat(run(apparel, seller, Flow.FULFILLMENT_WRITEBACK).out()).as("posted once").isZero();

        // stock: twelve listings go as one bulk feed whose first SKU Walmart refuses; the next run pushes it alone
        warehouse.reportStock(apparel);
        SystemActor.call("test", () -> {
            sandbox.inject(apparel, seller, Fault.FEED_ERROR, 1);
            return null;
        });
        Run push = run(apparel, seller, Flow.INVENTORY_PUSH);
        assertThat(push.outcome()).isEqualTo("PARTIAL");
        assertThat(push.failed()).isEqualTo(1);
        assertThat(summary(apparel, seller).feeds()).isEqualTo(1);
        assertThat(SystemActor.call("test", () -> sync.openExceptions(apparel)))
                .singleElement().satisfies(exception -> assertThat(exception.reasonCode()).isEqualTo("INVENTORY_REFUSED"));
        Run again = run(apparel, seller, Flow.INVENTORY_PUSH);
        assertThat(again.outcome()).isEqualTo("OK");
        assertThat(again.out()).isEqualTo(1);
        var inventory = summary(apparel, seller).inventory();
        assertThat(inventory).hasSize(12).containsKeys("WM-TEE-0", "TEE-11");
        assertThat(inventory.values()).allSatisfy(nodes -> assertThat(nodes).containsOnlyKeys("10001"));
        assertThat(superuser.sql("""
                SELECT available FROM inventory_position WHERE tenant_id = :t AND master_sku = 'TEE-3'""")
                .param("t", apparel.value()).query(Integer.class).single())
                .isEqualTo(inventory.get("WM-TEE-3").get("10001"));
        assertThat(SystemActor.call("test", () -> sync.stock(apparel))).as("Stock lists the Walmart SKUs, in step")
                .hasSize(12).allSatisfy(row -> {
                    assertThat(row.channelSku()).isIn(inventory.keySet());
                    assertThat(row.drift()).isZero();
                });

        // Walmart cancels an order before it ships: the next import cancels it in the warehouse
        String cancelled = SystemActor.call("test", () -> sandbox.placeOrders(apparel, seller, 1).getFirst());
        run(apparel, seller, Flow.ORDER_IMPORT);
        SystemActor.call("test", () -> {
            sandbox.cancelOrder(apparel, seller, cancelled);
            return null;
        });
        assertThat(run(apparel, seller, Flow.ORDER_IMPORT).outcome()).isEqualTo("OK");
        assertThat(superuser.sql("SELECT status FROM sales_order WHERE tenant_id = :t AND channel_order_id = :id")
                .param("t", apparel.value()).param("id", cancelled).query(String.class).single()).isEqualTo("CANCELED");
        assertThat(superuser.sql("SELECT count(*) FROM wms_outbox WHERE tenant_id = :t AND kind = 'CANCEL'")
                .param("t", apparel.value()).query(Long.class).single()).isEqualTo(1);

        // the other tenant: nothing of it, and apparel's seller is not found from there
        assertThat(SystemActor.call("test", () -> sync.orders(home, 100))).isEmpty();
        assertThat(superuser.sql("SELECT count(*) FROM wms_outbox WHERE tenant_id = :t")
                .param("t", home.value()).query(Long.class).single()).isZero();
        assertThatThrownBy(() -> SystemActor.call("test", () -> sandbox.placeOrders(home, seller, 1)))
                .as("another tenant's seller is not found").isInstanceOf(RuntimeException.class);
        UUID homeSeller = superuser.sql("SELECT connection_id FROM walmart_connection WHERE tenant_id = :t")
                .param("t", home.value()).query(UUID.class).single();
        assertThat(summary(home, homeSeller).orders()).isZero();
    }

    @Test
    void anUnusableOrderBecomesAnExceptionWithItsRawJsonAndIsNotAcknowledged() {
        TenantId tenant = tenant("Broken", "BRK");
        UUID seller = SystemActor.call("test", () -> channels.connectWalmart(tenant, command("30003000")).id());
        superuser.sql("""
                INSERT INTO channel_inbox (tenant_id, id, connection_id, source, topic, dedup_key, payload, received_at)
                VALUES (:t, gen_random_uuid(), :c, 'POLL', 'walmart/orders', 'walmart:x', :payload, now())""")
                .param("t", tenant.value()).param("c", seller)
                .param("payload", "{\"purchaseOrderId\":\"1\",\"orderDate\":\"soon\"}").update();
        pipeline.processPending(tenant);
        assertThat(SystemActor.call("test", () -> sync.openExceptions(tenant))).singleElement().satisfies(exception -> {
            assertThat(exception.reasonCode()).isEqualTo("WRONG_TYPE");
            assertThat(exception.message()).contains("$.orderDate");
        });
        assertThat(superuser.sql("SELECT raw_payload FROM integration_exception WHERE tenant_id = :t")
                .param("t", tenant.value()).query(String.class).single()).contains("\"soon\"");
    }

    @Test
    void connectingNamesEveryFieldToFixAndSealsTheKeys() {
        TenantId tenant = tenant("Fields", "FLD");
        assertThatThrownBy(() -> SystemActor.call("test", () -> channels.connectWalmart(tenant,
                new WalmartConnectionCommand(" ", "seller", List.of("node x"), ChannelMode.LIVE, "", null))))
                .isInstanceOfSatisfying(ChannelValidationException.class, e -> assertThat(e.fieldErrors().keySet())
                        .containsExactlyInAnyOrder("name", "sellerId", "shipNodes", "clientId", "clientSecret"));
        var connected = SystemActor.call("test", () -> channels.connectWalmart(tenant, new WalmartConnectionCommand(
                "Walmart US", "40004000", List.of("10001, 10002"), ChannelMode.LIVE, "my-client-id-1234",
                "my-client-secret")));
        assertThat(connected.channel()).isEqualTo("WALMART");
        assertThat(connected.shopDomain()).isEqualTo("40004000");
        assertThat(connected.tokenHint()).doesNotContain("client-id-1");
        assertThatThrownBy(() -> SystemActor.call("test", () -> channels.connectWalmart(tenant, command("40004000"))))
                .isInstanceOfSatisfying(ChannelValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("sellerId"));
        assertThat(superuser.sql("SELECT ship_nodes FROM walmart_connection WHERE tenant_id = :t")
                .param("t", tenant.value()).query(String.class).single()).isEqualTo("10001,10002");
        assertThat(superuser.sql("SELECT client_secret FROM walmart_connection WHERE tenant_id = :t")
                .param("t", tenant.value()).query(byte[].class).single())
                .as("sealed, not stored as text").asString().doesNotContain("my-client-secret");
        assertThatThrownBy(() -> SystemActor.call("test", () -> sandbox.placeOrders(tenant, connected.id(), 1)))
                .as("a live connection has no sandbox").hasMessageContaining("live connection");
    }

    private static WalmartConnectionCommand command(String seller) {
        return new WalmartConnectionCommand("Walmart US", seller, List.of("10001"), ChannelMode.SANDBOX, null, null);
    }

    private WalmartSandboxService.Summary summary(TenantId tenant, UUID seller) {
        return SystemActor.call("test", () -> sandbox.summary(tenant, seller));
    }

    record Run(String outcome, int in, int out, int failed) {
    }

    private Run run(TenantId tenant, UUID connection, Flow flow) {
        UUID id = flows.run(tenant, connection, flow, new Flows.Firing(java.time.Instant.now(), "test", false))
                .orElseThrow();
        return superuser.sql("SELECT outcome, records_in, records_out, records_failed FROM flow_run WHERE id = :id")
                .param("id", id).query((rs, n) -> new Run(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .single();
    }

    private TenantId tenant(String name, String code) {
        return SystemActor.call("test", () -> tenants.create(
                new TenantCommand(name, code, TenantStatus.ACTIVE, null, null)).id());
    }
}
