package com.crossdock.portal.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.channel.sandbox.OrderGeneration;
import com.crossdock.portal.channel.sandbox.ShopifySandboxService;
import com.crossdock.portal.channel.sandbox.StoreSummary;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.sync.Flow;
import com.crossdock.portal.sync.FlowService;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.portal.warehouse.sftp.SandboxSftpServer;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The warehouse side end to end, all real: a Shopify sandbox order is released, goes to the sandbox warehouse as a
 * 940 over SFTP (the portal's embedded SSHD server), comes back as a 997 and a 945 with two cartons, becomes two
 * shipments, and the fulfillment write-back leaves two fulfillments with the 945's tracking numbers in the Shopify
 * sandbox. Files are kept once and applied once; a malformed file is quarantined and answered; stock from an 846
 * lands. Two tenants with accounts at the same warehouse: each sees only its own documents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WmsExchangeIT {

    /** The sandbox warehouse's folders, fresh for this run. */
    static final Path SANDBOX_ROOT = Path.of("target", "wms-sandbox-" + UUID.randomUUID()).toAbsolutePath();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, WmsExchangeIT.class);
        registry.add("crossdock.wms-sandbox.root", SANDBOX_ROOT::toString);
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired ShopifySandboxService shopify;
    @Autowired WmsService wms;
    @Autowired WmsExchange exchange;
    @Autowired FlowService flows;
    @Autowired SandboxSftpServer sftp;

    final JdbcClient superuser = TestDatabases.superuser(WmsExchangeIT.class);
    TenantId apparel;
    TenantId home;
    UUID apparelStore;
    UUID warehouse;

    @BeforeAll
    void twoTenantsAtOneSandboxWarehouse() {
        asSystem(() -> {
            apparel = tenants.create(new TenantCommand("Apparel", "APP", TenantStatus.ACTIVE, null, null)).id();
            home = tenants.create(new TenantCommand("Home", "HOME", TenantStatus.ACTIVE, null, null)).id();
            for (String sku : List.of("TEE-RED", "TEE-BLUE", "TEE-GREEN")) {
                catalog.save(apparel, null, new ItemCommand(sku, sku, ItemStatus.ACTIVE, false, false, false, false,
                        List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                        List.of(new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, "SHOP-" + sku))), 0);
            }
            apparelStore = channels.connectShopify(apparel, new ShopifyConnectionCommand("Apparel",
                    "apparel-wms.myshopify.com", "2026-07", ChannelMode.SANDBOX, "shpat_apparel_wms_0123456789",
                    "whsec-apparel")).id();
            warehouse = wms.connectSandbox("Louisville DC").id();
            wms.assignAccount(apparel, warehouse, "APPAREL");
            wms.assignAccount(home, warehouse, "HOME");
            return null;
        });
    }

    @Test
    @Order(1)
    void aReleasedOrderGoesOutAsA940AndComesBackAsTwoCartonsThatBecomeTwoFulfillmentsInShopify() {
        asSystem(() -> shopify.generateOrders(apparel, apparelStore, OrderGeneration.of(1).withMultiLine(100, 3, 3)
                .withSeed(7)));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("""
                SELECT count(*) FROM sales_order WHERE tenant_id = :t AND status = 'RELEASED'""", apparel) == 1);

        WmsExchange.Outcome outcome = exchange.exchange(warehouse);

        assertThat(outcome.ordersSent()).isEqualTo(1);
        assertThat(outcome.filesRead()).as("the warehouse's 997 and 945").isEqualTo(2);
        assertThat(outcome.filesQuarantined()).isZero();
        assertThat(documents(apparel)).extracting(X12DocumentView::direction, X12DocumentView::transactionSet,
                X12DocumentView::status).contains(
                        org.assertj.core.groups.Tuple.tuple("OUTBOUND", "940", "SENT"),
                        org.assertj.core.groups.Tuple.tuple("INBOUND", "945", "APPLIED"),
                        org.assertj.core.groups.Tuple.tuple("INBOUND", "997", "APPLIED"));
        assertThat(documents(apparel)).filteredOn(document -> document.transactionSet().equals("940"))
                .singleElement().satisfies(sent -> {
                    assertThat(sent.ackStatus()).as("the warehouse's 997 accepted it").isEqualTo("ACCEPTED");
                    assertThat(sent.segments()).contains("W05*N*" + sent.reference()).contains("N1*DE*APPAREL");
                });
        List<String> tracking = superuser.sql("""
                SELECT tracking_numbers FROM shipment WHERE tenant_id = :t ORDER BY warehouse_ref""")
                .param("t", apparel.value()).query(String.class).list();
        assertThat(tracking).as("two cartons, two shipments").hasSize(2).doesNotHaveDuplicates();
        assertThat(documents(home)).as("the other tenant at the same warehouse").isEmpty();

        asSystem(() -> {
            flows.runNow(apparel, apparelStore, Flow.FULFILLMENT_WRITEBACK);
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> count("""
                SELECT count(*) FROM shipment WHERE tenant_id = :t AND writeback_status = 'POSTED'""", apparel) == 2);
        StoreSummary store = asSystem(() -> shopify.storeSummary(apparel, apparelStore));
        assertThat(store.fulfillments()).hasSize(2).flatExtracting(StoreSummary.Fulfillment::trackingNumbers)
                .containsExactlyInAnyOrderElementsOf(tracking);
        assertThat(store.orders().getFirst().lines()).allSatisfy(line -> assertThat(line.remaining()).isZero());
    }

    @Test
    @Order(2)
    void aFileSeenAgainIsNotAppliedAgainAndAMalformedOneIsQuarantinedAndAnswered() throws Exception {
        Path root = sftp.rootOf(sandboxUser());
        Path archived = Files.list(root.resolve("archive")).filter(Files::isRegularFile)
                .filter(file -> read(file).contains("ST*945")).findFirst().orElseThrow();
        Files.copy(archived, root.resolve("from-wms").resolve(archived.getFileName()));
        Files.writeString(root.resolve("from-wms").resolve("broken.edi"), "ISA*00*          *00*          *ZZ*SANDBOXWMS"
                + "     *ZZ*CROSSDOCK      *261127*1200*U*00401*000000777*0*T*>~GS*SW*SANDBOXWMS*CROSSDOCK*20261127*1200"
                + "*777*X*004010~ST*945*0001~W06*N*CD-XYZ~SE*9*0001~GE*1*777~IEA*1*000000778~");
        long shipmentsBefore = count("SELECT count(*) FROM shipment WHERE tenant_id = :t", apparel);

        WmsExchange.Outcome outcome = exchange.exchange(warehouse);

        assertThat(outcome.filesQuarantined()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM shipment WHERE tenant_id = :t", apparel)).isEqualTo(shipmentsBefore);
        assertThat(superuser.sql("SELECT problem FROM wms_file WHERE name = 'broken.edi'").query(String.class)
                .single()).as("the reason names the segment").contains("segment 5 (SE)");
        assertThat(Files.list(root.resolve("from-wms")).toList()).as("everything read was archived").isEmpty();
        assertThat(Files.list(root.resolve("to-wms")).filter(Files::isRegularFile).map(file -> read(file)).toList())
                .as("the broken file was answered").anySatisfy(answer -> assertThat(answer).containsAnyOf(
                        "ST*997", "TA1*"));
    }

    @Test
    @Order(3)
    void stockTheWarehouseReportsIsTheTenantsAndOnlyItsOwn() {
        exchange.sandboxStockSnapshot(warehouse, "APPAREL", Map.of("TEE-RED", new int[] {12, 10},
                "TEE-BLUE", new int[] {3, 0}));

        exchange.exchange(warehouse);

        assertThat(superuser.sql("""
                SELECT master_sku || '=' || available FROM inventory_position WHERE tenant_id = :t ORDER BY 1""")
                .param("t", apparel.value()).query(String.class).list())
                .containsExactly("TEE-BLUE=0", "TEE-RED=10");
        assertThat(count("SELECT count(*) FROM inventory_position WHERE tenant_id = :t", home)).isZero();
    }

    @Test
    @Order(4)
    void aDocumentTheWarehouseNeverAcknowledgedBecomesOverdueAndAnException() {
        superuser.sql("""
                UPDATE x12_document SET ack_status = 'AWAITED', created_at = now() - interval '2 hours'
                WHERE tenant_id = :t AND transaction_set = '940'""").param("t", apparel.value()).update();

        exchange.exchange(warehouse);

        assertThat(documents(apparel)).filteredOn(document -> document.transactionSet().equals("940"))
                .allSatisfy(document -> assertThat(document.ackStatus()).isEqualTo("OVERDUE"));
        assertThat(count("""
                SELECT count(*) FROM integration_exception WHERE tenant_id = :t AND reason_code = 'ACK_OVERDUE'
                AND status = 'OPEN'""", apparel)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM integration_exception WHERE tenant_id = :t", home)).isZero();
    }

    private String sandboxUser() {
        return superuser.sql("SELECT username FROM wms_connection WHERE id = :id").param("id", warehouse)
                .query(String.class).single();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<X12DocumentView> documents(TenantId tenant) {
        return asSystem(() -> wms.documents(tenant, 100));
    }

    private long count(String sql, TenantId tenant) {
        return superuser.sql(sql).param("t", tenant.value()).query(Long.class).single();
    }

    private static <T> T asSystem(Supplier<T> work) {
        return SystemActor.call("test", work);
    }
}
