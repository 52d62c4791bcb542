package com.crossdock.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.WalmartConnectionCommand;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A marketplace's orders through the 3PL's WMS side, all real: Walmart sandbox orders are imported and acknowledged,
 * go to the sandbox warehouse as 940s over SFTP, come back as 945s with cartons and tracking, and the fulfillment
 * write-back tells Walmart each parcel's tracking number. A second brand at the same warehouse sees none of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
    @Autowired WmsService wms;
    @Autowired WmsExchange exchange;
    @Autowired Flows flows;
    @Autowired SyncService sync;

    final JdbcClient superuser = TestDatabases.superuser(MarketplaceWmsRoundTripIT.class);

    @Test
    void walmartOrdersGoOutAs940sComeBackAs945sAndWalmartIsToldEachParcelsTracking() {
        TenantId apparel = tenant("Apparel", "APP");
        TenantId home = tenant("Home", "HOME");
        UUID warehouse = SystemActor.call("test", () -> {
            for (int i = 0; i < 3; i++) {
                catalog.save(apparel, null, new ItemCommand("TEE-" + i, "Tee " + i, ItemStatus.ACTIVE, false, false,
                        false, false, List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                        List.of(new AliasLine(AliasKind.WALMART_SKU, "WM-TEE-" + i))), 0);
            }
            UUID dc = wms.connectSandbox("Marketplace DC").id();
            wms.assignAccount(apparel, dc, "APPAREL");
            wms.assignAccount(home, dc, "HOME");
            return dc;
        });
        UUID seller = SystemActor.call("test", () -> channels.connectWalmart(apparel, new WalmartConnectionCommand(
                "Walmart US", "10001000", List.of("10001"), ChannelMode.SANDBOX, null, null)).id());
        List<String> placed = SystemActor.call("test", () -> walmart.placeOrders(apparel, seller, 3));

        run(apparel, seller, Flow.ORDER_IMPORT);
        assertThat(SystemActor.call("test", () -> sync.orders(apparel, 10))).hasSize(3)
                .allSatisfy(order -> assertThat(order.status()).isEqualTo(OrderStatus.RELEASED));

        // the sandbox warehouse answers the 940s with 997s and 945s on the following exchanges
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            exchange.exchange(warehouse);
            return superuser.sql("SELECT count(DISTINCT order_id) FROM shipment WHERE tenant_id = :t")
                    .param("t", apparel.value()).query(Long.class).single() == 3;
        });
        List<X12DocumentView> documents = SystemActor.call("test", () -> wms.documents(apparel, 100));
        assertThat(documents).filteredOn(document -> document.transactionSet().equals("940")).hasSize(3)
                .allSatisfy(document -> assertThat(document.direction()).isEqualTo("OUTBOUND"));
        assertThat(documents).filteredOn(document -> document.transactionSet().equals("945")).isNotEmpty()
                .allSatisfy(document -> assertThat(document.status()).isEqualTo("APPLIED"));

        run(apparel, seller, Flow.FULFILLMENT_WRITEBACK);
        List<String> tracking = superuser.sql("SELECT tracking_numbers FROM shipment WHERE tenant_id = :t")
                .param("t", apparel.value()).query(String.class).list().stream()
                .flatMap(numbers -> Arrays.stream(numbers.replaceAll("[\\[\\]{}\" ]", "").split(",")))
                .filter(number -> !number.isBlank()).toList();
        WalmartSandboxService.Summary told = SystemActor.call("test", () -> walmart.summary(apparel, seller));
        assertThat(told.shippingUpdates()).extracting(update -> update.purchaseOrderId())
                .containsOnlyElementsOf(placed);
        assertThat(told.shippingUpdates().stream().flatMap(update -> update.lines().stream())
                .map(ShippedLine::trackingNumber).distinct()).as("the warehouse's 945 tracking numbers, told once")
                .containsExactlyInAnyOrderElementsOf(tracking);

        assertThat(SystemActor.call("test", () -> sync.orders(home, 10))).isEmpty();
        assertThat(SystemActor.call("test", () -> wms.documents(home, 10))).isEmpty();
    }

    private void run(TenantId tenant, UUID connection, Flow flow) {
        UUID id = flows.run(tenant, connection, flow, new Flows.Firing(Instant.now(), "test", false)).orElseThrow();
        assertThat(superuser.sql("SELECT outcome FROM flow_run WHERE id = :id").param("id", id).query(String.class)
                .single()).as(flow.label()).isEqualTo("OK");
    }

    private TenantId tenant(String name, String code) {
        return SystemActor.call("test", () -> tenants.create(
                new TenantCommand(name, code, TenantStatus.ACTIVE, null, null)).id());
    }
}
