package com.crossdock.portal.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.order.Address;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.sync.ManualOrderCommand;
import com.crossdock.portal.sync.OrderState;
import com.crossdock.portal.sync.OrderStatus;
import com.crossdock.portal.sync.SyncService;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.portal.warehouse.WmsExchange;
import com.crossdock.portal.warehouse.WmsService;
import com.crossdock.portal.warehouse.X12DocumentView;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Ship-method mappings of two brands at one sandbox warehouse: a mapped method reaches the 940's W66 as the
 * warehouse's service and carrier; an unmapped one is held only when the brand requires mapped methods; the other
 * brand's orders, with the same method name, know nothing of the first brand's mapping.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShipMethodMappingIT {

    static final Path SANDBOX_ROOT = Path.of("target", "wms-sandbox-" + UUID.randomUUID()).toAbsolutePath();
    static final Address SHIP_TO = new Address("Jane Doe", null, "1 Main St", null, "Columbus", "OH", "43004", "US",
            null);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, ShipMethodMappingIT.class);
        registry.add("crossdock.wms-sandbox.root", SANDBOX_ROOT::toString);
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired SyncService sync;
    @Autowired GovernanceService governance;
    @Autowired WmsService wms;
    @Autowired WmsExchange exchange;

    TenantId apparel;
    TenantId home;
    UUID warehouse;

    @BeforeAll
    void twoTenantsAtOneSandboxWarehouse() {
        asSystem(() -> {
            apparel = tenants.create(new TenantCommand("Apparel", "APP", TenantStatus.ACTIVE, null, null)).id();
            home = tenants.create(new TenantCommand("Home", "HOME", TenantStatus.ACTIVE, null, null)).id();
            for (TenantId tenant : List.of(apparel, home)) {
                catalog.save(tenant, null, new ItemCommand("TEE", "Tee", ItemStatus.ACTIVE, false, false, false,
                        false, List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                        List.<AliasLine>of()), 0);
                String shop = tenant.equals(apparel) ? "apparel-ship" : "home-ship";
                channels.connectShopify(tenant, new ShopifyConnectionCommand(shop, shop + ".myshopify.com",
                        "2026-07", ChannelMode.SANDBOX, "shpat_" + shop.replace('-', '_') + "_0123456789",
                        "whsec-" + shop));
            }
            warehouse = wms.connectSandbox("Mapping DC").id();
            wms.assignAccount(apparel, warehouse, "APPAREL");
            wms.assignAccount(home, warehouse, "HOME");
            return null;
        });
    }

    @Test
    @Order(1)
    void aMappingNeedsAServiceLevelACarrierScacAndAServiceCode() {
        assertThatThrownBy(() -> asSystem(() -> governance.saveShipMethod(apparel, new ShipMethodCommand(" ",
                "ups 1", ""), 0))).isInstanceOfSatisfying(SetupValidationException.class, refused ->
                assertThat(refused.fieldErrors()).containsOnlyKeys("serviceLevel", "carrierScac", "serviceCode"));
        ShipMethodMapping saved = asSystem(() -> governance.saveShipMethod(apparel, new ShipMethodCommand(
                "Express shipping", "upsn", "2DA"), 0));
        assertThat(saved.serviceLevel()).isEqualTo("EXPRESS SHIPPING");
        assertThat(saved.carrierScac()).isEqualTo("UPSN");
        assertThat(asSystem(() -> governance.matrix(apparel)).version()).isEqualTo(1);
        assertThat(asSystem(() -> governance.shipMethodFor(apparel, null, "express shipping"))).contains(saved);
        assertThat(asSystem(() -> governance.shipMethods(home))).as("the other brand").isEmpty();
        assertThat(asSystem(() -> governance.shipMethodFor(home, null, "Express shipping"))).isEmpty();
    }

    @Test
    @Order(2)
    void aMappedShipMethodReachesThe940AsTheWarehousesServiceAndCarrier() {
        OrderState mapped = order(apparel, "B2B-1", "Express shipping");
        OrderState unmapped = order(apparel, "B2B-2", "Pigeon post");
        OrderState other = order(home, "B2B-1", "Express shipping");
        assertThat(List.of(mapped, unmapped, other)).extracting(OrderState::status)
                .as("unmapped methods are released while the brand does not require mapped ones")
                .containsOnly(OrderStatus.RELEASED);

        exchange.exchange(warehouse);

        assertThat(sent940(apparel, "B2B-1")).contains("W66*PP*U***2DA*****UPSN");
        assertThat(sent940(apparel, "B2B-2")).contains("W66*PP*U***Pigeon post").doesNotContain("UPSN");
        assertThat(sent940(home, "B2B-1")).as("the other brand has no mapping")
                .contains("W66*PP*U***Express shipping").doesNotContain("UPSN");
    }

    @Test
    @Order(3)
    void whenTheBrandRequiresMappedMethodsAnUnmappedOneIsHeldWithItsReason() {
        long version = asSystem(() -> governance.matrix(apparel)).version();
        assertThat(asSystem(() -> governance.requireMappedShipMethods(apparel, true, version))
                .requireMappedShipMethods()).isTrue();

        OrderState held = order(apparel, "B2B-3", "Pigeon post");
        OrderState mapped = order(apparel, "B2B-4", "EXPRESS SHIPPING");
        OrderState other = order(home, "B2B-3", "Pigeon post");

        assertThat(held.status()).isEqualTo(OrderStatus.HELD);
        assertThat(held.holdReasons()).containsExactly("Unmapped ship method: 'Pigeon post' has no warehouse "
                + "carrier and service; map it in Setup, then retry");
        assertThat(mapped.status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(other.status()).as("the other brand did not turn it on").isEqualTo(OrderStatus.RELEASED);
    }

    @Test
    @Order(4)
    void readinessSaysItemByItemWhatPassesWhatFailsAndWhereToFixIt() {
        assertThat(asSystem(() -> governance.readiness(apparel))).extracting(ReadinessItem::id,
                ReadinessItem::passed, ReadinessItem::route).containsExactly(
                org.assertj.core.groups.Tuple.tuple("catalog", true, "quality"),
                org.assertj.core.groups.Tuple.tuple("channels", true, "channels"),
                org.assertj.core.groups.Tuple.tuple("warehouse", true, "warehouse"),
                org.assertj.core.groups.Tuple.tuple("source-of-truth", false, "setup"),
                org.assertj.core.groups.Tuple.tuple("ship-methods", false, "setup"),
                org.assertj.core.groups.Tuple.tuple("exception-owners", false, "setup"),
                org.assertj.core.groups.Tuple.tuple("exceptions", true, "exceptions"),
                org.assertj.core.groups.Tuple.tuple("uat", false, "uat"));
        assertThat(asSystem(() -> governance.readiness(apparel))).filteredOn(item -> item.id().equals(
                "exception-owners")).singleElement().extracting(ReadinessItem::owner)
                .as("who fixes an open item").isEqualTo("Brand and 3PL");
        assertThat(asSystem(() -> governance.readiness(apparel))).filteredOn(item -> item.id().equals(
                "ship-methods")).singleElement().extracting(ReadinessItem::reason).asString()
                .isEqualTo("Not mapped yet: PIGEON POST");

        long version = asSystem(() -> governance.matrix(apparel)).version();
        asSystem(() -> governance.changeOwner(apparel, com.crossdock.tenantconfig.truth.DataType.HOLDS,
                com.crossdock.tenantconfig.truth.SystemKind.CHANNEL, version));
        asSystem(() -> governance.saveShipMethod(apparel, new ShipMethodCommand("Pigeon post", "PGON", "SLOW"),
                version + 1));
        asSystem(() -> governance.confirmExceptionOwners(apparel, version + 2));
        // UAT is run and signed in UatIT; here it stays "not run"
        assertThat(asSystem(() -> governance.readiness(apparel))).filteredOn(item -> !item.id().equals("uat"))
                .allSatisfy(item -> assertThat(item.passed()).as(item.id() + ": " + item.reason()).isTrue());

        assertThat(asSystem(() -> governance.readiness(home))).filteredOn(item -> !item.passed())
                .extracting(ReadinessItem::id).as("the other brand is where it was")
                .containsExactly("source-of-truth", "ship-methods", "exception-owners", "uat");

        // the other brand agrees to the owners it starts with: they are chosen now, and nothing else moved
        long homeVersion = asSystem(() -> governance.matrix(home)).version();
        OwnershipMatrix confirmed = asSystem(() -> governance.confirmOwners(home, homeVersion));
        assertThat(confirmed.version()).isEqualTo(homeVersion + 1);
        assertThat(confirmed.entries()).allSatisfy(entry -> {
            assertThat(entry.isDefault()).as(entry.dataType() + " confirmed").isFalse();
            assertThat(entry.owner()).isEqualTo(com.crossdock.tenantconfig.truth.OwnershipRules.DEFAULTS.get(
                    entry.dataType()));
        });
        assertThat(asSystem(() -> governance.readiness(home))).filteredOn(item -> !item.passed())
                .extracting(ReadinessItem::id).containsExactly("ship-methods", "exception-owners", "uat");
        assertThat(asSystem(() -> governance.matrix(apparel)).entries()).as("the first brand's choices stand")
                .filteredOn(entry -> !entry.isDefault()).extracting(OwnershipMatrix.Entry::dataType)
                .containsExactly(com.crossdock.tenantconfig.truth.DataType.HOLDS);
    }

    private OrderState order(TenantId tenant, String reference, String shippingMethod) {
        return asSystem(() -> sync.submitOrder(tenant, new ManualOrderCommand(reference, null, null, shippingMethod,
                SHIP_TO, List.of(new ManualOrderCommand.Line("TEE", 1)))));
    }

    private String sent940(TenantId tenant, String orderName) {
        return asSystem(() -> wms.documents(tenant, 100)).stream()
                .filter(document -> document.transactionSet().equals("940")
                        && document.segments().contains("*" + orderName))
                .map(X12DocumentView::segments).findFirst().orElseThrow(() -> new AssertionError(
                        "no 940 for " + orderName));
    }

    private static <T> T asSystem(Supplier<T> work) {
        return SystemActor.call("test", work);
    }
}
