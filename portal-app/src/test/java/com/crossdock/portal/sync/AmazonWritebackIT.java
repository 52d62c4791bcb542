package com.crossdock.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.Finding;
import com.crossdock.portal.channel.amazon.AmazonPrepDetails;
import com.crossdock.tenantconfig.prep.PrepAttributes;
import com.crossdock.tenantconfig.prep.PrepCategory;
import com.crossdock.tenantconfig.prep.PrepOwner;
import com.crossdock.tenantconfig.prep.PrepType;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.AmazonConnectionCommand;
import com.crossdock.portal.channel.AmazonRegion;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.sandbox.AmazonSandboxService;
import com.crossdock.portal.channel.sandbox.AmazonSandboxStore.ConfirmedPackage;
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
 * The Amazon connector's way back: sandbox Amazon orders imported, shipped by the sandbox warehouse and confirmed to
 * the Amazon sandbox with {@code confirmShipment} (one package per carton, the Amazon order item ids, the tracking
 * numbers), over real HTTP with real PostgreSQL. Two tenants: the other's sandbox account sees nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class AmazonWritebackIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, AmazonWritebackIT.class);
        registry.add("crossdock.sync.schedule-flows", () -> "false");
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired AmazonSandboxService sandbox;
    @Autowired SandboxWarehouse warehouse;
    @Autowired Flows flows;
    @Autowired SyncService sync;
    @Autowired com.crossdock.portal.channel.AmazonPrepService prep;

    final JdbcClient superuser = TestDatabases.superuser(AmazonWritebackIT.class);
    TenantId apparel;
    TenantId home;
    UUID apparelAccount;
    UUID homeAccount;

    @BeforeAll
    void twoTenantsWithSellerSkusAndSandboxAccounts() {
        asSystem(() -> {
            apparel = tenant("Apparel", "APP");
            home = tenant("Home", "HOME");
            for (int i = 0; i < 3; i++) {
                item(apparel, "TEE-" + i, "AMZ-TEE-" + i);
            }
            item(home, "MUG", "AMZ-MUG");
            apparelAccount = channels.connectAmazon(apparel, command("A1APPARELSELL1")).id();
            homeAccount = channels.connectAmazon(home, command("A1HOMESELLER01")).id();
            return null;
        });
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void shippedCartonsAreConfirmedToAmazonAsPackagesWithTheirTrackingNumbers() {
        // ten orders of one to three SKUs: some go in two cartons (the chance that none does is below 1 in 19,000)
        List<String> placed = asSystem(() -> sandbox.placeOrders(apparel, apparelAccount, 10, 0));
        assertThat(run(apparel, apparelAccount, Flow.ORDER_IMPORT).outcome()).isEqualTo("OK");
        SandboxWarehouse.Shipped shipped = warehouse.shipReleased(apparel, 100);
        assertThat(shipped.orders()).isEqualTo(10);
        // one order's line no longer names an item Amazon has: Amazon refuses that package
        String refusedOrder = placed.getLast();
        superuser.sql("""
                UPDATE sales_order_line SET channel_line_id = '99999999999999'
                WHERE order_id = (SELECT id FROM sales_order WHERE tenant_id = :t AND channel_order_id = :o)""")
                .param("t", apparel.value()).param("o", refusedOrder).update();
        asSystem(() -> {
            sandbox.inject(apparel, apparelAccount, Fault.SERVER_ERROR, 1);
            sandbox.inject(apparel, apparelAccount, Fault.THROTTLE, 1);
            return null;
        });

        Run writeback = run(apparel, apparelAccount, Flow.FULFILLMENT_WRITEBACK);

        assertThat(writeback.outcome()).as("one order refused").isEqualTo("PARTIAL");
        assertThat(writeback.in()).isEqualTo(shipped.cartons());
        assertThat(writeback.failed()).as("the refused order's carton completing its lines").isEqualTo(1);
        List<ConfirmedPackage> packages = asSystem(() -> sandbox.confirmedPackages(apparel, apparelAccount));
        List<String> tracking = superuser.sql("""
                SELECT s.tracking_numbers FROM shipment s JOIN sales_order o ON o.id = s.order_id
                WHERE s.tenant_id = :t AND o.channel_order_id <> :o""").param("t", apparel.value())
                .param("o", refusedOrder).query(String.class).list();
        assertThat(packages).extracting(ConfirmedPackage::trackingNumber).containsExactlyInAnyOrderElementsOf(tracking);
        assertThat(packages).allSatisfy(parcel -> {
            assertThat(parcel.carrierCode()).isEqualTo("UPS");
            assertThat(parcel.items()).allSatisfy((item, units) -> assertThat(item).matches("\\d{14}"));
        });
        assertThat(packages).filteredOn(parcel -> parcel.packageReferenceId().equals("2"))
                .as("a split shipment is several packages").isNotEmpty();
        for (String order : placed.subList(0, 9)) {
            assertThat(asSystem(() -> sandbox.orderStatus(apparel, apparelAccount, order))).contains("Shipped");
        }
        assertThat(asSystem(() -> sandbox.orderStatus(apparel, apparelAccount, refusedOrder))).contains("Unshipped");
        assertThat(asSystem(() -> sync.openExceptions(apparel))).filteredOn(exception -> exception.flow()
                .equals("FULFILLMENT_WRITEBACK")).isNotEmpty().allSatisfy(exception -> {
            assertThat(exception.reasonCode()).isEqualTo("FULFILLMENT_REFUSED");
            assertThat(exception.message()).contains("99999999999999");
        });
        assertThat(superuser.sql("""
                SELECT raw_payload FROM integration_exception WHERE tenant_id = :t AND reason_code = 'FULFILLMENT_REFUSED'""")
                .param("t", apparel.value()).query(String.class).list())
                .allSatisfy(raw -> assertThat(raw).contains("\"packageDetail\"").contains("99999999999999"));
        assertThat(run(apparel, apparelAccount, Flow.FULFILLMENT_WRITEBACK).in()).as("each carton posted once")
                .isZero();

        assertThat(asSystem(() -> sandbox.confirmedPackages(home, homeAccount))).isEmpty();
        assertThat(run(home, homeAccount, Flow.FULFILLMENT_WRITEBACK).in()).isZero();
        assertThat(asSystem(() -> sync.openExceptions(home))).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void warehouseStockReachesAmazonThroughAListingsFeedReadBackAcrossRuns() {
        warehouse.reportStock(apparel);
        asSystem(() -> {
            sandbox.rejectInFeeds(apparel, apparelAccount, "AMZ-TEE-1",
                    "'[batteries_required]' is required but not supplied.");
            sandbox.inject(apparel, apparelAccount, Fault.THROTTLE, 1);
            return null;
        });

        Run submitted = run(apparel, apparelAccount, Flow.INVENTORY_PUSH);
        assertThat(submitted.outcome()).isEqualTo("OK");
        assertThat(submitted.in()).isEqualTo(3);
        assertThat(message(apparel)).startsWith("Feed ").contains("sent with 3 seller SKU(s)");
        assertThat(asSystem(() -> sandbox.feedCount(apparel, apparelAccount))).isEqualTo(1);
        assertThat(run(apparel, apparelAccount, Flow.INVENTORY_PUSH).out()).isZero();
        assertThat(message(apparel)).as("a run does not wait for Amazon").contains("IN_PROGRESS");

        Run done = run(apparel, apparelAccount, Flow.INVENTORY_PUSH);

        assertThat(done.outcome()).isEqualTo("PARTIAL");
        assertThat(done.out()).isEqualTo(2);
        assertThat(done.failed()).isEqualTo(1);
        java.util.Map<String, Integer> expected = new java.util.TreeMap<>();
        for (String sku : List.of("TEE-0", "TEE-2")) {
            expected.put("AMZ-" + sku, Math.floorMod(sku.hashCode(), 121));
        }
        assertThat(asSystem(() -> sandbox.mfnQuantities(apparel, apparelAccount))).isEqualTo(expected);
        assertThat(asSystem(() -> sync.openExceptions(apparel))).filteredOn(e -> e.reasonCode()
                .equals("INVENTORY_REFUSED")).singleElement().satisfies(exception -> {
                    assertThat(exception.subject()).contains("AMZ-TEE-1");
                    assertThat(exception.message()).contains("90220").contains("batteries_required");
                });
        assertThat(superuser.sql("""
                SELECT raw_payload FROM integration_exception WHERE tenant_id = :t AND reason_code = 'INVENTORY_REFUSED'""")
                .param("t", apparel.value()).query(String.class).single()).startsWith("[").contains("\"sku\":\"AMZ-TEE-1\"");
        assertThat(superuser.sql("""
                SELECT channel_sku || '=' || pushed_quantity FROM channel_inventory WHERE tenant_id = :t ORDER BY 1""")
                .param("t", apparel.value()).query(String.class).list())
                .containsExactly("AMZ-TEE-0=" + expected.get("AMZ-TEE-0"), "AMZ-TEE-2=" + expected.get("AMZ-TEE-2"));

        // the refused SKU goes again in the next feed, which Amazon cannot process at all
        asSystem(() -> {
            sandbox.inject(apparel, apparelAccount, Fault.FEED_FATAL, 1);
            return null;
        });
        assertThat(run(apparel, apparelAccount, Flow.INVENTORY_PUSH).in()).as("only what was not accepted").isOne();
        run(apparel, apparelAccount, Flow.INVENTORY_PUSH);
        Run fatal = run(apparel, apparelAccount, Flow.INVENTORY_PUSH);
        assertThat(fatal.outcome()).isEqualTo("FAILED");
        assertThat(asSystem(() -> sync.openExceptions(apparel))).filteredOn(e -> e.reasonCode().equals("FEED_FATAL"))
                .singleElement().satisfies(e -> assertThat(e.message()).contains("FATAL"));
        assertThat(superuser.sql("SELECT status FROM amazon_feed WHERE tenant_id = :t ORDER BY submitted_at")
                .param("t", apparel.value()).query(String.class).list()).containsExactly("DONE", "FATAL");

        assertThat(run(home, homeAccount, Flow.INVENTORY_PUSH).out()).isZero();
        assertThat(asSystem(() -> sandbox.feedCount(home, homeAccount))).isZero();
        assertThat(superuser.sql("SELECT count(*) FROM amazon_feed WHERE tenant_id = :t").param("t", home.value())
                .query(Long.class).single()).isZero();
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void prepDifferencesWithAmazonShowInDataQualityAndOursCanBeSent() {
        asSystem(() -> {
            catalog.save(home, null, new ItemCommand("MUG-FBA", "Mug for FBA", ItemStatus.ACTIVE, false, false, false,
                    false, List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                    List.of(new AliasLine(AliasKind.AMAZON_MSKU, "AMZ-MUG-FBA"),
                            new AliasLine(AliasKind.AMAZON_FNSKU, "X00MUGFBA1")),
                    new PrepAttributes(PrepCategory.TEXTILE, java.util.Set.of(PrepType.ITEM_LABELING,
                            PrepType.ITEM_POLYBAGGING), PrepOwner.SELLER, PrepOwner.SELLER)), 0);
            catalog.save(home, null, new ItemCommand("MUG-NEW", "New mug", ItemStatus.ACTIVE, false, false, false,
                    false, List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                    List.of(new AliasLine(AliasKind.AMAZON_MSKU, "AMZ-MUG-NEW"),
                            new AliasLine(AliasKind.AMAZON_FNSKU, "X00MUGNEW1"))), 0);
            sandbox.setAmazonPrep(home, homeAccount, new AmazonPrepDetails.Msku("AMZ-MUG-FBA", "FRAGILE",
                    java.util.Set.of("ITEM_LABELING", "ITEM_BUBBLEWRAP"), "AMAZON_ONLY", null, "MUST_MATCH"));
            // the access token expires and the next call is throttled: the comparison gets a new token and waits
            sandbox.inject(home, homeAccount, Fault.EXPIRE_TOKEN, 1);
            sandbox.inject(home, homeAccount, Fault.THROTTLE, 1);
            return null;
        });

        var comparison = asSystem(() -> prep.compare(home, homeAccount));

        assertThat(comparison.compared()).isEqualTo(2);
        assertThat(comparison.differing()).isEqualTo(2);
        assertThat(asSystem(() -> catalog.findings(home))).filteredOn(f -> f.kind() == Finding.Kind.AMAZON_PREP_MISMATCH)
                .extracting(Finding::problem).containsExactlyInAnyOrder(
                        "MUG-FBA (FBA): seller SKU AMZ-MUG-FBA: prep category is TEXTILE here, FRAGILE at Amazon; "
                                + "seller SKU AMZ-MUG-FBA: prep owner is SELLER here, AMAZON_ONLY at Amazon; "
                                + "seller SKU AMZ-MUG-FBA: prep types is ITEM_LABELING, ITEM_POLYBAGGING here, "
                                + "ITEM_BUBBLEWRAP, ITEM_LABELING at Amazon",
                        "MUG-NEW (FBA): seller SKU AMZ-MUG-NEW: prep category is (none) here, UNKNOWN at Amazon");

        var sent = asSystem(() -> prep.sendOurs(home, homeAccount));

        assertThat(sent.sent()).isOne();
        assertThat(sent.heldBack()).singleElement().asString().startsWith("AMZ-MUG-NEW (MUG-NEW)")
                .contains("no prep category");
        assertThat(asSystem(() -> sandbox.amazonPrep(home, homeAccount, "AMZ-MUG-FBA"))).satisfies(amazon -> {
            assertThat(amazon.prepCategory()).isEqualTo("TEXTILE");
            assertThat(amazon.prepTypes()).containsExactlyInAnyOrder("ITEM_LABELING", "ITEM_POLYBAGGING");
        });
        asSystem(() -> prep.compare(home, homeAccount));
        assertThat(superuser.sql("SELECT msku || ' ' || field FROM amazon_prep_mismatch WHERE tenant_id = :t ORDER BY 1")
                .param("t", home.value()).query(String.class).list())
                .as("Amazon still wants to prep it itself; the new mug still has no category")
                .containsExactly("AMZ-MUG-FBA PREP_OWNER", "AMZ-MUG-NEW PREP_CATEGORY");

        // an FBA-bound transfer of the prepared mug: the 940's lines carry the prep and labelling work
        var fc = new com.crossdock.portal.order.Address("Amazon.com Services LLC", "FBA ONT8", "24300 Nandina Ave",
                null, "Moreno Valley", "CA", "92551", "US", null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> asSystem(() -> sync.submitFbaTransfer(home,
                homeAccount, "FBA15MUG0001", fc, List.of(new ManualOrderCommand.Line("MUG-FBA", 24),
                        new ManualOrderCommand.Line("MUG-NEW", 6), new ManualOrderCommand.Line("MUG", 1)))))
                .isInstanceOfSatisfying(OrderValidationException.class, refused -> {
                    assertThat(refused.fieldErrors()).containsOnlyKeys("lines[1].sku", "lines[2].sku");
                    assertThat(refused.fieldErrors().get("lines[1].sku")).contains("no prep category");
                    assertThat(refused.fieldErrors().get("lines[2].sku")).contains("not FBA-bound");
                });
        OrderState transfer = asSystem(() -> sync.submitFbaTransfer(home, null, "FBA15MUG0001", fc,
                List.of(new ManualOrderCommand.Line("MUG-FBA", 24))));
        assertThat(transfer.status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(transfer.connectionId()).as("the brand's Amazon connection").isEqualTo(homeAccount);
        assertThat(transfer.orderName()).isEqualTo("FBA-FBA15MUG0001");
        assertThat(superuser.sql("SELECT payload FROM wms_outbox WHERE tenant_id = :t").param("t", home.value())
                .query(String.class).single()).contains("ITEM_LABELING,ITEM_POLYBAGGING").contains("FBA ONT8")
                .containsPattern("\"sellerLabels\"\\s*:\\s*true");

        assertThat(asSystem(() -> catalog.findings(apparel))).noneMatch(f -> f.kind() == Finding.Kind.AMAZON_PREP_MISMATCH);
        assertThat(superuser.sql("SELECT count(*) FROM amazon_prep_mismatch WHERE tenant_id = :t")
                .param("t", apparel.value()).query(Long.class).single()).isZero();
        assertThat(asSystem(() -> prep.compare(apparel, apparelAccount)).compared())
                .as("apparel has no FBA-bound items").isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> asSystem(() -> prep.compare(apparel, homeAccount)))
                .as("another tenant's connection is not found").isInstanceOf(RuntimeException.class);
    }

    @Test
    @org.junit.jupiter.api.Order(10)
    void aBuyersCancelRequestNotifiedByAmazonStopsTheOrderInTheWarehouse() {
        List<String> placed = asSystem(() -> sandbox.placeOrders(apparel, apparelAccount, 2, 0));
        assertThat(run(apparel, apparelAccount, Flow.ORDER_IMPORT).outcome()).isEqualTo("OK");
        asSystem(() -> {
            sandbox.requestCancel(apparel, apparelAccount, placed.getFirst(), "Found cheaper somewhere else.");
            return null;
        });

        Run run = run(apparel, apparelAccount, Flow.ORDER_IMPORT);

        assertThat(run.outcome()).isEqualTo("OK");
        assertThat(status(apparel, placed.getFirst())).isEqualTo("CANCELED");
        assertThat(status(apparel, placed.get(1))).as("the other order goes on").isEqualTo("RELEASED");
        assertThat(superuser.sql("""
                SELECT count(*) FROM wms_outbox w JOIN sales_order o ON o.id = w.order_id
                WHERE w.tenant_id = :t AND w.kind = 'CANCEL' AND o.channel_order_id = :o""")
                .param("t", apparel.value()).param("o", placed.getFirst()).query(Long.class).single()).isOne();
        assertThat(run(apparel, apparelAccount, Flow.ORDER_IMPORT).out()).as("read once").isZero();
        assertThat(status(apparel, placed.getFirst())).isEqualTo("CANCELED");
        assertThat(superuser.sql("SELECT count(*) FROM wms_outbox WHERE tenant_id = :t AND kind = 'CANCEL'")
                .param("t", home.value()).query(Long.class).single()).isZero();
    }

    @Test
    @org.junit.jupiter.api.Order(11)
    void aConnectionThatOptsInReadsOrdersWithTheOrdersApiOf2026() {
        var switched = asSystem(() -> channels.useAmazonOrdersApi(apparel, apparelAccount, "2026-01-01"));
        assertThat(switched.apiVersion()).isEqualTo("2026-01-01");
        List<String> placed = asSystem(() -> sandbox.placeOrders(apparel, apparelAccount, 2, 1));

        Run run = run(apparel, apparelAccount, Flow.ORDER_IMPORT);

        assertThat(run.outcome()).isEqualTo("OK");
        assertThat(status(apparel, placed.get(0))).isEqualTo("RELEASED");
        assertThat(status(apparel, placed.get(1))).isEqualTo("RELEASED");
        assertThat(superuser.sql("""
                SELECT outcome || ' ' || note FROM channel_inbox
                WHERE tenant_id = :t AND payload LIKE :id AND payload LIKE '%"order2026"%'""")
                .param("t", apparel.value()).param("id", "%" + placed.get(2) + "%").query(String.class).single())
                .as("the FBA order, read with searchOrders").startsWith("IGNORED").contains("fulfilledBy AMAZON");
        assertThat(superuser.sql("""
                SELECT count(*) FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id
                WHERE o.tenant_id = :t AND o.channel_order_id IN (:ids) AND l.master_sku LIKE 'TEE-%'
                  AND l.channel_line_id ~ '^[0-9]{14}$'""")
                .param("t", apparel.value()).param("ids", placed.subList(0, 2)).query(Long.class).single())
                .as("seller SKUs resolved, Amazon order item ids kept").isPositive();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> asSystem(() -> channels.useAmazonOrdersApi(apparel,
                apparelAccount, "2025-01-01"))).isInstanceOf(com.crossdock.portal.channel.ChannelValidationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> asSystem(() -> channels.useAmazonOrdersApi(home,
                apparelAccount, "v0"))).as("another tenant's connection").isInstanceOf(RuntimeException.class);
    }

    @Test
    @org.junit.jupiter.api.Order(12)
    void aQuantityAmazonChangedItselfIsSetRightByTheNextInventoryPush() {
        int ours = Math.floorMod("TEE-0".hashCode(), 121);
        assertThat(superuser.sql("""
                SELECT pushed_quantity FROM channel_inventory WHERE tenant_id = :t AND channel_sku = 'AMZ-TEE-0'""")
                .param("t", apparel.value()).query(Integer.class).single()).as("pushed by the feed test").isEqualTo(ours);
        asSystem(() -> {
            sandbox.changeMfnQuantity(apparel, apparelAccount, "AMZ-TEE-0", ours + 5);
            return null;
        });

        run(apparel, apparelAccount, Flow.ORDER_IMPORT);

        assertThat(superuser.sql("""
                SELECT pushed_quantity FROM channel_inventory WHERE tenant_id = :t AND channel_sku = 'AMZ-TEE-0'""")
                .param("t", apparel.value()).query(Integer.class).single()).as("what Amazon shows now").isEqualTo(ours + 5);
        int feeds = asSystem(() -> sandbox.feedCount(apparel, apparelAccount));
        Run submitted = run(apparel, apparelAccount, Flow.INVENTORY_PUSH);
        assertThat(message(apparel)).contains("sent with");
        assertThat(asSystem(() -> sandbox.feedCount(apparel, apparelAccount))).isEqualTo(feeds + 1);
        assertThat(submitted.in()).as("AMZ-TEE-0, and AMZ-TEE-1 still refused").isEqualTo(2);
        run(apparel, apparelAccount, Flow.INVENTORY_PUSH);
        run(apparel, apparelAccount, Flow.INVENTORY_PUSH);
        assertThat(asSystem(() -> sandbox.mfnQuantities(apparel, apparelAccount))).containsEntry("AMZ-TEE-0", ours);
    }

    private String status(TenantId tenant, String amazonOrderId) {
        return superuser.sql("SELECT status FROM sales_order WHERE tenant_id = :t AND channel_order_id = :o")
                .param("t", tenant.value()).param("o", amazonOrderId).query(String.class).single();
    }

    private String message(TenantId tenant) {
        return superuser.sql("SELECT message FROM flow_run WHERE tenant_id = :t ORDER BY started_at DESC LIMIT 1")
                .param("t", tenant.value()).query(String.class).single();
    }

    record Run(String outcome, int in, int out, int failed) {
    }

    Run run(TenantId tenant, UUID connection, Flow flow) {
        UUID id = flows.run(tenant, connection, flow, new Flows.Firing(java.time.Instant.now(), "test", false))
                .orElseThrow();
        return superuser.sql("SELECT outcome, records_in, records_out, records_failed FROM flow_run WHERE id = :id")
                .param("id", id).query((rs, n) -> new Run(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .single();
    }

    private void item(TenantId tenant, String sku, String msku) {
        catalog.save(tenant, null, new ItemCommand(sku, "Item " + sku, ItemStatus.ACTIVE, false, false, false, false,
                List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                List.of(new AliasLine(AliasKind.AMAZON_MSKU, msku))), 0);
    }

    private TenantId tenant(String name, String code) {
        return tenants.create(new TenantCommand(name, code, TenantStatus.ACTIVE, null, null)).id();
    }

    private static AmazonConnectionCommand command(String seller) {
        return new AmazonConnectionCommand("Amazon US", seller, List.of("ATVPDKIKX0DER"), AmazonRegion.NA,
                ChannelMode.SANDBOX, null, null, null);
    }

    private static <T> T asSystem(Supplier<T> action) {
        return SystemActor.call("test", action::get);
    }
}
