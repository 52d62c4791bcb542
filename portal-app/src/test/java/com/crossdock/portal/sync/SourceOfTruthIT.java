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
import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.portal.governance.OwnershipMatrix;
import com.crossdock.portal.governance.SetupValidationException;
import com.crossdock.portal.identity.IdentityService;
import com.crossdock.portal.identity.NewUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.AsUser;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import com.crossdock.tenantconfig.truth.DataType;
import com.crossdock.tenantconfig.truth.OwnershipRules;
import com.crossdock.tenantconfig.truth.SystemKind;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The source of truth of two brands: the defaults, a refused owner with its reason, a change audited with a new
 * configuration version; and the sync engine obeying it for available inventory: when the store owns it, the push
 * sends nothing and says why, and the warehouse's stock report is an ownership conflict routed to the brand and
 * not applied. The other brand keeps its defaults, its stock and its pushes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SourceOfTruthIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, SourceOfTruthIT.class);
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired SandboxWarehouse sandboxWarehouse;
    @Autowired WarehouseFeedback warehouse;
    @Autowired Flows flows;
    @Autowired SyncService sync;
    @Autowired GovernanceService governance;
    @Autowired IdentityService identity;
    @Autowired UserDetailsService users;

    final JdbcClient superuser = TestDatabases.superuser(SourceOfTruthIT.class);
    TenantId apparel;
    TenantId home;
    UUID apparelStore;
    UUID homeStore;

    @BeforeAll
    void twoTenantsWithCatalogsAndSandboxStores() {
        asSystem(() -> {
            apparel = tenants.create(new TenantCommand("Apparel", "APP", TenantStatus.ACTIVE, null, null)).id();
            home = tenants.create(new TenantCommand("Home", "HOME", TenantStatus.ACTIVE, null, null)).id();
            item(apparel, "TEE", new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, "SHOP-TEE"));
            item(home, "MUG", new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, "SHOP-MUG"));
            apparelStore = connect(apparel, "apparel-truth");
            homeStore = connect(home, "home-truth");
            identity.createUser(new NewUser("apparel.admin", "Admin", null, "long-password-1",
                    Set.of(Role.BRAND_ADMIN), apparel));
            identity.createUser(new NewUser("apparel.user", "User", null, "long-password-2",
                    Set.of(Role.BRAND_USER), apparel));
            return null;
        });
    }

    @Test
    @Order(1)
    void aNewTenantStartsWithTheDefaultOwnersAtVersionZero() {
        OwnershipMatrix matrix = asSystem(() -> governance.matrix(apparel));
        assertThat(matrix.version()).isZero();
        assertThat(matrix.requireMappedShipMethods()).isFalse();
        assertThat(matrix.entries()).allSatisfy(entry -> {
            assertThat(entry.isDefault()).isTrue();
            assertThat(entry.owner()).isEqualTo(OwnershipRules.DEFAULTS.get(entry.dataType()));
        });
        assertThat(matrix.owner(DataType.AVAILABLE_INVENTORY)).isEqualTo(SystemKind.WMS);
    }

    @Test
    @Order(2)
    void anOwnerThatCannotWorkIsRefusedWithItsReasonAndOnlyBrandAdminsChange() {
        assertThatThrownBy(() -> AsUser.call(users, "apparel.admin", () -> governance.changeOwner(apparel,
                DataType.MASTER_SKU_DATA, SystemKind.WMS, 0)))
                .isInstanceOfSatisfying(SetupValidationException.class, refused -> assertThat(refused.fieldErrors())
                        .extractingByKey("owner").asString().contains("Warehouse (WMS) cannot own master sku data")
                        .contains("cannot be the master"));
        assertThatThrownBy(() -> AsUser.call(users, "apparel.user", () -> governance.changeOwner(apparel,
                DataType.HOLDS, SystemKind.CHANNEL, 0))).isInstanceOf(AccessDeniedException.class);
        assertThat(AsUser.call(users, "apparel.user", () -> governance.matrix(apparel)).version())
                .as("a brand user reads, and nothing changed").isZero();
    }

    @Test
    @Order(3)
    void everyChangeRaisesTheVersionAndIsInTheTenantsActivityWithWhoAndWhen() {
        OwnershipMatrix changed = AsUser.call(users, "apparel.admin", () -> governance.changeOwner(apparel,
                DataType.AVAILABLE_INVENTORY, SystemKind.CHANNEL, 0));
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.entries()).filteredOn(entry -> entry.dataType() == DataType.AVAILABLE_INVENTORY)
                .singleElement().satisfies(entry -> {
                    assertThat(entry.owner()).isEqualTo(SystemKind.CHANNEL);
                    assertThat(entry.isDefault()).isFalse();
                    assertThat(entry.changedBy()).isEqualTo("apparel.admin");
                    assertThat(entry.changedAt()).isNotNull();
                });
        assertThatThrownBy(() -> AsUser.call(users, "apparel.admin", () -> governance.changeOwner(apparel,
                DataType.HOLDS, SystemKind.ERP, 0)))
                .as("a change made on an old version is refused")
                .isInstanceOfSatisfying(SetupValidationException.class, refused -> assertThat(refused.fieldErrors())
                        .containsKey("version"));
        assertThat(superuser.sql("""
                SELECT actor || ' ' || detail FROM tenant_activity WHERE tenant_id = :t AND action = 'setup.owner'""")
                .param("t", apparel.value()).query(String.class).list()).containsExactly(
                "apparel.admin Available inventory owned by Sales channel (configuration version 1)");

        OwnershipMatrix other = asSystem(() -> governance.matrix(home));
        assertThat(other.version()).as("the other brand").isZero();
        assertThat(other.owner(DataType.AVAILABLE_INVENTORY)).isEqualTo(SystemKind.WMS);
        assertThat(superuser.sql("SELECT count(*) FROM source_of_truth WHERE tenant_id = :t")
                .param("t", home.value()).query(Long.class).single()).isZero();
    }

    @Test
    @Order(4)
    void stockFromAWarehouseThatDoesNotOwnAvailableInventoryIsAConflictForTheBrandAndIsNotApplied() {
        assertThat(sandboxWarehouse.reportStock(apparel)).as("nothing applied").isZero();
        assertThat(superuser.sql("SELECT count(*) FROM inventory_position WHERE tenant_id = :t")
                .param("t", apparel.value()).query(Long.class).single()).isZero();
        assertThat(asSystem(() -> sync.openExceptions(apparel))).filteredOn(exception -> exception.reasonCode()
                .equals("OWNERSHIP_CONFLICT")).singleElement().satisfies(conflict -> {
                    assertThat(conflict.message()).contains("Sales channel owns available inventory");
                    assertThat(conflict.subject()).isEqualTo("Stock report from SANDBOX");
                });
        assertThat(superuser.sql("""
                SELECT owner || ' ' || raw_payload FROM integration_exception
                WHERE tenant_id = :t AND reason_code = 'OWNERSHIP_CONFLICT'""").param("t", apparel.value())
                .query(String.class).single()).as("routed to the brand, with the report kept")
                .startsWith("Brand sku,on_hand,available,as_of").contains("TEE,");

        assertThat(sandboxWarehouse.reportStock(home)).as("the other brand's warehouse still owns its stock")
                .isEqualTo(1);
        assertThat(asSystem(() -> sync.openExceptions(home))).extracting(IntegrationException::reasonCode)
                .doesNotContain("OWNERSHIP_CONFLICT");
    }

    @Test
    @Order(5)
    void thePushSendsNothingWhileTheStoreOwnsAvailableInventoryAndSaysWhy() {
        // the warehouse owned it when this stock came in; then the brand gave it to the store
        AsUser.call(users, "apparel.admin", () -> governance.changeOwner(apparel, DataType.AVAILABLE_INVENTORY,
                SystemKind.WMS, 1));
        assertThat(warehouse.recordInventory(apparel, List.of(new InventoryPosition("TEE", 12, 10)), "TEST",
                Instant.now())).isEqualTo(1);
        AsUser.call(users, "apparel.admin", () -> governance.changeOwner(apparel, DataType.AVAILABLE_INVENTORY,
                SystemKind.CHANNEL, 2));

        UUID run = flows.run(apparel, apparelStore, Flow.INVENTORY_PUSH, new Flows.Firing(Instant.now(), "test",
                false)).orElseThrow();
        assertThat(superuser.sql("SELECT records_out || ' ' || outcome || ' ' || message FROM flow_run WHERE id = :id")
                .param("id", run).query(String.class).single()).isEqualTo("0 OK Nothing pushed: Sales channel owns "
                + "available inventory (source of truth, configuration version 3), so the warehouse's numbers are "
                + "not sent to the store");
        assertThat(superuser.sql("""
                SELECT count(*) FROM channel_inventory WHERE tenant_id = :t AND pushed_quantity IS NOT NULL""")
                .param("t", apparel.value()).query(Long.class).single()).as("the store was told nothing").isZero();

        UUID homeRun = flows.run(home, homeStore, Flow.INVENTORY_PUSH, new Flows.Firing(Instant.now(), "test",
                false)).orElseThrow();
        assertThat(superuser.sql("SELECT records_out FROM flow_run WHERE id = :id").param("id", homeRun)
                .query(Long.class).single()).as("the other brand's warehouse numbers are pushed").isEqualTo(1);
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
