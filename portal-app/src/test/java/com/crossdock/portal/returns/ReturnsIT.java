package com.crossdock.portal.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.channel.sandbox.ShopifySandboxService;
import com.crossdock.portal.channel.sandbox.StoreSummary;
import com.crossdock.portal.channel.shopify.ShopifyWebhookSignature;
import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SignedInUser;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.receiving.InboundReceipt;
import com.crossdock.portal.receiving.InboundReceipts;
import com.crossdock.portal.receiving.InboundShipmentCommand;
import com.crossdock.portal.receiving.ReceivingService;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.sync.Flow;
import com.crossdock.portal.sync.FlowRuns;
import com.crossdock.portal.sync.FlowService;
import com.crossdock.portal.sync.OrderPipeline;
import com.crossdock.portal.sync.OrderStatus;
import com.crossdock.portal.sync.SyncService;
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
import com.crossdock.tenantconfig.truth.SystemKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Returns end to end against the Shopify sandbox over real HTTP and a real PostgreSQL: an order placed in the
 * sandbox shop is released, shipped and fulfilled; the buyer asks to return it; the returns/request webhook becomes
 * an RMA; the bench receives each unit by barcode or SKU, the units are held for inspection (hazmat always), one is
 * restocked, one disposed, one goes back to the vendor; the returns write-back refunds the shop once, restocking
 * only the restocked unit, and the RMA closes. Bad input is refused or queued as an exception with its reason, the
 * tenant's rules restock unopened units of listed SKUs, and stock by status counts each receipt once. A second
 * brand sees none of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReturnsIT {

    private static final String TEE_GTIN = "00012345678905";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, ReturnsIT.class);
        registry.add("crossdock.sync.schedule-flows", () -> "false");
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired ShopifySandboxService sandbox;
    @Autowired OrderPipeline pipeline;
    @Autowired FlowService flows;
    @Autowired SyncService sync;
    @Autowired ReturnsService returns;
    @Autowired ReceivingService receiving;
    @Autowired ApplicationContext context;
    @Autowired InboundReceipts receipts;
    @Autowired GovernanceService governance;

    final JdbcClient superuser = TestDatabases.superuser(ReturnsIT.class);
    TenantId apparel;
    TenantId home;
    UUID apparelStore;
    UUID homeStore;
    String orderName;
    UUID rmaId;

    @BeforeAll
    void twoTenantsWithCatalogsAndSandboxStores() {
        asSystem(() -> {
            apparel = tenants.create(new TenantCommand("Apparel", "APP", TenantStatus.ACTIVE, null, null)).id();
            home = tenants.create(new TenantCommand("Home", "HOME", TenantStatus.ACTIVE, null, null)).id();
            item(apparel, "TEE", TEE_GTIN, false);
            item(apparel, "BATTERY", null, true);
            item(apparel, "CAP", null, false);
            item(home, "MUG", null, false);
            apparelStore = connect(apparel, "apparel-returns");
            homeStore = connect(home, "home-returns");
            return null;
        });
    }

    @Test
    @Order(1)
    void aSandboxReturnBecomesAnRmaIsHeldForInspectionDispositionedAndTheStoreIsRefundedOnce() {
        orderName = placeAndShip(Map.of("TEE", 2, "BATTERY", 1));

        asSystem(() -> sandbox.requestReturn(apparel, apparelStore, orderName));
        RmaSummary expected = await().atMost(Duration.ofSeconds(20))
                .until(() -> asSystem(() -> returns.queue(apparel, RmaStatus.EXPECTED)), list -> !list.isEmpty())
                .getFirst();
        rmaId = expected.id();
        RmaView rma = asSystem(() -> returns.rma(apparel, rmaId));
        assertThat(rma.source()).isEqualTo("CHANNEL");
        assertThat(rma.orderName()).isEqualTo(orderName);
        assertThat(rma.channelSignal()).isEqualTo("WAITING");
        assertThat(rma.lines()).extracting(RmaView.Line::sku, RmaView.Line::expected)
                .containsExactlyInAnyOrder(tuple("TEE", 2), tuple("BATTERY", 1));
        assertThat(rma.lines()).allSatisfy(line -> assertThat(line.reason()).isNotBlank());

        // the bench: one unit at a time, by barcode (a 13-digit EAN of the GTIN) or SKU
        ScanResult first = asSystem(() -> returns.receiveUnit(apparel, rmaId, TEE_GTIN.substring(1),
                UnitCondition.UNOPENED));
        assertThat(first.sku()).isEqualTo("TEE");
        assertThat(first.disposition()).as("TEE has no auto-restock rule").isNull();
        assertThat(first.rma().status()).isEqualTo(RmaStatus.RECEIVED);
        ScanResult second = asSystem(() -> returns.receiveUnit(apparel, rmaId, "tee", UnitCondition.DAMAGED));
        ScanResult battery = asSystem(() -> returns.receiveUnit(apparel, rmaId, "BATTERY", UnitCondition.UNOPENED));
        assertThat(battery.disposition()).isNull();
        assertThat(battery.message()).contains("hazmat");
        assertThat(battery.rma().status()).isEqualTo(RmaStatus.ON_HOLD);
        assertThat(battery.rma().heldUnits()).isEqualTo(3);
        assertThat(stock(apparel)).extracting(StockByStatus::sku, StockByStatus::onHold)
                .contains(tuple("TEE", 2), tuple("BATTERY", 1));

        asSystem(() -> returns.disposition(apparel, first.unitId(), Disposition.RESTOCK_AVAILABLE, "sealed"));
        asSystem(() -> returns.disposition(apparel, second.unitId(), Disposition.DISPOSE, "torn seam"));
        assertThat(asSystem(() -> returns.rma(apparel, rmaId)).status()).as("one unit still held")
                .isEqualTo(RmaStatus.ON_HOLD);
        assertThat(storeSummary().refunds()).as("the store hears nothing before every unit is decided").isEmpty();
        RmaView decided = asSystem(() -> returns.disposition(apparel, battery.unitId(),
                Disposition.RETURN_TO_VENDOR, "swollen cell"));
        assertThat(decided.status()).isEqualTo(RmaStatus.DISPOSITIONED);
        assertThat(decided.channelSignal()).isEqualTo("QUEUED");

        assertThat(FlowRuns.runNow(context, apparel, apparelStore, Flow.RETURNS_WRITEBACK)).isPresent();
        assertThat(asSystem(() -> returns.rma(apparel, rmaId)).status()).isEqualTo(RmaStatus.CLOSED);
        assertThat(storeSummary().refunds()).singleElement().satisfies(refund -> {
            assertThat(refund.orderName()).isEqualTo(orderName);
            assertThat(refund.units()).isEqualTo(3);
            assertThat(refund.restockedUnits()).as("only the unit back in sellable stock").isEqualTo(1);
            assertThat(refund.note()).contains(decided.number());
        });
        RmaView closed = asSystem(() -> returns.rma(apparel, rmaId));
        assertThat(closed.channelSignal()).isEqualTo("TOLD");
        assertThat(closed.channelRefund()).startsWith("gid://shopify/Refund/");

        // as if the answer had been lost: the signal goes again with its key, and the shop refunds once
        superuser.sql("UPDATE return_signal SET status = 'POSTING' WHERE rma_id = :rma").param("rma", rmaId).update();
        FlowRuns.runNow(context, apparel, apparelStore, Flow.RETURNS_WRITEBACK);
        FlowRuns.runNow(context, apparel, apparelStore, Flow.RETURNS_WRITEBACK);
        assertThat(storeSummary().refunds()).as("refunded once").hasSize(1);
        assertThat(superuser.sql("SELECT status, attempts FROM return_signal WHERE rma_id = :rma").param("rma", rmaId)
                .query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2)).single()).isEqualTo("POSTED/2");
        assertThat(stock(apparel)).extracting(StockByStatus::sku, StockByStatus::available, StockByStatus::onHold,
                StockByStatus::quarantine).contains(tuple("TEE", 1, 0, 0), tuple("BATTERY", 0, 0, 1));
        UUID order = asSystem(() -> sync.orders(apparel, 10)).stream()
                .filter(summary -> summary.orderName().equals(orderName)).findFirst().orElseThrow().id();
        assertThat(asSystem(() -> sync.journey(apparel, order))).extracting(step -> step.step())
                .contains("RETURN_REQUESTED", "RETURN_DISPOSITIONED", "RETURN_REFUNDED");
    }

    @Test
    @Order(2)
    void aSecondDispositionOfAUnitIsRefusedAndQueuedAsAnException() {
        RmaView.Unit restocked = asSystem(() -> returns.rma(apparel, rmaId)).units().stream()
                .filter(unit -> unit.disposition() == Disposition.RESTOCK_AVAILABLE).findFirst().orElseThrow();
        assertThatThrownBy(() -> asSystem(() -> returns.disposition(apparel, restocked.id(), Disposition.DISPOSE,
                null))).isInstanceOf(ReturnsValidationException.class).hasMessageContaining("closed");
        superuser.sql("UPDATE rma SET status = 'DISPOSITIONED' WHERE id = :id").param("id", rmaId).update();
        try {
            assertThatThrownBy(() -> asSystem(() -> returns.disposition(apparel, restocked.id(), Disposition.DISPOSE,
                    null))).isInstanceOf(ReturnsValidationException.class)
                    .hasMessageContaining("dispositioned already");
        } finally {
            superuser.sql("UPDATE rma SET status = 'CLOSED' WHERE id = :id").param("id", rmaId).update();
        }
        assertThat(openExceptions(apparel)).contains("RETURN_ALREADY_DISPOSITIONED");
        assertThat(asSystem(() -> returns.rma(apparel, rmaId)).units()).filteredOn(unit -> unit.id().equals(
                restocked.id())).singleElement().extracting(RmaView.Unit::disposition)
                .isEqualTo(Disposition.RESTOCK_AVAILABLE);
    }

    @Test
    @Order(3)
    void returnsOfAnUnknownOrderOrItemOrAbsurdQuantityBecomeExceptionsWithTheirPayloadAndNoRma() {
        String knownOrder = superuser.sql("SELECT channel_order_id FROM sales_order WHERE tenant_id = :t")
                .param("t", apparel.value()).query(String.class).list().getFirst();
        int before = asSystem(() -> returns.queue(apparel, null)).size();

        deliverReturn(apparel, apparelStore, "9001", "777777", "11", 1);
        deliverReturn(apparel, apparelStore, "9002", knownOrder, "424242", 1);
        String knownLine = superuser.sql("""
                SELECT l.channel_line_id FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id
                WHERE o.tenant_id = :t AND o.channel_order_id = :o ORDER BY l.line_no LIMIT 1""")
                .param("t", apparel.value()).param("o", knownOrder).query(String.class).single();
        deliverReturn(apparel, apparelStore, "9003", knownOrder, knownLine, 99_999);

        assertThat(openExceptions(apparel)).contains("RETURN_UNKNOWN_ORDER", "RETURN_UNKNOWN_ITEM",
                "RETURN_BAD_QUANTITY");
        assertThat(superuser.sql("""
                SELECT raw_payload FROM integration_exception WHERE tenant_id = :t AND reason_code = 'RETURN_UNKNOWN_ORDER'""")
                .param("t", apparel.value()).query(String.class).single()).contains("777777");
        assertThat(asSystem(() -> returns.queue(apparel, null))).as("nothing half-written").hasSize(before);
        assertThat(openExceptions(home)).isEmpty();

        // the order comes in after all: a retry of the kept return makes its RMA and closes the exception
        byte[] order = """
                {"id": 777777, "name": "#7777", "created_at": "2026-11-27T10:00:00Z",
                 "updated_at": "2026-11-27T10:00:00Z", "currency": "USD", "financial_status": "paid",
                 "shipping_address": {"name": "A B", "address1": "1 Main St", "city": "Louisville",
                                      "province_code": "KY", "zip": "40202", "country_code": "US"},
                 "line_items": [{"id": 11, "sku": "TEE", "variant_id": 5, "title": "Tee", "quantity": 1,
                                 "fulfillable_quantity": 1}]}""".getBytes(StandardCharsets.UTF_8);
        var placed = pipeline.receiveShopifyWebhook(apparel, apparelStore, "orders/create", "order-777777",
                ShopifyWebhookSignature.sign(order, "whsec-apparel-returns"), "", order, "127.0.0.1");
        pipeline.process(apparel, Objects.requireNonNull(placed.inboxId()));
        // the webhook's own processing thread may be the one that stores it: wait for the order, then retry
        await().atMost(Duration.ofSeconds(20)).until(() -> superuser.sql("""
                SELECT count(*) FROM sales_order WHERE tenant_id = :t AND channel_order_id = '777777'""")
                .param("t", apparel.value()).query(Long.class).single() == 1);
        UUID unknownOrder = superuser.sql("""
                SELECT id FROM integration_exception WHERE tenant_id = :t AND reason_code = 'RETURN_UNKNOWN_ORDER'""")
                .param("t", apparel.value()).query(UUID.class).single();
        assertThat(asSystem(() -> sync.retryException(apparel, unknownOrder))).isTrue();
        // by its order, not by a count: the store's own flows may bring other returns meanwhile
        await().atMost(Duration.ofSeconds(20)).until(() -> asSystem(() -> returns.queue(apparel, null)).stream()
                .anyMatch(rma -> "#7777".equals(rma.orderName())));
        assertThat(openExceptions(apparel)).doesNotContain("RETURN_UNKNOWN_ORDER")
                .contains("RETURN_UNKNOWN_ITEM", "RETURN_BAD_QUANTITY");
    }

    @Test
    @Order(4)
    void theBenchAndTheFormRefuseWhatCannotBeWithAClearReason() {
        assertThatThrownBy(() -> asSystem(() -> returns.create(apparel, new RmaCommand("#9999", null,
                List.of(new RmaCommand.Line("TEE", 1, "UNWANTED"))))))
                .isInstanceOfSatisfying(ReturnsValidationException.class, refused ->
                        assertThat(refused.fieldErrors()).containsKey("orderName"));
        assertThatThrownBy(() -> asSystem(() -> returns.create(apparel, new RmaCommand("", null,
                List.of(new RmaCommand.Line("TEE", 5000, ""))))))
                .isInstanceOfSatisfying(ReturnsValidationException.class, refused ->
                        assertThat(refused.fieldErrors().get("lines")).contains("1 to 1000"));
        assertThatThrownBy(() -> asSystem(() -> returns.create(apparel, new RmaCommand("", null,
                List.of(new RmaCommand.Line("MUG", 1, ""))))))
                .as("the other brand's SKU").isInstanceOfSatisfying(ReturnsValidationException.class, refused ->
                        assertThat(refused.fieldErrors().get("lines")).contains("MUG"));

        RmaView manual = asSystem(() -> returns.create(apparel, new RmaCommand(orderName, "customer e-mail",
                List.of(new RmaCommand.Line("tee", 1, "UNWANTED")))));
        assertThat(manual.channelSignal()).isEqualTo("NONE");
        assertThat(manual.lines()).extracting(RmaView.Line::sku).containsExactly("TEE");
        assertThatThrownBy(() -> asSystem(() -> returns.receiveUnit(apparel, manual.id(), "0000000000000",
                UnitCondition.OPENED))).isInstanceOf(ReturnsValidationException.class)
                .hasMessageContaining("no barcode or SKU");
        assertThatThrownBy(() -> asSystem(() -> returns.receiveUnit(apparel, manual.id(), "CAP",
                UnitCondition.OPENED))).hasMessageContaining("not on this RMA");
        asSystem(() -> returns.receiveUnit(apparel, manual.id(), "TEE", UnitCondition.OPENED));
        assertThatThrownBy(() -> asSystem(() -> returns.receiveUnit(apparel, manual.id(), "TEE",
                UnitCondition.OPENED))).hasMessageContaining("in already");
        assertThatThrownBy(() -> asSystem(() -> returns.receiveUnit(home, manual.id(), "TEE",
                UnitCondition.OPENED))).as("another brand's RMA").isInstanceOf(ReturnsValidationException.class);
        assertThatThrownBy(() -> returns.queue(apparel, null)).as("method security")
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @Order(5)
    void unopenedUnitsOfListedSkusRestockAtOnceButHazmatIsAlwaysInspected() {
        ReturnSettings saved = asSystem(() -> returns.saveSettings(apparel, new ReturnSettings(true,
                List.of("cap", "BATTERY"))));
        assertThat(saved.autoRestockSkus()).containsExactly("BATTERY", "CAP");
        assertThatThrownBy(() -> asSystem(() -> returns.saveSettings(apparel, new ReturnSettings(true,
                List.of("MUG"))))).isInstanceOf(ReturnsValidationException.class);

        RmaView rma = asSystem(() -> returns.create(apparel, new RmaCommand("", null, List.of(
                new RmaCommand.Line("CAP", 2, ""), new RmaCommand.Line("BATTERY", 1, "")))));
        ScanResult unopened = asSystem(() -> returns.receiveUnit(apparel, rma.id(), "CAP", UnitCondition.UNOPENED));
        assertThat(unopened.disposition()).isEqualTo(Disposition.RESTOCK_AVAILABLE);
        assertThat(unopened.message()).contains("auto-restock");
        ScanResult opened = asSystem(() -> returns.receiveUnit(apparel, rma.id(), "CAP", UnitCondition.OPENED));
        assertThat(opened.disposition()).isNull();
        ScanResult hazmat = asSystem(() -> returns.receiveUnit(apparel, rma.id(), "BATTERY",
                UnitCondition.UNOPENED));
        assertThat(hazmat.disposition()).as("hazmat is inspected whatever the list says").isNull();

        asSystem(() -> returns.disposition(apparel, opened.unitId(), Disposition.RESTOCK_B_GRADE, ""));
        RmaView decided = asSystem(() -> returns.disposition(apparel, hazmat.unitId(), Disposition.DISPOSE, ""));
        assertThat(decided.status()).isEqualTo(RmaStatus.DISPOSITIONED);
        assertThat(asSystem(() -> returns.close(apparel, rma.id())).status()).isEqualTo(RmaStatus.CLOSED);
        assertThat(stock(apparel)).extracting(StockByStatus::sku, StockByStatus::available, StockByStatus::bGrade)
                .contains(tuple("CAP", 1, 1));
    }

    @Test
    @Order(6)
    void stockByStatusCountsA944OnceWhenItArrivesTwice() {
        var shipment = asSystem(() -> receiving.create(apparel, new InboundShipmentCommand("PO-R1", "",
                LocalDate.of(2026, 12, 1), List.of(new InboundShipmentCommand.Line("CAP", 10)))));
        asSystem(() -> receiving.sendToWarehouse(apparel, shipment.id()));
        InboundReceipt receipt = new InboundReceipt("944-R1", true, List.of(new InboundReceipt.Line("CAP", 10, 2)));
        int capBefore = stock(apparel).stream().filter(row -> row.sku().equals("CAP")).findFirst().orElseThrow()
                .available();

        assertThat(asSystem(() -> receipts.applyReceipt(apparel, "PO-R1", receipt)))
                .isEqualTo(InboundReceipts.ReceiptOutcome.APPLIED);
        List<StockByStatus> once = stock(apparel);
        assertThat(asSystem(() -> receipts.applyReceipt(apparel, "PO-R1", receipt)))
                .isEqualTo(InboundReceipts.ReceiptOutcome.ALREADY_APPLIED);

        assertThat(stock(apparel)).isEqualTo(once);
        assertThat(once).filteredOn(row -> row.sku().equals("CAP")).singleElement().satisfies(row -> {
            assertThat(row.available()).isEqualTo(capBefore + 8);
            assertThat(row.damaged()).isEqualTo(2);
        });
    }

    @Test
    @Order(7)
    void theOtherBrandSeesNoneOfIt() {
        assertThat(asSystem(() -> returns.queue(home, null))).isEmpty();
        assertThat(stock(home)).isEmpty();
        assertThat(asSystem(() -> returns.settings(home)).autoRestockSkus()).isEmpty();
        assertThatThrownBy(() -> asSystem(() -> returns.rma(home, rmaId)))
                .isInstanceOf(ReturnsValidationException.class);
        assertThat(asSystem(() -> returns.find(home, "RMA-000001"))).isEmpty();
        assertThat(asSystem(() -> sandbox.storeSummary(home, homeStore)).refunds()).isEmpty();
    }

    @Test
    @Order(8)
    void aReturnedVirtualBundleIsExpectedAsItsComponentsAndRefundedAsOneBundleOnceAllCameBack() {
        asSystem(() -> catalog.saveBundle(apparel, null, new BundleDefinition(Sku.of("DUO"), BundleKind.VIRTUAL,
                List.of(new BundleDefinition.Component(Sku.of("TEE"), 1),
                        new BundleDefinition.Component(Sku.of("CAP"), 2))), 0));
        String bundleOrder = placeAndShip(Map.of("DUO", 1));
        int before = asSystem(() -> returns.queue(apparel, null)).size();

        asSystem(() -> sandbox.requestReturn(apparel, apparelStore, bundleOrder));
        RmaView rma = await().atMost(Duration.ofSeconds(20)).until(() -> asSystem(() -> returns.find(apparel,
                bundleOrder)), found -> found.isPresent() && found.get().source().equals("CHANNEL")).orElseThrow();
        assertThat(asSystem(() -> returns.queue(apparel, null))).hasSize(before + 1);
        assertThat(rma.lines()).extracting(RmaView.Line::sku, RmaView.Line::expected)
                .containsExactlyInAnyOrder(tuple("TEE", 1), tuple("CAP", 2));

        for (String sku : List.of("TEE", "CAP", "CAP")) {
            ScanResult scanned = asSystem(() -> returns.receiveUnit(apparel, rma.id(), sku, UnitCondition.OPENED));
            asSystem(() -> returns.disposition(apparel, scanned.unitId(), Disposition.RESTOCK_AVAILABLE, null));
        }
        assertThat(asSystem(() -> returns.rma(apparel, rma.id())).channelSignal()).isEqualTo("QUEUED");
        FlowRuns.runNow(context, apparel, apparelStore, Flow.RETURNS_WRITEBACK);

        assertThat(storeSummary().refunds()).filteredOn(refund -> refund.orderName().equals(bundleOrder))
                .singleElement().satisfies(refund -> {
                    assertThat(refund.units()).as("one bundle, as the store sold it").isEqualTo(1);
                    assertThat(refund.restockedUnits()).isEqualTo(1);
                });
        assertThat(asSystem(() -> returns.rma(apparel, rma.id())).status()).isEqualTo(RmaStatus.CLOSED);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** Places an order in the sandbox shop, delivers it to the pipeline, ships it and waits for its fulfillment. */
    private String placeAndShip(Map<String, Integer> skus) {
        var placed = asSystem(() -> sandbox.placeOrder(apparel, apparelStore, skus, false, Instant.now()));
        var outcome = pipeline.receiveShopifyWebhook(apparel, apparelStore, "orders/create",
                "order-" + placed.orderName(), ShopifyWebhookSignature.sign(placed.webhookBody(),
                        "whsec-apparel-returns"), "", placed.webhookBody(), "127.0.0.1");
        pipeline.process(apparel, Objects.requireNonNull(outcome.inboxId()));
        await().atMost(Duration.ofSeconds(20)).until(() -> asSystem(() -> sync.orders(apparel, 10)).stream()
                .anyMatch(order -> order.orderName().equals(placed.orderName())
                        && order.status() == OrderStatus.RELEASED));
        asSystem(() -> flows.shipInSandbox(apparel));
        await().atMost(Duration.ofSeconds(30)).until(() -> storeSummary().orders().stream()
                .anyMatch(order -> order.name().equals(placed.orderName())
                        && order.lines().stream().allMatch(line -> line.remaining() == 0)));
        return placed.orderName();
    }

    private void deliverReturn(TenantId tenant, UUID store, String returnId, String orderId, String lineId,
            int quantity) {
        byte[] body = """
                {"id": %s, "admin_graphql_api_id": "gid://shopify/Return/%s", "status": "requested",
                 "order": {"id": %s, "admin_graphql_api_id": "gid://shopify/Order/%s"},
                 "return_line_items": [{"id": 1, "quantity": %d, "return_reason": "defective",
                   "fulfillment_line_item": {"id": 5, "line_item": {"id": %s}}}]}"""
                .formatted(returnId, returnId, orderId, orderId, quantity, lineId)
                .getBytes(StandardCharsets.UTF_8);
        var outcome = pipeline.receiveShopifyWebhook(tenant, store, "returns/request", "return-" + returnId,
                ShopifyWebhookSignature.sign(body, "whsec-apparel-returns"), "", body, "127.0.0.1");
        pipeline.process(tenant, Objects.requireNonNull(outcome.inboxId()));
        await().atMost(Duration.ofSeconds(20)).until(() -> superuser.sql("""
                SELECT count(*) FROM channel_inbox WHERE id = :id AND processed_at IS NOT NULL""")
                .param("id", outcome.inboxId()).query(Long.class).single() == 1);
    }

    private List<String> openExceptions(TenantId tenant) {
        return superuser.sql("""
                SELECT reason_code FROM integration_exception WHERE tenant_id = :t AND status = 'OPEN'""")
                .param("t", tenant.value()).query(String.class).list();
    }

    private List<StockByStatus> stock(TenantId tenant) {
        return asSystem(() -> returns.stockByStatus(tenant));
    }

    private StoreSummary storeSummary() {
        return asSystem(() -> sandbox.storeSummary(apparel, apparelStore));
    }

    private void item(TenantId tenant, String sku, String gtin, boolean hazmat) {
        catalog.save(tenant, null, new ItemCommand(sku, sku, ItemStatus.ACTIVE, false, false, false, hazmat,
                List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, gtin)), List.<AliasLine>of()), 0);
    }

    private UUID connect(TenantId tenant, String shop) {
        return channels.connectShopify(tenant, new ShopifyConnectionCommand(shop, shop + ".myshopify.com",
                "2026-07", ChannelMode.SANDBOX, "shpat_" + shop.replace('-', '_') + "_0123456789", "whsec-" + shop))
                .id();
    }

    @Test
    @Order(9)
    void dispositionsAreDecidedOnlyByTheOwnerOfReturnsDisposition() {
        assertThat(asSystem(() -> governance.owner(apparel, DataType.RETURNS_DISPOSITION)))
                .as("Crossdock's bench by default").isEqualTo(SystemKind.PORTAL);
        long version = asSystem(() -> governance.matrix(apparel)).version();
        asSystem(() -> governance.changeOwner(apparel, DataType.RETURNS_DISPOSITION, SystemKind.WMS, version));
        RmaView rma = asSystem(() -> returns.create(apparel, new RmaCommand("", null, List.of(
                new RmaCommand.Line("CAP", 2, "")))));
        ScanResult opened = asSystem(() -> returns.receiveUnit(apparel, rma.id(), "CAP", UnitCondition.OPENED));
        SignedInUser brandUser = new SignedInUser(UUID.randomUUID(), "ops@apparel", "Apparel ops",
                Set.of(Role.BRAND_USER), apparel);
        assertThatThrownBy(() -> as(brandUser, () -> returns.disposition(apparel, opened.unitId(),
                Disposition.RESTOCK_AVAILABLE, ""))).isInstanceOfSatisfying(ReturnsValidationException.class,
                refused -> assertThat(refused.fieldErrors().get("unit"))
                        .startsWith("The warehouse (3PL) owns returns disposition"));
        assertThat(as(brandUser, () -> returns.dispositionRefusal(apparel))).isPresent();
        asSystem(() -> returns.disposition(apparel, opened.unitId(), Disposition.RESTOCK_AVAILABLE, "3PL decides"));

        long next = asSystem(() -> governance.matrix(apparel)).version();
        asSystem(() -> governance.changeOwner(apparel, DataType.RETURNS_DISPOSITION, SystemKind.ERP, next));
        ScanResult unopened = asSystem(() -> returns.receiveUnit(apparel, rma.id(), "CAP", UnitCondition.UNOPENED));
        assertThat(unopened.disposition()).as("CAP is on the auto-restock list, but the ERP decides").isNull();
        assertThat(unopened.message()).contains("held for the decision of the owner of returns disposition");
        assertThatThrownBy(() -> asSystem(() -> returns.disposition(apparel, unopened.unitId(), Disposition.DISPOSE,
                ""))).isInstanceOfSatisfying(ReturnsValidationException.class, refused -> assertThat(
                        refused.fieldErrors().get("unit")).startsWith("The brand's ERP owns returns disposition"));
        SignedInUser erp = new SignedInUser(UUID.randomUUID(), "api:erp", "ERP (API)", Set.of(Role.BRAND_USER),
                apparel);
        RmaView decided = as(erp, () -> returns.disposition(apparel, unopened.unitId(), Disposition.RESTOCK_B_GRADE,
                "ERP's decision"));
        assertThat(decided.status()).isEqualTo(RmaStatus.DISPOSITIONED);
        assertThat(asSystem(() -> governance.owner(home, DataType.RETURNS_DISPOSITION)))
                .as("the other brand keeps its own owner").isEqualTo(SystemKind.PORTAL);
        assertThatThrownBy(() -> as(brandUser, () -> returns.rma(home, rma.id())))
                .as("and the brand's people cannot reach it")
                .isInstanceOf(com.crossdock.portal.tenancy.NoSuchTenantException.class);
    }

    /** Runs {@code work} as {@code user}, signed in the way a Keycloak sign-in or an API key makes a principal. */
    private static <T> T as(SignedInUser user, Supplier<T> work) {
        CurrentUser.SignedInPrincipal principal = () -> user;
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                user.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static <T> T asSystem(Supplier<T> work) {
        return SystemActor.call("test", work);
    }
}
