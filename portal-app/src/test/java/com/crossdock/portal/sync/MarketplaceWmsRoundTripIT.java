package com.crossdock.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.AmazonConnectionCommand;
import com.crossdock.portal.channel.AmazonRegion;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.WalmartConnectionCommand;
import com.crossdock.portal.channel.sandbox.AmazonSandboxService;
import com.crossdock.portal.channel.sandbox.AmazonSandboxStore.ConfirmedPackage;
import com.crossdock.portal.channel.sandbox.WalmartSandboxService;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.ShippedLine;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.portal.warehouse.WmsExchange;
import com.crossdock.portal.warehouse.WmsService;
import com.crossdock.portal.warehouse.X12DocumentView;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A marketplace's orders through the 3PL's WMS side, all real: Walmart and Amazon sandbox orders are imported (Walmart's
 * acknowledged), go to the sandbox warehouse as 940s over SFTP, come back as 945s with cartons and tracking, and the
 * fulfillment write-back tells the marketplace each parcel's tracking number (Walmart's shipping updates, Amazon's
 * {@code confirmShipment}). One brand sells on both at the same warehouse; a second brand there sees none of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketplaceWmsRoundTripIT {

    static final Path SANDBOX_ROOT = Path.of("target", "wms-sandbox-" + UUID.randomUUID()).toAbsolutePath();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, MarketplaceWmsRoundTripIT.class);
        registry.add("crossdock.sync.schedule-flows", () -> "false");
        registry.add("crossdock.wms-sandbox.root", SANDBOX_ROOT::toString);
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired WalmartSandboxService walmart;
    @Autowired AmazonSandboxService amazon;
    @Autowired WmsService wms;
    @Autowired WmsExchange exchange;
    @Autowired Flows flows;
    @Autowired SyncService sync;

    final JdbcClient superuser = TestDatabases.superuser(MarketplaceWmsRoundTripIT.class);
    TenantId apparel;
    TenantId home;
    UUID warehouse;

    @BeforeAll
    void twoBrandsAtOneSandboxWarehouseOneSellingOnWalmartAndAmazon() {
        asSystem(() -> {
            apparel = tenant("Apparel", "APP");
            home = tenant("Home", "HOME");
            for (int i = 0; i < 3; i++) {
                catalog.save(apparel, null, new ItemCommand("TEE-" + i, "Tee " + i, ItemStatus.ACTIVE, false, false,
                        false, false, List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                        List.of(new AliasLine(AliasKind.WALMART_SKU, "WM-TEE-" + i),
                                new AliasLine(AliasKind.AMAZON_MSKU, "AMZ-TEE-" + i))), 0);
            }
            warehouse = wms.connectSandbox("Marketplace DC").id();
            wms.assignAccount(apparel, warehouse, "APPAREL");
            wms.assignAccount(home, warehouse, "HOME");
            return null;
        });
    }

    @Test
    void walmartOrdersGoOutAs940sComeBackAs945sAndWalmartIsToldEachParcelsTracking() {
        UUID seller = asSystem(() -> channels.connectWalmart(apparel, new WalmartConnectionCommand(
                "Walmart US", "10001000", List.of("10001"), ChannelMode.SANDBOX, null, null)).id());
        List<String> placed = asSystem(() -> walmart.placeOrders(apparel, seller, 3));

        List<String> tracking = throughTheWarehouse(seller, 3);

        WalmartSandboxService.Summary told = asSystem(() -> walmart.summary(apparel, seller));
        assertThat(told.shippingUpdates()).extracting(update -> update.purchaseOrderId())
                .containsOnlyElementsOf(placed);
        assertThat(told.shippingUpdates().stream().flatMap(update -> update.lines().stream())
                .map(ShippedLine::trackingNumber).distinct()).as("the warehouse's 945 tracking numbers, told once")
                .containsExactlyInAnyOrderElementsOf(tracking);
        assertTheOtherBrandSawNothing();
    }

    @Test
    void amazonMerchantFulfilledOrdersGoOutAs940sComeBackAs945sAndAmazonIsToldEachParcelsTracking() {
        UUID seller = asSystem(() -> channels.connectAmazon(apparel, new AmazonConnectionCommand("Amazon US",
                "A1APPARELSELL1", List.of("ATVPDKIKX0DER"), AmazonRegion.NA, ChannelMode.SANDBOX, null, null,
                null)).id());
        // three merchant-fulfilled orders and one Amazon fulfils itself, which never reaches the warehouse
        List<String> placed = asSystem(() -> amazon.placeOrders(apparel, seller, 3, 1));

        List<String> tracking = throughTheWarehouse(seller, 3);

        List<ConfirmedPackage> confirmed = asSystem(() -> amazon.confirmedPackages(apparel, seller));
        assertThat(confirmed).extracting(ConfirmedPackage::amazonOrderId).containsOnlyElementsOf(placed.subList(0, 3));
        assertThat(confirmed).extracting(ConfirmedPackage::trackingNumber).as("one package per parcel, its tracking")
                .containsExactlyInAnyOrderElementsOf(tracking);
        assertThat(confirmed).allSatisfy(parcel -> assertThat(parcel.items()).isNotEmpty());
        for (String order : placed.subList(0, 3)) {
            assertThat(asSystem(() -> amazon.orderStatus(apparel, seller, order))).contains("Shipped");
        }
        assertTheOtherBrandSawNothing();
    }

    /**
     * Imports the connection's orders, lets the sandbox warehouse answer their 940s with 997s and 945s, writes the
     * shipments back to the marketplace, and answers the tracking numbers of the connection's parcels.
     */
    private List<String> throughTheWarehouse(UUID connection, int orders) {
        run(apparel, connection, Flow.ORDER_IMPORT);
        List<String> names = superuser.sql("""
                SELECT order_name FROM sales_order WHERE tenant_id = :t AND connection_id = :c AND status = 'RELEASED'""")
                .param("t", apparel.value()).param("c", connection).query(String.class).list();
        assertThat(names).hasSize(orders);

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            exchange.exchange(warehouse);
            return superuser.sql("""
                    SELECT count(DISTINCT s.order_id) FROM shipment s JOIN sales_order o ON o.id = s.order_id
                    WHERE s.tenant_id = :t AND o.connection_id = :c""")
                    .param("t", apparel.value()).param("c", connection).query(Long.class).single() == orders;
        });
        List<X12DocumentView> documents = asSystem(() -> wms.documents(apparel, 100));
        assertThat(documents).filteredOn(document -> document.transactionSet().equals("940")
                        && names.contains(document.orderName())).hasSize(orders)
                .allSatisfy(document -> assertThat(document.direction()).isEqualTo("OUTBOUND"));
        assertThat(documents).filteredOn(document -> document.transactionSet().equals("945")).isNotEmpty()
                .allSatisfy(document -> assertThat(document.status()).isEqualTo("APPLIED"));

        run(apparel, connection, Flow.FULFILLMENT_WRITEBACK);
        return superuser.sql("""
                SELECT s.tracking_numbers FROM shipment s JOIN sales_order o ON o.id = s.order_id
                WHERE s.tenant_id = :t AND o.connection_id = :c""").param("t", apparel.value()).param("c", connection)
                .query(String.class).list().stream()
                .flatMap(numbers -> Arrays.stream(numbers.replaceAll("[\\[\\]{}\" ]", "").split(",")))
                .filter(number -> !number.isBlank()).toList();
    }

    private void assertTheOtherBrandSawNothing() {
        assertThat(asSystem(() -> sync.orders(home, 10))).isEmpty();
        assertThat(asSystem(() -> wms.documents(home, 10))).isEmpty();
    }

    private void run(TenantId tenant, UUID connection, Flow flow) {
        UUID id = flows.run(tenant, connection, flow, new Flows.Firing(Instant.now(), "test", false)).orElseThrow();
        assertThat(superuser.sql("SELECT outcome FROM flow_run WHERE id = :id").param("id", id).query(String.class)
                .single()).as(flow.label()).isEqualTo("OK");
    }

    private TenantId tenant(String name, String code) {
        return tenants.create(new TenantCommand(name, code, TenantStatus.ACTIVE, null, null)).id();
    }

    private static <T> T asSystem(Supplier<T> action) {
        return SystemActor.call("test", action::get);
    }
}
