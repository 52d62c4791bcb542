package com.crossdock.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.catalog.workbook.CatalogWorkbookService;
import com.crossdock.portal.catalog.workbook.CommitMode;
import com.crossdock.portal.catalog.workbook.ImportPreview;
import com.crossdock.portal.catalog.workbook.ImportProgress;
import com.crossdock.portal.catalog.workbook.ImportRefusedException;
import com.crossdock.portal.catalog.workbook.ImportStatus;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.channel.shopify.ShopifyWebhookSignature;
import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.portal.governance.OwnershipMatrix;
import com.crossdock.portal.identity.IdentityService;
import com.crossdock.portal.identity.NewUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.AsUser;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.BundleDefinition;
import com.crossdock.tenantconfig.catalog.BundleKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import com.crossdock.tenantconfig.truth.DataType;
import com.crossdock.tenantconfig.truth.OwnershipConflictException;
import com.crossdock.tenantconfig.truth.SystemKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Source-of-truth enforcement at each entry point, with two brands: Ash gives a kind of data to another owner, Birch
 * keeps the defaults. Ash's change from the non-owner is refused (people get a sentence naming the owner; the sync
 * engine records an {@code OWNERSHIP_CONFLICT} routed to the owner with the raw payload) and nothing of it is applied;
 * Birch's same change applies, and Birch never sees Ash's conflicts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OwnershipEnforcementIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "whsec-ownership";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, OwnershipEnforcementIT.class);
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired CatalogWorkbookService workbooks;
    @Autowired ChannelService channels;
    @Autowired OrderPipeline pipeline;
    @Autowired WarehouseFeedback warehouse;
    @Autowired Flows flows;
    @Autowired SyncService sync;
    @Autowired GovernanceService governance;
    @Autowired IdentityService identity;
    @Autowired UserDetailsService users;

    final JdbcClient superuser = TestDatabases.superuser(OwnershipEnforcementIT.class);
    TenantId ash;
    TenantId birch;
    UUID ashStore;
    UUID birchStore;

    @BeforeAll
    void twoBrandsWithTheSameItemAndAStoreEach() {
        asSystem(() -> {
            ash = tenants.create(new TenantCommand("Ash", "ASH", TenantStatus.ACTIVE, null, null)).id();
            birch = tenants.create(new TenantCommand("Birch", "BIRCH", TenantStatus.ACTIVE, null, null)).id();
            for (TenantId tenant : List.of(ash, birch)) {
                catalog.save(tenant, null, item("TEE"), 0);
            }
            ashStore = connect(ash, "ash-truth");
            birchStore = connect(birch, "birch-truth");
            identity.createUser(new NewUser("ash.admin", "Ash admin", null, "long-password-1",
                    Set.of(Role.BRAND_ADMIN), ash));
            identity.createUser(new NewUser("birch.admin", "Birch admin", null, "long-password-2",
                    Set.of(Role.BRAND_ADMIN), birch));
            return null;
        });
    }

    @Test
    @Order(1)
    void itemEditsAndImportsInCrossdockAreRefusedWhileTheBrandsErpOwnsMasterData() {
        own(DataType.MASTER_SKU_DATA, SystemKind.ERP);

        assertThatThrownBy(() -> AsUser.call(users, "ash.admin", () -> catalog.save(ash, null, item("CAP"), 0)))
                .isInstanceOf(OwnershipConflictException.class)
                .hasMessageStartingWith("Brand ERP owns master SKU data in this brand's source of truth, so a new item "
                        + "from Crossdock was not applied.");
        UUID tee = asSystem(() -> catalog.search(ash, "TEE", 0, 1)).getFirst().id();
        assertThatThrownBy(() -> AsUser.call(users, "ash.admin", () -> {
            catalog.delete(ash, tee);
            return null;
        })).isInstanceOf(OwnershipConflictException.class).hasMessageContaining("Brand ERP owns master SKU data");
        ImportPreview ashUpload = upload("ash.admin", ash, "items.csv", "SKU,Description,Status\nCAP,Cap,ACTIVE\n");
        assertThatThrownBy(() -> AsUser.call(users, "ash.admin", () -> workbooks.commit(ash, ashUpload.id(),
                CommitMode.ALL_OR_NOTHING, ImportProgress.NONE))).isInstanceOf(ImportRefusedException.class)
                .hasMessageStartingWith("Nothing was written: Brand ERP owns master SKU data")
                .hasMessageContaining("an import of 1 new or changed item(s) from Crossdock");
        assertThat(asSystem(() -> catalog.count(ash, ""))).as("nothing of Ash's changed").isEqualTo(1);

        AsUser.call(users, "birch.admin", () -> catalog.save(birch, null, item("CAP"), 0));
        ImportPreview birchUpload = upload("birch.admin", birch, "items.csv",
                "SKU,Description,Status\nHAT,Hat,ACTIVE\n");
        assertThat(AsUser.call(users, "birch.admin", () -> workbooks.commit(birch, birchUpload.id(),
                CommitMode.ALL_OR_NOTHING, ImportProgress.NONE)).status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(asSystem(() -> catalog.count(birch, ""))).as("Crossdock owns Birch's items").isEqualTo(3);
    }

    @Test
    @Order(2)
    void bundleEditsAndImportsAreRefusedWhileTheStoreOwnsBundles() {
        own(DataType.BUNDLE_DEFINITION, SystemKind.CHANNEL);
        BundleDefinition pair = new BundleDefinition(Sku.of("PAIR"), BundleKind.VIRTUAL,
                List.of(new BundleDefinition.Component(Sku.of("TEE"), 2)));

        assertThatThrownBy(() -> AsUser.call(users, "ash.admin", () -> catalog.saveBundle(ash, null, pair, 0)))
                .isInstanceOf(OwnershipConflictException.class)
                .hasMessageStartingWith("Sales channel owns bundle definition in this brand's source of truth, so a "
                        + "new bundle from Crossdock was not applied.");
        ImportPreview ashUpload = upload("ash.admin", ash, "bundles.csv",
                "Bundle SKU,Kind,Component SKU,Quantity\nPAIR,VIRTUAL,TEE,2\n");
        assertThatThrownBy(() -> AsUser.call(users, "ash.admin", () -> workbooks.commit(ash, ashUpload.id(),
                CommitMode.ALL_OR_NOTHING, ImportProgress.NONE))).isInstanceOf(ImportRefusedException.class)
                .hasMessageContaining("Sales channel owns bundle definition");
        assertThat(asSystem(() -> catalog.bundles(ash))).isEmpty();

        AsUser.call(users, "birch.admin", () -> catalog.saveBundle(birch, null, pair, 0));
        assertThat(asSystem(() -> catalog.bundles(birch))).hasSize(1);
    }

    @Test
    @Order(3)
    void aStoresCancellationIsAConflictForTheBrandWhileItsErpOwnsOrderStatus() throws Exception {
        own(DataType.ORDER_STATUS, SystemKind.ERP);
        for (TenantId tenant : List.of(ash, birch)) {
            webhook(tenant, "orders/create", "c-1", order(7001, "2026-11-27T10:00:00Z", false, true));
        }
        OrderSummary ashOrder = awaitOrder(ash, "#7001", OrderStatus.RELEASED);
        awaitOrder(birch, "#7001", OrderStatus.RELEASED);

        for (TenantId tenant : List.of(ash, birch)) {
            webhook(tenant, "orders/cancelled", "c-2", order(7001, "2026-11-27T11:00:00Z", true, true));
        }
        awaitOrder(birch, "#7001", OrderStatus.CANCELED);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(steps(ash, ashOrder.id()))
                .contains("CANCEL_NOT_APPLIED"));
        assertThat(asSystem(() -> sync.order(ash, ashOrder.id())).orElseThrow().status())
                .as("the order is not changed").isEqualTo(OrderStatus.RELEASED);
        assertThat(outbox(ash, "CANCEL")).as("the warehouse is not asked to cancel").isZero();
        assertThat(outbox(birch, "CANCEL")).isEqualTo(1);
        IntegrationException conflict = conflict(ash);
        assertThat(conflict.owner()).as("routed to the brand, whose ERP owns order status").isEqualTo("Brand");
        assertThat(conflict.message()).startsWith("Brand ERP owns order status in this brand's source of truth, so a "
                + "cancellation of order #7001 from Sales channel was not applied.");
        assertThat(conflict.rawPayload()).as("the cancellation kept as received").contains("\"cancelled_at\"");
        assertNoConflictVisibleTo(birch, conflict.id());
    }

    @Test
    @Order(4)
    void crossdocksHoldRulesHoldNothingWhileTheWarehouseOwnsHolds() throws Exception {
        own(DataType.HOLDS, SystemKind.WMS);
        for (TenantId tenant : List.of(ash, birch)) {
            webhook(tenant, "orders/create", "h-1", order(7002, "2026-11-27T10:00:00Z", false, false));
        }
        OrderSummary released = awaitOrder(ash, "#7002", OrderStatus.RELEASED);
        assertThat(steps(ash, released.id())).contains("HOLD_RULES_SKIPPED");
        assertThat(awaitOrder(birch, "#7002", OrderStatus.HELD).holdReasons())
                .containsExactly("Incomplete address: no address1");
    }

    @Test
    @Order(5)
    void theWarehousesShipmentIsAConflictAndNoTrackingIsWrittenBackWhileCrossdockOwnsTracking() throws Exception {
        own(DataType.SHIPMENT_TRACKING, SystemKind.PORTAL);
        for (TenantId tenant : List.of(ash, birch)) {
            webhook(tenant, "orders/create", "s-1", order(7003, "2026-11-27T10:00:00Z", false, true));
        }
        OrderSummary ashOrder = awaitOrder(ash, "#7003", OrderStatus.RELEASED);
        OrderSummary birchOrder = awaitOrder(birch, "#7003", OrderStatus.RELEASED);
        ShipmentNotice notice = new ShipmentNotice("WH-7003", "UPS", "Ground", List.of("1Z7003"), Instant.now(),
                List.of(new ShipmentNotice.Line("TEE", 1)));

        assertThat(warehouse.recordShipment(ash, ashOrder.id(), notice)).isFalse();
        assertThat(asSystem(() -> sync.order(ash, ashOrder.id())).orElseThrow().status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(superuser.sql("SELECT count(*) FROM shipment WHERE tenant_id = :t").param("t", ash.value())
                .query(Long.class).single()).isZero();
        IntegrationException conflict = conflict(ash, "Shipment WH-7003");
        assertThat(conflict.owner()).as("Crossdock's side: the 3PL").isEqualTo("3PL");
        assertThat(conflict.message()).startsWith("Crossdock owns shipment and tracking in this brand's source of "
                + "truth, so the shipment WH-7003 of order #7003 from Warehouse (WMS) was not applied.");
        assertThat(conflict.rawPayload()).contains("1Z7003");
        UUID run = flows.run(ash, ashStore, Flow.FULFILLMENT_WRITEBACK, new Flows.Firing(Instant.now(), "test",
                false)).orElseThrow();
        assertThat(superuser.sql("SELECT message FROM flow_run WHERE id = :id").param("id", run).query(String.class)
                .single()).startsWith("Nothing pushed: Crossdock owns shipment and tracking (source of truth, "
                + "configuration version ").endsWith("so no tracking is written back to the store");

        assertThat(warehouse.recordShipment(birch, birchOrder.id(), notice)).isTrue();
        assertThat(asSystem(() -> sync.order(birch, birchOrder.id())).orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
        assertNoConflictVisibleTo(birch, conflict.id());
    }

    @Test
    @Order(6)
    void setupSaysForEveryKindOfDataWhatCrossdockEnforcesUnderItsOwner() {
        OwnershipMatrix ashMatrix = asSystem(() -> governance.matrix(ash));
        OwnershipMatrix birchMatrix = asSystem(() -> governance.matrix(birch));
        assertThat(line(ashMatrix, DataType.ORDER_STATUS)).isEqualTo("Cancellations from the stores become ownership "
                + "conflicts for Brand ERP (Brand); the order is not changed.");
        assertThat(line(birchMatrix, DataType.ORDER_STATUS)).isEqualTo("Cancellations from the stores are applied; "
                + "the warehouse is asked to stop the order.");
        assertThat(birchMatrix.entries()).allSatisfy(entry -> assertThat(entry.enforced()).isNotBlank());
    }

    @Test
    @Order(7)
    void theWarehousesStockReportsAndAdjustmentsAreConflictsWhileTheStoreOwnsAvailableInventory() {
        own(DataType.AVAILABLE_INVENTORY, SystemKind.CHANNEL);
        List<InventoryPosition> positions = List.of(new InventoryPosition("TEE", 5, 5));
        List<WarehouseFeedback.StockAdjustment> found = List.of(new WarehouseFeedback.StockAdjustment("TEE", 2, "05",
                "Found in cycle count"));

        assertThat(warehouse.recordInventory(ash, positions, "TEST", Instant.now())).isZero();
        assertThat(warehouse.recordAdjustments(ash, "ADJ-9", java.time.LocalDate.now(), found)).isZero();
        assertThat(superuser.sql("SELECT count(*) FROM inventory_position WHERE tenant_id = :t")
                .param("t", ash.value()).query(Long.class).single()).as("nothing applied").isZero();
        IntegrationException adjustment = conflict(ash, "Inventory adjustment ADJ-9");
        assertThat(adjustment.owner()).isEqualTo("Brand");
        assertThat(adjustment.message()).startsWith("Sales channel owns available inventory");
        assertThat(adjustment.rawPayload()).contains("TEE,2,05,Found in cycle count");

        assertThat(warehouse.recordInventory(birch, positions, "TEST", Instant.now())).isEqualTo(1);
        assertThat(warehouse.recordAdjustments(birch, "ADJ-9", java.time.LocalDate.now(), found)).isEqualTo(1);
        assertThat(asSystem(() -> sync.stockLevels(birch))).isNotEmpty();
        assertNoConflictVisibleTo(birch, adjustment.id());
    }

    private static String line(OwnershipMatrix matrix, DataType type) {
        return matrix.entries().stream().filter(entry -> entry.dataType() == type).findFirst().orElseThrow()
                .enforced();
    }

    private void own(DataType type, SystemKind owner) {
        AsUser.call(users, "ash.admin", () -> governance.changeOwner(ash, type, owner,
                governance.matrix(ash).version()));
    }

    private IntegrationException conflict(TenantId tenant) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> asSystem(() -> sync.openExceptions(tenant))
                .stream().filter(exception -> exception.reasonCode().equals("OWNERSHIP_CONFLICT")).findFirst()
                .orElse(null), java.util.Objects::nonNull);
    }

    private IntegrationException conflict(TenantId tenant, String subject) {
        return asSystem(() -> sync.openExceptions(tenant)).stream().filter(exception -> exception.reasonCode()
                .equals("OWNERSHIP_CONFLICT") && exception.subject().equals(subject)).findFirst().orElseThrow();
    }

    private void assertNoConflictVisibleTo(TenantId other, UUID conflictId) {
        assertThat(asSystem(() -> sync.openExceptions(other))).extracting(IntegrationException::reasonCode)
                .doesNotContain("OWNERSHIP_CONFLICT");
        assertThat(asSystem(() -> sync.exception(other, conflictId))).as("another brand's conflict").isEmpty();
        assertThat(superuser.sql("""
                SELECT count(*) FROM integration_exception WHERE tenant_id = :t AND reason_code = 'OWNERSHIP_CONFLICT'""")
                .param("t", other.value()).query(Long.class).single()).isZero();
    }

    private long outbox(TenantId tenant, String kind) {
        return superuser.sql("SELECT count(*) FROM wms_outbox WHERE tenant_id = :t AND kind = :kind")
                .param("t", tenant.value()).param("kind", kind).query(Long.class).single();
    }

    private OrderSummary awaitOrder(TenantId tenant, String name, OrderStatus status) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> asSystem(() -> sync.orders(tenant, 50)).stream()
                .filter(order -> order.orderName().equals(name) && order.status() == status).findFirst()
                .orElse(null), java.util.Objects::nonNull);
    }

    private List<String> steps(TenantId tenant, UUID orderId) {
        return asSystem(() -> sync.journey(tenant, orderId)).stream().map(JourneyStep::step).toList();
    }

    private void webhook(TenantId tenant, String topic, String webhookId, byte[] body) {
        UUID store = tenant.equals(ash) ? ashStore : birchStore;
        WebhookOutcome outcome = pipeline.receiveShopifyWebhook(tenant, store, topic, webhookId,
                ShopifyWebhookSignature.sign(body, SECRET), "{}", body, "127.0.0.1");
        assertThat(outcome.kind()).isEqualTo(WebhookOutcome.Kind.ACCEPTED);
    }

    /** Shopify's first published order with one TEE line, another id and update time; cancelled or not. */
    private static byte[] order(long id, String updatedAt, boolean cancelled, boolean fullAddress) throws Exception {
        Path fixture = Path.of(System.getProperty("crossdock.fixtures", "../../shared/fixtures"))
                .resolve("shopify/rest-2026-07-orders-list-response.json");
        ObjectNode order = (ObjectNode) JSON.readTree(Files.readString(fixture)).get("orders").get(0).deepCopy();
        order.put("id", id);
        order.put("name", "#" + id);
        order.put("updated_at", updatedAt);
        if (cancelled) {
            order.put("cancelled_at", updatedAt);
            order.put("cancel_reason", "customer");
        }
        if (!fullAddress) {
            ((ObjectNode) order.get("shipping_address")).remove("address1");
        }
        var lines = order.withArray("line_items");
        JsonNode template = lines.get(0).deepCopy();
        lines.removeAll();
        ObjectNode line = (ObjectNode) template.deepCopy();
        line.put("id", id * 10);
        line.put("sku", "TEE");
        line.put("quantity", 1);
        line.put("fulfillable_quantity", 1);
        lines.add(line);
        return JSON.writeValueAsBytes(order);
    }

    private ImportPreview upload(String user, TenantId tenant, String sheet, String csv) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(sheet));
            zip.write(csv.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            Path file = Files.createTempFile("ownership", ".zip");
            zip.finish();
            Files.write(file, bytes.toByteArray());
            ImportPreview preview = AsUser.call(users, user, () -> workbooks.upload(tenant, file, "truth.zip",
                    ImportProgress.NONE));
            assertThat(preview.status()).isEqualTo(ImportStatus.STAGED);
            return preview;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ItemCommand item(String sku) {
        return new ItemCommand(sku, sku, ItemStatus.ACTIVE, false, false, false, false,
                List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)), List.of());
    }

    private UUID connect(TenantId tenant, String shop) {
        return channels.connectShopify(tenant, new ShopifyConnectionCommand(shop, shop + ".myshopify.com",
                "2026-07", ChannelMode.SANDBOX, "shpat_" + shop.replace('-', '_') + "_0123456789", SECRET)).id();
    }

    private static <T> T asSystem(Supplier<T> work) {
        return SystemActor.call("test", work);
    }
}
