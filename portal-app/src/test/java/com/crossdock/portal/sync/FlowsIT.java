package com.crossdock.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.channel.sandbox.FaultPlan;
import com.crossdock.portal.channel.sandbox.OrderGeneration;
import com.crossdock.portal.channel.sandbox.ShopifySandboxService;
import com.crossdock.portal.channel.sandbox.StoreSummary;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.BundleDefinition;
import com.crossdock.tenantconfig.catalog.BundleKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The flows after an order is released, end to end against the portal's Shopify sandbox over real HTTP and a real
 * PostgreSQL: the sandbox warehouse ships the released orders (two cartons when an order has two SKUs), the
 * fulfillment write-back posts each carton once as a fulfillment with its tracking number (also after an answer
 * that never came), the inventory push sets what each listing (bundles too) can sell, and cancellations, refunds and
 * returns land on their orders. Flows are switched, scheduled and started through the people's service. Two
 * tenants: the other one's store and orders stay untouched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlowsIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, FlowsIT.class);
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired ShopifySandboxService sandbox;
    @Autowired SandboxWarehouse sandboxWarehouse;
    @Autowired WarehouseFeedback warehouse;
    @Autowired Flows flows;
    @Autowired FlowService flowService;
    @Autowired SyncService sync;

    final JdbcClient superuser = TestDatabases.superuser(FlowsIT.class);
    TenantId apparel;
    TenantId home;
    UUID apparelStore;
    UUID homeStore;

    @BeforeAll
    void twoTenantsWithCatalogsAndSandboxStores() {
        asSystem(() -> {
            apparel = tenants.create(new TenantCommand("Apparel", "APP", TenantStatus.ACTIVE, null, null)).id();
            home = tenants.create(new TenantCommand("Home", "HOME", TenantStatus.ACTIVE, null, null)).id();
            for (int i = 0; i < 4; i++) {
                item(apparel, "TEE-" + i, new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, "SHOP-TEE-" + i));
            }
            catalog.saveBundle(apparel, null, new BundleDefinition(Sku.of("TEE-DUO"), BundleKind.VIRTUAL,
                    List.of(new BundleDefinition.Component(Sku.of("TEE-0"), 1),
                            new BundleDefinition.Component(Sku.of("TEE-1"), 2))), 0);
            item(home, "MUG");
            apparelStore = connect(apparel, "apparel-flows");
            homeStore = connect(home, "home-flows");
            return null;
        });
    }

    @Test
    @Order(1)
    void everyCartonBecomesOneFulfillmentWithItsTrackingNumberEvenAfterAnAnswerThatNeverCame() {
        asSystem(() -> sandbox.generateOrders(apparel, apparelStore, OrderGeneration.of(8).withMultiLine(75, 2, 3)
                .withBundles(25).withSeed(21)));
        await().atMost(Duration.ofSeconds(30)).until(() -> released(apparel) == 8);
        assertThat(superuser.sql("""
                SELECT count(DISTINCT order_id) FROM sales_order_line WHERE tenant_id = :t AND from_bundle = 'TEE-DUO'""")
                .param("t", apparel.value()).query(Long.class).single()).as("some orders hold the bundle").isPositive();

        SandboxWarehouse.Shipped shipped = sandboxWarehouse.shipReleased(apparel, 100);
        assertThat(shipped.orders()).isEqualTo(8);
        assertThat(shipped.cartons()).as("orders of two or more SKUs go in two cartons").isGreaterThan(8);
        assertThat(sandboxWarehouse.shipReleased(apparel, 100).orders()).as("shipping is done once").isZero();

        // the first fulfillment call gets a 500: Shopify may or may not have it, so the shipment stays "posting"
        asSystem(() -> sandbox.fault(apparel, apparelStore, FaultPlan.none().withServerErrors(1)));
        Map<String, Long> firstRun = run(apparel, apparelStore, Flow.FULFILLMENT_WRITEBACK);
        Map<String, Long> secondRun = run(apparel, apparelStore, Flow.FULFILLMENT_WRITEBACK);

        assertThat(firstRun.get("in")).isEqualTo(shipped.cartons());
        assertThat(firstRun.get("out") + secondRun.get("out")).isEqualTo(shipped.cartons());
        assertThat(superuser.sql("""
                SELECT count(*) FROM shipment WHERE tenant_id = :t AND writeback_status = 'POSTED'""")
                .param("t", apparel.value()).query(Long.class).single()).isEqualTo(shipped.cartons());
        // a carton with part of a bundle has nothing to post alone: its number goes with the carton completing it
        long withFulfillment = superuser.sql("""
                SELECT count(*) FROM shipment WHERE tenant_id = :t AND channel_fulfillment_id <> ''""")
                .param("t", apparel.value()).query(Long.class).single();
        StoreSummary store = asSystem(() -> sandbox.storeSummary(apparel, apparelStore));
        assertThat(store.fulfillments()).as("each carton posted once").hasSize((int) withFulfillment);
        List<String> tracking = superuser.sql("SELECT tracking_numbers FROM shipment WHERE tenant_id = :t")
                .param("t", apparel.value()).query(String.class).list();
        assertThat(store.fulfillments()).flatExtracting(StoreSummary.Fulfillment::trackingNumbers)
                .containsExactlyInAnyOrderElementsOf(tracking);
        assertThat(store.orders()).allSatisfy(order -> assertThat(order.lines()).allSatisfy(line ->
                assertThat(line.remaining()).as("every unit of %s fulfilled", order.name()).isZero()));
        assertThat(asSystem(() -> sync.orders(apparel, 100))).hasSize(8)
                .allSatisfy(order -> assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED));
        assertThat(superuser.sql("""
                SELECT count(*) FROM sales_order_event WHERE tenant_id = :t AND step = 'TRACKING_POSTED'""")
                .param("t", apparel.value()).query(Long.class).single()).isEqualTo(withFulfillment);

        // as if the portal died between Shopify's answer and writing it down: the next run finds it, posts nothing
        superuser.sql("""
                UPDATE shipment SET writeback_status = 'POSTING' WHERE id = (SELECT id FROM shipment
                WHERE tenant_id = :t AND channel_fulfillment_id <> '' ORDER BY received_at LIMIT 1)""")
                .param("t", apparel.value()).update();
        assertThat(run(apparel, apparelStore, Flow.FULFILLMENT_WRITEBACK)).containsEntry("in", 1L)
                .containsEntry("out", 1L);
        assertThat(asSystem(() -> sandbox.storeSummary(apparel, apparelStore)).fulfillments())
                .hasSize((int) withFulfillment);
        assertThat(run(apparel, apparelStore, Flow.FULFILLMENT_WRITEBACK).get("in")).as("nothing left to post")
                .isZero();
        assertThat(asSystem(() -> sandbox.storeSummary(home, homeStore)).fulfillments()).isEmpty();
        assertThat(asSystem(() -> sync.orders(home, 100))).isEmpty();
    }

    @Test
    @Order(2)
    void theStoreCanSellWhatTheWarehouseHasAndABundleAsManyAsItsScarcestComponentAllows() {
        int reported = sandboxWarehouse.reportStock(apparel);
        assertThat(reported).isEqualTo(4);
        Map<String, Integer> available = superuser.sql("""
                SELECT master_sku, available FROM inventory_position WHERE tenant_id = :t""")
                .param("t", apparel.value()).query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list()
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        Map<String, Long> first = run(apparel, apparelStore, Flow.INVENTORY_PUSH);

        Map<String, Integer> inStore = asSystem(() -> sandbox.storeSummary(apparel, apparelStore)).availableBySku();
        for (int i = 0; i < 4; i++) {
            assertThat(inStore.get("SHOP-TEE-" + i)).as("SHOP-TEE-" + i).isEqualTo(available.get("TEE-" + i));
        }
        assertThat(inStore.get("TEE-DUO")).as("a bundle of 1 × TEE-0 and 2 × TEE-1")
                .isEqualTo(Math.min(available.get("TEE-0"), available.get("TEE-1") / 2));
        assertThat(first.get("out")).isEqualTo(5);
        assertThat(run(apparel, apparelStore, Flow.INVENTORY_PUSH).get("out")).as("only changes are pushed").isZero();

        assertThat(asSystem(() -> sync.stock(apparel))).as("the store was told what it can sell").hasSize(5)
                .allSatisfy(row -> assertThat(row.drift()).as(row.channelSku()).isZero());
        Instant changedAt = Instant.now();
        warehouse.recordInventory(apparel, List.of(new InventoryPosition("TEE-2", 50, 41)), "TEST", changedAt);
        assertThat(warehouse.recordInventory(apparel, List.of(new InventoryPosition("TEE-2", 9, 9)), "TEST",
                changedAt.minusSeconds(60))).as("an older report never overwrites a newer one").isZero();
        assertThat(asSystem(() -> sync.stock(apparel))).as("until the next push, the store is out of step")
                .filteredOn(row -> row.drift() != 0).extracting(StockRow::channelSku).containsExactly("SHOP-TEE-2");
        assertThat(asSystem(() -> sync.stock(home))).isEmpty();
        Map<String, Long> afterChange = run(apparel, apparelStore, Flow.INVENTORY_PUSH);

        assertThat(afterChange.get("out")).isEqualTo(1);
        assertThat(asSystem(() -> sandbox.storeSummary(apparel, apparelStore)).availableBySku().get("SHOP-TEE-2"))
                .isEqualTo(41);
        assertThat(asSystem(() -> sandbox.storeSummary(home, homeStore)).availableBySku().values())
                .as("the other tenant's store got nothing").doesNotContain(41);
    }

    @Test
    @Order(3)
    void aReleasedOrderCancelledInTheStoreIsCancelledInTheWarehouseAndRefundsAndReturnsLandOnTheirOrders() {
        var generated = asSystem(() -> sandbox.generateOrders(apparel, apparelStore, OrderGeneration.of(2)
                .withSeed(33)));
        await().atMost(Duration.ofSeconds(30)).until(() -> released(apparel) >= 2);
        List<String> names = superuser.sql("""
                SELECT order_name FROM sales_order WHERE tenant_id = :t AND status = 'RELEASED' ORDER BY order_name""")
                .param("t", apparel.value()).query(String.class).list();
        assertThat(generated).isNotNull();
        String cancelled = names.getFirst();
        String refunded = names.get(1);

        asSystem(() -> sandbox.cancel(apparel, apparelStore, cancelled));
        asSystem(() -> sandbox.refund(apparel, apparelStore, refunded, true));

        await().atMost(Duration.ofSeconds(30)).until(() -> steps(cancelled).contains("CANCEL_REQUESTED")
                && steps(refunded).contains("REFUNDED"));
        assertThat(superuser.sql("""
                SELECT count(*) FROM wms_outbox w JOIN sales_order o ON o.id = w.order_id
                WHERE o.tenant_id = :t AND o.order_name = :name AND w.kind = 'CANCEL'""")
                .param("t", apparel.value()).param("name", cancelled).query(Long.class).single()).isEqualTo(1);
        assertThat(superuser.sql("""
                SELECT status FROM sales_order WHERE tenant_id = :t AND order_name = :name""")
                .param("t", apparel.value()).param("name", cancelled).query(String.class).single())
                .isEqualTo("CANCELED");
        assertThat(superuser.sql("""
                SELECT count(*) FROM channel_return r JOIN sales_order o ON o.id = r.order_id
                WHERE r.tenant_id = :t AND o.order_name = :name AND r.kind = 'REFUND' AND r.restock""")
                .param("t", apparel.value()).param("name", refunded).query(Long.class).single()).isEqualTo(1);
        assertThat(superuser.sql("SELECT count(*) FROM channel_return WHERE tenant_id = :t")
                .param("t", home.value()).query(Long.class).single()).isZero();
    }

    @Test
    @Order(4)
    void peopleSwitchScheduleAndStartFlowsAndTheQuartzJobFollows() {
        var flowsOfApparel = asSystem(() -> flowService.connections(apparel));
        assertThat(flowsOfApparel).singleElement().satisfies(connection -> assertThat(connection.flows())
                .extracting(FlowService.FlowView::flow).containsExactly(Flow.values()));

        asSystem(() -> {
            flowService.setEnabled(apparel, apparelStore, Flow.CANCELLATIONS, false);
            return null;
        });
        assertThat(flows.enabled(apparel, apparelStore, Flow.CANCELLATIONS)).isFalse();
        assertThatThrownBy(() -> asSystem(() -> {
            flowService.runNow(apparel, apparelStore, Flow.CANCELLATIONS);
            return null;
        })).hasMessageContaining("is off");
        assertThatThrownBy(() -> asSystem(() -> {
            flowService.setInterval(apparel, apparelStore, Flow.ORDER_IMPORT, Duration.ofSeconds(10));
            return null;
        })).hasMessageContaining("between 1 and 1440 minutes");
        asSystem(() -> {
            flowService.setInterval(apparel, apparelStore, Flow.ORDER_IMPORT, Duration.ofMinutes(7));
            flowService.setEnabled(apparel, apparelStore, Flow.CANCELLATIONS, true);
            return null;
        });
        assertThat(flows.settings(apparel, apparelStore)).contains(new Flows.Setting(Flow.ORDER_IMPORT, true,
                Duration.ofMinutes(7)));

        long before = runs(apparel, Flow.ORDER_IMPORT);
        asSystem(() -> {
            flowService.runNow(apparel, apparelStore, Flow.ORDER_IMPORT);
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> superuser.sql("""
                SELECT count(*) FROM flow_run WHERE tenant_id = :t AND flow = 'ORDER_IMPORT' AND outcome <> 'RUNNING'""")
                .param("t", apparel.value()).query(Long.class).single() > before);
        var lastRun = asSystem(() -> flowService.connections(apparel)).getFirst().flows().stream()
                .filter(flow -> flow.flow() == Flow.ORDER_IMPORT).findFirst().orElseThrow().lastRun();
        assertThat(lastRun).isNotNull();
        assertThat(lastRun.outcome()).isIn("OK", "RUNNING");
        assertThat(asSystem(() -> flowService.connections(home))).singleElement()
                .satisfies(connection -> assertThat(connection.connectionId()).isEqualTo(homeStore));
    }

    @Test
    @Order(5)
    void oneFiringRunsOnceAndARunThePortalDiedInIsClosedWhenQuartzRecoversIt() {
        Instant firing = Instant.parse("2026-11-27T12:00:00Z");
        var first = flows.run(apparel, apparelStore, Flow.INVENTORY_PUSH, new Flows.Firing(firing, "a", false));
        var again = flows.run(apparel, apparelStore, Flow.INVENTORY_PUSH, new Flows.Firing(firing, "b", false));
        assertThat(first).isPresent();
        assertThat(again).as("the same firing on a second instance").isEmpty();

        Instant died = Instant.parse("2026-11-27T12:05:00Z");
        superuser.sql("""
                INSERT INTO flow_run (tenant_id, id, connection_id, flow, started_at, records_in, records_out,
                                      records_failed, outcome, scheduled_for, instance)
                VALUES (:t, gen_random_uuid(), :c, 'INVENTORY_PUSH', :at, 0, 0, 0, 'RUNNING', :at, 'dead')""")
                .param("t", apparel.value()).param("c", apparelStore).param("at", java.sql.Timestamp.from(died))
                .update();
        var recovered = flows.run(apparel, apparelStore, Flow.INVENTORY_PUSH, new Flows.Firing(died, "c", true));

        assertThat(recovered).isPresent();
        assertThat(superuser.sql("""
                SELECT outcome FROM flow_run WHERE tenant_id = :t AND instance = 'dead'""")
                .param("t", apparel.value()).query(String.class).single()).isEqualTo("FAILED");
    }

    private Map<String, Long> run(TenantId tenant, UUID connection, Flow flow) {
        UUID id = flows.run(tenant, connection, flow, new Flows.Firing(Instant.now(), "test", false)).orElseThrow();
        return superuser.sql("SELECT records_in, records_out, records_failed, outcome FROM flow_run WHERE id = :id")
                .param("id", id).query((rs, n) -> Map.of("in", rs.getLong(1), "out", rs.getLong(2),
                        "failed", rs.getLong(3), "ok", "OK".equals(rs.getString(4)) ? 1L : 0L)).single();
    }

    private long released(TenantId tenant) {
        return superuser.sql("SELECT count(*) FROM sales_order WHERE tenant_id = :t AND status = 'RELEASED'")
                .param("t", tenant.value()).query(Long.class).single();
    }

    private long runs(TenantId tenant, Flow flow) {
        return superuser.sql("SELECT count(*) FROM flow_run WHERE tenant_id = :t AND flow = :f AND outcome <> 'RUNNING'")
                .param("t", tenant.value()).param("f", flow.name()).query(Long.class).single();
    }

    private List<String> steps(String orderName) {
        return superuser.sql("""
                SELECT e.step FROM sales_order_event e JOIN sales_order o ON o.id = e.order_id
                WHERE o.tenant_id = :t AND o.order_name = :name ORDER BY e.seq""")
                .param("t", apparel.value()).param("name", orderName).query(String.class).list();
    }

    private void item(TenantId tenant, String sku, AliasLine... aliases) {
        catalog.save(tenant, null, new ItemCommand(sku, sku, ItemStatus.ACTIVE, false, false, false, false,
                List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)), List.of(aliases)), 0);
    }

    private UUID connect(TenantId tenant, String shop) {
        return channels.connectShopify(tenant, new ShopifyConnectionCommand(shop, shop + ".myshopify.com",
                "2026-07", ChannelMode.SANDBOX, "shpat_" + shop.replace('-', '_') + "_0123456789", "whsec-" + shop))
                .id();
    }

    private static <T> T asSystem(Supplier<T> work) {
        return SystemActor.call("test", work);
    }
}
