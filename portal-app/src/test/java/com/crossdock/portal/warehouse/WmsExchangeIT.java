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

    @Test
    @Order(5)
    void anAdjustmentChangesStockOnceWithItsReasonAndAnInterchangeThatAsksForATa1GetsOne() throws Exception {
        String adjustment = x12(911, true, "AW", "947", "W15*20261127*ADJ-1", "N1*DE*APPAREL*91*APPAREL",
                "W19*01*-2*EA**VN*TEE-RED", "W19*AA*5*EA**VN*TEE-BLUE");
        Path inbox = sftp.rootOf(sandboxUser()).resolve("from-wms");
        Files.writeString(inbox.resolve("947-a.edi"), adjustment);
        Files.writeString(inbox.resolve("947-b.edi"), adjustment);

        WmsExchange.Outcome outcome = exchange.exchange(warehouse);

        assertThat(outcome.filesRead()).as("two names, two files kept").isEqualTo(2);
        assertThat(outcome.documentsApplied()).as("but the adjustment changed stock once").isEqualTo(1);
        assertThat(superuser.sql("""
                SELECT master_sku || '=' || on_hand || '/' || available FROM inventory_position WHERE tenant_id = :t
                ORDER BY 1""").param("t", apparel.value()).query(String.class).list())
                .containsExactly("TEE-BLUE=8/5", "TEE-RED=10/8");
        assertThat(superuser.sql("""
                SELECT master_sku || ' ' || quantity || ' ' || reason FROM inventory_adjustment WHERE tenant_id = :t
                ORDER BY line_no""").param("t", apparel.value()).query(String.class).list())
                .containsExactly("TEE-RED -2 Damaged", "TEE-BLUE 5 Physical count");
        assertThat(documents(apparel)).filteredOn(document -> document.transactionSet().equals("947"))
                .extracting(X12DocumentView::status).containsExactlyInAnyOrder("APPLIED", "IGNORED");
        assertThat(count("SELECT count(*) FROM inventory_adjustment WHERE tenant_id = :t", home)).isZero();
        assertThat(answers()).as("ISA14 = 1 asked for a TA1, and every group gets its 997")
                .anySatisfy(answer -> assertThat(answer).contains("TA1*000000911*").contains("*A*000"))
                .anySatisfy(answer -> assertThat(answer).contains("AK1*AW*911").contains("AK9*A*1*1*1"));
    }

    @Test
    @Order(6)
    void aTransactionThePortalCannotUseIsRejectedInThe997AndBecomesAnExceptionOnlyErrorsAreAnswered()
            throws Exception {
        asSystem(() -> wms.setAcknowledgements(warehouse, "ERRORS_ONLY", true, 60));
        Path inbox = sftp.rootOf(sandboxUser()).resolve("from-wms");
        Files.writeString(inbox.resolve("947-good.edi"), x12(921, false, "AW", "947", "W15*20261127*ADJ-2",
                "N1*DE*APPAREL*91*APPAREL", "W19*55*1*EA**VN*TEE-GREEN"));
        Files.writeString(inbox.resolve("947-half.edi"), x12(922, false, "AW", "947", "W15*20261127*ADJ-3",
                "N1*DE*APPAREL*91*APPAREL", "W19*01*1.5*EA**VN*TEE-RED"));

        exchange.exchange(warehouse);

        assertThat(superuser.sql("""
                SELECT master_sku || '=' || on_hand FROM inventory_position WHERE tenant_id = :t ORDER BY 1""")
                .param("t", apparel.value()).query(String.class).list()).as("the half unit changed nothing")
                .containsExactly("TEE-BLUE=8", "TEE-GREEN=1", "TEE-RED=10");
        assertThat(answers()).as("only the group with an error is answered").noneMatch(a -> a.contains("AK1*AW*921"))
                .anySatisfy(answer -> assertThat(answer).contains("AK1*AW*922").contains("AK5*R")
                        .contains("AK9*R*1*1*0"));
        assertThat(superuser.sql("""
                SELECT message FROM integration_exception WHERE tenant_id = :t AND reason_code = 'WMS_DOCUMENT_UNUSABLE'
                """).param("t", apparel.value()).query(String.class).list()).singleElement().asString()
                .contains("not a whole number of eaches");
        X12DocumentView rejected = documents(apparel).stream().filter(d -> d.status().equals("REJECTED"))
                .findFirst().orElseThrow();
        assertThat(rejected.transactionSet()).isEqualTo("947");

        WmsExchange.Reprocessed again = asSystem(() -> wms.reprocessDocument(apparel, rejected.id()));

        assertThat(again.applied()).as("still half a unit").isZero();
        assertThat(again.problem()).contains("not a whole number of eaches");
        assertThat(documents(apparel)).filteredOn(d -> d.transactionSet().equals("947") && !d.status().equals(
                "APPLIED") && !d.status().equals("IGNORED")).extracting(X12DocumentView::status)
                .containsExactlyInAnyOrder("REPROCESSED", "REJECTED");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> asSystem(() -> wms.reprocessDocument(home,
                rejected.id())))).as("another brand's document").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Order(7)
    void aFileForACustomerMappedLaterIsKeptAndAppliedWhenReprocessedOnce() throws Exception {
        Path inbox = sftp.rootOf(sandboxUser()).resolve("from-wms");
        Files.writeString(inbox.resolve("947-late.edi"), x12(931, false, "AW", "947", "W15*20261127*ADJ-9",
                "N1*DE*LATE*91*LATE", "W19*55*4*EA**VN*LAMP-1"));
        exchange.exchange(warehouse);
        UUID file = superuser.sql("SELECT id FROM wms_file WHERE name = '947-late.edi'").query(UUID.class).single();
        assertThat(superuser.sql("SELECT problem FROM wms_file WHERE id = :id").param("id", file)
                .query(String.class).single()).contains("names no customer of this warehouse (LATE)");
        TenantId late = asSystem(() -> tenants.create(new TenantCommand("Late", "LATE", TenantStatus.ACTIVE, null,
                null)).id());
        asSystem(() -> {
            wms.assignAccount(late, warehouse, "LATE");
            return null;
        });

        WmsExchange.Reprocessed first = asSystem(() -> wms.reprocessFile(file));
        WmsExchange.Reprocessed second = asSystem(() -> wms.reprocessFile(file));

        assertThat(first.applied()).isEqualTo(1);
        assertThat(first.problem()).isEmpty();
        assertThat(second.applied()).as("applied before: skipped").isZero();
        assertThat(superuser.sql("SELECT on_hand FROM inventory_position WHERE tenant_id = :t AND master_sku = 'LAMP-1'")
                .param("t", late.value()).query(Integer.class).single()).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM inventory_position WHERE tenant_id = :t AND master_sku = 'LAMP-1'",
                apparel)).isZero();
    }

    @Test
    @Order(8)
    void theOrderShippedInTwoCartonsGetsAn856ForARetailPartnerWithAControlNumberPerPartner() {
        String orderName = superuser.sql("SELECT order_name FROM sales_order WHERE tenant_id = :t AND status = "
                + "'SHIPPED' ORDER BY created_at LIMIT 1").param("t", apparel.value()).query(String.class).single();
        List<String> tracking = superuser.sql("""
                SELECT tracking_numbers FROM shipment WHERE tenant_id = :t ORDER BY shipped_at, warehouse_ref""")
                .param("t", apparel.value()).query(String.class).list();

        WmsService.ShipNoticeFile first = asSystem(() -> wms.shipNotice(apparel, orderName, "PO-9", "08",
                "6113310072"));
        WmsService.ShipNoticeFile second = asSystem(() -> wms.shipNotice(apparel, orderName, "", "08",
                "6113310072"));

        var read = new com.crossdock.tenantconfig.x12.X12Reader().read(first.content());
        assertThat(read.single().receiverId()).isEqualTo("6113310072");
        assertThat(read.single().senderId()).isEqualTo("APPAREL");
        var notice = (com.crossdock.tenantconfig.x12.ShipNotice856) read.transactions().getFirst().content();
        assertThat(notice.levels("P")).as("one pack per carton the 945 reported").hasSize(2)
                .flatExtracting(level -> level.values("MAN", "CP", 2))
                .containsExactlyInAnyOrderElementsOf(tracking.stream().map(t -> t.split(",")[0]).toList());
        assertThat(notice.levels("O").getFirst().segments().getFirst().element(1)).isEqualTo("PO-9");
        assertThat(notice.levels("I")).isNotEmpty();
        assertThat(first.cartons()).isEqualTo(2);
        assertThat(read.single().controlNumber()).isEqualTo("000000001");
        assertThat(new com.crossdock.tenantconfig.x12.X12Reader().read(second.content()).single().controlNumber())
                .as("the partner's next number").isEqualTo("000000002");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> asSystem(() -> wms.shipNotice(home,
                orderName, "", "08", "6113310072")))).as("the other brand has no such order")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Order(9)
    void aFileKeptButNeverAppliedIsAppliedByTheNextExchangeAndOneWhoseApplicationFailsIsQuarantinedWhole()
            throws Exception {
        superuser.sql("""
                INSERT INTO wms_file (id, wms_connection_id, direction, name, sha256, content, status, created_at)
                VALUES (gen_random_uuid(), :w, 'INBOUND', 'kept-before-a-crash.edi', 'x', :content, 'PENDING', now())""")
                .param("w", warehouse).param("content", x12(951, false, "AW", "947", "W15*20261127*ADJ-CRASH",
                        "N1*DE*APPAREL*91*APPAREL", "W19*55*7*EA**VN*TEE-PINK").getBytes()).update();
        Files.writeString(sftp.rootOf(sandboxUser()).resolve("from-wms").resolve("947-long.edi"), x12(952, false,
                "AW", "947", "W15*20261127*ADJ-LONG", "N1*DE*APPAREL*91*APPAREL", "W19*55*1*EA**VN*TEE-GREEN",
                "W19*55*1*EA**VN*" + "X".repeat(70)));

        exchange.exchange(warehouse);

        assertThat(superuser.sql("SELECT status FROM wms_file WHERE name = 'kept-before-a-crash.edi'")
                .query(String.class).single()).isEqualTo("APPLIED");
        assertThat(superuser.sql("SELECT on_hand FROM inventory_position WHERE tenant_id = :t AND master_sku = "
                + "'TEE-PINK'").param("t", apparel.value()).query(Integer.class).single()).isEqualTo(7);
        assertThat(superuser.sql("SELECT status || ': ' || problem FROM wms_file WHERE name = '947-long.edi'")
                .query(String.class).single()).startsWith("QUARANTINED: Could not be applied");
        assertThat(count("SELECT count(*) FROM inventory_adjustment WHERE tenant_id = :t AND adjustment_number = "
                + "'ADJ-LONG'", apparel)).as("its good line was rolled back with the bad one").isZero();
    }

    @Test
    @Order(10)
    void theSandboxWarehouseSendsMalformedFilesOnDemandWhichAreQuarantinedOrRejectedAndItsBehaviourIsASetting() {
        WmsConnectionView set = asSystem(() -> wms.setSandboxBehaviour(warehouse, "SHORT_SHIP", 15));
        assertThat(set.sandboxShipping()).isEqualTo("SHORT_SHIP");
        assertThat(set.sandboxHoldMinutes()).isEqualTo(15);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> asSystem(() -> wms.setSandboxBehaviour(
                warehouse, "SHIP_LATER", 0)))).isInstanceOf(WmsValidationException.class);

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> asSystem(() -> {
            wms.sendSandboxMalformed(apparel, "NOT_A_KIND");
            return null;
        }))).isInstanceOf(WmsValidationException.class);
        exchange.sandboxMalformed(warehouse, "APPAREL", "TEE-RED",
                com.crossdock.portal.warehouse.sandbox.WmsSimulator.Malformation.MISMATCHED_CONTROL_NUMBERS);
        exchange.sandboxMalformed(warehouse, "APPAREL", "TEE-RED",
                com.crossdock.portal.warehouse.sandbox.WmsSimulator.Malformation.FRACTIONAL_QUANTITY);

        exchange.exchange(warehouse);

        assertThat(superuser.sql("""
                SELECT status FROM wms_file WHERE name LIKE '846-APPAREL-malformed-%' ORDER BY name""")
                .query(String.class).list()).containsExactlyInAnyOrder("QUARANTINED", "APPLIED");
        assertThat(superuser.sql("""
                SELECT count(*) FROM integration_exception WHERE tenant_id = :t AND reason_code = 'WMS_DOCUMENT_UNUSABLE'
                AND message LIKE '%not whole eaches%'""").param("t", apparel.value()).query(Long.class).single())
                .as("half a unit on hand").isEqualTo(1);
    }

    /** An interchange from the sandbox warehouse with one transaction of the given segments. */
    private static String x12(int control, boolean ta1, String functionalId, String set, String... body) {
        StringBuilder x = new StringBuilder("ISA*00*          *00*          *ZZ*SANDBOXWMS     *ZZ*CROSSDOCK      "
                + "*261127*1200*U*00401*%09d*%s*T*>~".formatted(control, ta1 ? "1" : "0"));
        x.append("GS*").append(functionalId).append("*SANDBOXWMS*CROSSDOCK*20261127*1200*").append(control)
                .append("*X*004010~ST*").append(set).append("*0001~");
        for (String segment : body) {
            x.append(segment).append('~');
        }
        x.append("SE*").append(body.length + 2).append("*0001~GE*1*").append(control).append("~IEA*1*")
                .append("%09d".formatted(control)).append('~');
        return x.toString();
    }

    /** What the portal wrote for the warehouse and it has not taken yet. */
    private List<String> answers() throws java.io.IOException {
        try (var files = Files.list(sftp.rootOf(sandboxUser()).resolve("to-wms"))) {
            return files.filter(Files::isRegularFile).map(WmsExchangeIT::read).toList();
        }
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
