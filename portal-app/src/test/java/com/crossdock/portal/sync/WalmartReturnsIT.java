package com.crossdock.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.WalmartConnectionCommand;
import com.crossdock.portal.channel.sandbox.WalmartSandboxService;
import com.crossdock.portal.channel.sandbox.WalmartSandboxStore.Fault;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.Refund;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.returns.Disposition;
import com.crossdock.portal.returns.ReturnsService;
import com.crossdock.portal.returns.RmaStatus;
import com.crossdock.portal.returns.RmaSummary;
import com.crossdock.portal.returns.RmaView;
import com.crossdock.portal.returns.UnitCondition;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Walmart returns as RMAs and their refunds back to Walmart: orders imported from the portal's own Walmart sandbox
 * over HTTP are shipped and told to Walmart, buyers return them, the returns import makes an RMA per return on the
 * right order (Walmart SKUs resolved through the catalog), a redelivered return makes no second one and an unusable
 * one is an exception with its raw JSON; the bench decides every unit and the returns write-back refunds each line's
 * charge and tax for the units that came back, once; a refund Walmart refuses is an exception with Walmart's reason.
 * Real HTTP, real PostgreSQL, two tenants: the other sees nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WalmartReturnsIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, WalmartReturnsIT.class);
        registry.add("crossdock.sync.schedule-flows", () -> "false");
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired WalmartSandboxService sandbox;
    @Autowired SandboxWarehouse warehouse;
    @Autowired Flows flows;
    @Autowired SyncService sync;
    @Autowired OrderPipeline pipeline;
    @Autowired ReturnsService returns;

    final JdbcClient superuser = TestDatabases.superuser(WalmartReturnsIT.class);

    @Test
    void walmartReturnsBecomeRmasAndTheirRefundsReachWalmartOnceAndTheOtherTenantSeesNothing() {
        TenantId apparel = tenant("Apparel", "APP");
        TenantId home = tenant("Home", "HOME");
        UUID seller = asSystem(() -> {
            for (int i = 0; i < 4; i++) {
                catalog.save(apparel, null, new ItemCommand("TEE-" + i, "Tee " + i, ItemStatus.ACTIVE, false, false,
                        false, false, List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                        List.of(new AliasLine(AliasKind.WALMART_SKU, "WM-TEE-" + i))), 0);
            }
            channels.connectWalmart(home, command("20002000"));
            return channels.connectWalmart(apparel, command("10001000")).id();
        });
        assertThat(superuser.sql("SELECT flow FROM channel_flow WHERE connection_id = :c").param("c", seller)
                .query(String.class).list()).as("a Walmart connection imports returns and writes refunds back")
                .contains("RETURNS_IMPORT", "RETURNS_WRITEBACK");

        // three purchase orders imported, shipped by the warehouse and told to Walmart
        List<String> placed = asSystem(() -> sandbox.placeOrders(apparel, seller, 3));
        assertThat(run(apparel, seller, Flow.ORDER_IMPORT).outcome()).isEqualTo("OK");
        warehouse.shipReleased(apparel, 100);
        assertThat(run(apparel, seller, Flow.FULFILLMENT_WRITEBACK).outcome()).isEqualTo("OK");

        // two buyers return what they got; a return Walmart sends that Crossdock cannot read comes with them
        String first = placed.get(0);
        String second = placed.get(1);
        String firstReturn = asSystem(() -> sandbox.requestReturn(apparel, seller, first, "DOES_NOT_FIT"));
        asSystem(() -> sandbox.requestReturn(apparel, seller, second, "DAMAGED_ITEM"));
        asSystem(() -> {
            sandbox.inject(apparel, seller, Fault.MALFORMED_RETURN, 1);
            sandbox.inject(apparel, seller, Fault.THROTTLE, 1);
            return null;
        });
        // the second order's lines no longer name Walmart's line numbers: its return resolves by the Walmart SKUs
        superuser.sql("""
                UPDATE sales_order_line SET channel_line_id = 'renamed-' || channel_line_id WHERE tenant_id = :t
                AND order_id = (SELECT id FROM sales_order WHERE tenant_id = :t AND channel_order_id = :po)""")
                .param("t", apparel.value()).param("po", second).update();
        Run imported = run(apparel, seller, Flow.RETURNS_IMPORT);
        assertThat(imported.in()).isEqualTo(3);
        assertThat(imported.out()).isEqualTo(3);
        assertThat(imported.failed()).isEqualTo(1);
        assertThat(imported.outcome()).isEqualTo("PARTIAL");

        List<RmaSummary> queue = asSystem(() -> returns.queue(apparel, null));
        assertThat(queue).hasSize(2).allSatisfy(rma -> {
            assertThat(rma.status()).isEqualTo(RmaStatus.EXPECTED);
            assertThat(rma.source()).isEqualTo("CHANNEL");
            assertThat(rma.channel()).as("the queue shows the channel").isEqualTo("Walmart");
            assertThat(rma.channelSignal()).isEqualTo("WAITING");
        });
        assertThat(queue).extracting(RmaSummary::orderName).containsExactlyInAnyOrder(first, second);
        RmaSummary firstRma = queue.stream().filter(rma -> rma.orderName().equals(first)).findFirst().orElseThrow();
        RmaSummary secondRma = queue.stream().filter(rma -> rma.orderName().equals(second)).findFirst().orElseThrow();
        assertThat(superuser.sql("""
                SELECT r.order_id = o.id FROM rma r JOIN sales_order o ON o.tenant_id = r.tenant_id
                    AND o.channel_order_id = r.channel_order_id AND o.connection_id = r.connection_id
                WHERE r.id = :rma""").param("rma", firstRma.id()).query(Boolean.class).single())
                .as("the RMA is on the Walmart order Crossdock imported").isTrue();
        Map<String, Integer> ordered = orderedUnits(apparel, first);
        RmaView expected = asSystem(() -> returns.rma(apparel, firstRma.id()));
        assertThat(expected.note()).contains("Walmart return " + firstReturn);
        assertThat(expected.lines()).as("Walmart SKUs resolved to master SKUs, every shipped unit expected")
                .allSatisfy(line -> assertThat(line.expected()).isEqualTo(ordered.get(line.sku())))
                .hasSize(ordered.size());

        Map<String, Integer> secondOrdered = orderedUnits(apparel, second);
        assertThat(asSystem(() -> returns.rma(apparel, secondRma.id())).lines())
                .as("a line found by its Walmart SKU alias, not its order line").hasSize(secondOrdered.size())
                .allSatisfy(line -> assertThat(line.expected()).isEqualTo(secondOrdered.get(line.sku())));

        List<IntegrationException> open = asSystem(() -> sync.openExceptions(apparel));
        assertThat(open).singleElement().satisfies(exception -> {
            assertThat(exception.flow()).isEqualTo("RETURNS_IMPORT");
            assertThat(exception.reasonCode()).isEqualTo("MISSING_FIELD");
            assertThat(exception.message()).contains("$.returnOrderLines[0].item");
            assertThat(exception.subject()).contains("Walmart return");
            assertThat(exception.rawPayload()).as("the raw return is kept").contains("\"two\"");
        });

        // the same returns again (a later poll) and one delivered a second time: no second RMA
        assertThat(run(apparel, seller, Flow.RETURNS_IMPORT).out()).as("unchanged returns are not kept again").isZero();
        superuser.sql("""
                INSERT INTO channel_inbox (tenant_id, id, connection_id, source, topic, dedup_key, payload, received_at)
                SELECT tenant_id, gen_random_uuid(), connection_id, 'POLL', topic, dedup_key || ':again', payload, now()
                FROM channel_inbox WHERE tenant_id = :t AND topic = 'returns/walmart' AND payload LIKE :id""")
                .param("t", apparel.value()).param("id", "%" + firstReturn + "%").update();
        pipeline.processPending(apparel);
        assertThat(asSystem(() -> returns.queue(apparel, null))).as("a redelivered return makes no second RMA")
                .hasSize(2);

        // the bench decides every unit of the first return; Walmart hears nothing before the last
        decideEveryUnit(apparel, firstRma.id(), true);
        RmaView decided = asSystem(() -> returns.rma(apparel, firstRma.id()));
        assertThat(decided.status()).isEqualTo(RmaStatus.DISPOSITIONED);
        assertThat(decided.channelSignal()).isEqualTo("QUEUED");
        assertThat(summary(apparel, seller).refunds()).isEmpty();

        Run writeback = run(apparel, seller, Flow.RETURNS_WRITEBACK);
        assertThat(writeback.outcome()).isEqualTo("OK");
        assertThat(writeback.out()).isEqualTo(1);
        List<Refund> refunds = summary(apparel, seller).refunds();
        assertThat(refunds).singleElement().satisfies(refund -> {
            assertThat(refund.purchaseOrderId()).isEqualTo(first);
            assertThat(refund.comments()).isEqualTo("crossdock-rma-" + firstRma.id());
            Map<String, Integer> units = lineUnits(apparel, first);
            assertThat(refund.lines()).as("a line per order line with its units' charge and tax").hasSize(units.size())
                    .allSatisfy(line -> {
                        assertThat(line.amount()).isEqualByComparingTo(new BigDecimal("-19.99")
                                .multiply(BigDecimal.valueOf(units.get(line.lineNumber()))));
                        assertThat(line.tax()).isEqualByComparingTo("-1.60");
                        assertThat(line.currency()).isEqualTo("USD");
                    });
        });
        RmaView told = asSystem(() -> returns.rma(apparel, firstRma.id()));
        assertThat(told.status()).isEqualTo(RmaStatus.CLOSED);
        assertThat(told.channelSignal()).isEqualTo("TOLD");
        assertThat(run(apparel, seller, Flow.RETURNS_WRITEBACK).out()).as("refunded once").isZero();
        Run refundedReturn = run(apparel, seller, Flow.RETURNS_IMPORT);
        assertThat(refundedReturn.out()).as("Walmart shows the refund on the return: a new version").isEqualTo(1);
        assertThat(asSystem(() -> returns.queue(apparel, null))).as("still one RMA per return").hasSize(2);
        assertThat(asSystem(() -> returns.rma(apparel, firstRma.id())).status()).isEqualTo(RmaStatus.CLOSED);

        // a run that lost Walmart's answer: the signal is still POSTING, the refund is found on the order, not sent
        superuser.sql("UPDATE return_signal SET status = 'POSTING' WHERE tenant_id = :t AND rma_id = :rma")
                .param("t", apparel.value()).param("rma", firstRma.id()).update();
        assertThat(run(apparel, seller, Flow.RETURNS_WRITEBACK).out()).isEqualTo(1);
        assertThat(summary(apparel, seller).refunds()).as("Walmart refunds once").hasSize(1);

        // the seller refunded the second order by hand in Seller Center: Walmart refuses Crossdock's refund
        asSystem(() -> {
            sandbox.refundInSellerCenter(apparel, seller, second);
            return null;
        });
        decideEveryUnit(apparel, secondRma.id(), false);
        Run refused = run(apparel, seller, Flow.RETURNS_WRITEBACK);
        assertThat(refused.outcome()).isEqualTo("PARTIAL");
        assertThat(refused.failed()).isEqualTo(1);
        assertThat(asSystem(() -> sync.openExceptions(apparel))).filteredOn(exception -> exception.reasonCode()
                .equals("RETURN_REFUND_REFUSED")).singleElement().satisfies(exception -> {
                    assertThat(exception.message()).contains("Walmart refused the refund of " + secondRma.number())
                            .contains("left of its charge").contains("Seller Center");
                    assertThat(exception.subject()).isEqualTo(secondRma.number());
                });
        assertThat(superuser.sql("SELECT status FROM return_signal WHERE tenant_id = :t AND rma_id = :rma")
                .param("t", apparel.value()).param("rma", secondRma.id()).query(String.class).single())
                .isEqualTo("FAILED");
        assertThat(summary(apparel, seller).refunds()).as("the refused refund was not taken").hasSize(1);

        // the other tenant: no RMA, no return, no exception, and apparel's RMA is not found from there
        assertThat(asSystem(() -> returns.queue(home, null))).isEmpty();
        assertThat(superuser.sql("SELECT count(*) FROM rma WHERE tenant_id = :t").param("t", home.value())
                .query(Long.class).single()).isZero();
        assertThat(superuser.sql("SELECT count(*) FROM channel_return WHERE tenant_id = :t").param("t", home.value())
                .query(Long.class).single()).isZero();
        assertThat(asSystem(() -> sync.openExceptions(home))).isEmpty();
        assertThatThrownBy(() -> asSystem(() -> returns.rma(home, firstRma.id())))
                .as("another tenant's RMA is not found").isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> asSystem(() -> sandbox.requestReturn(home, seller, first, "DOES_NOT_FIT")))
                .as("another tenant's seller is not found").isInstanceOf(RuntimeException.class);
        UUID homeSeller = superuser.sql("SELECT connection_id FROM walmart_connection WHERE tenant_id = :t")
                .param("t", home.value()).query(UUID.class).single();
        assertThat(summary(home, homeSeller).returns()).isZero();
    }

    /** Receives every expected unit at the bench and decides each: restocked, or the first disposed. */
    private void decideEveryUnit(TenantId tenant, UUID rmaId, boolean disposeFirst) {
        RmaView rma = asSystem(() -> returns.rma(tenant, rmaId));
        for (RmaView.Line line : rma.lines()) {
            for (int i = 0; i < line.expected(); i++) {
                asSystem(() -> returns.receiveUnit(tenant, rmaId, line.sku().toLowerCase(java.util.Locale.ROOT),
                        UnitCondition.OPENED));
            }
        }
        List<RmaView.Unit> units = asSystem(() -> returns.rma(tenant, rmaId)).units();
        for (int i = 0; i < units.size(); i++) {
            Disposition disposition = disposeFirst && i == 0 ? Disposition.DISPOSE : Disposition.RESTOCK_AVAILABLE;
            UUID unit = units.get(i).id();
            asSystem(() -> returns.disposition(tenant, unit, disposition, null));
        }
    }

    private Map<String, Integer> orderedUnits(TenantId tenant, String purchaseOrder) {
        return superuser.sql("""
                SELECT l.master_sku, sum(l.quantity) FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id
                WHERE o.tenant_id = :t AND o.channel_order_id = :po GROUP BY l.master_sku""")
                .param("t", tenant.value()).param("po", purchaseOrder)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<String, Integer> lineUnits(TenantId tenant, String purchaseOrder) {
        return superuser.sql("""
                SELECT l.channel_line_id, sum(l.quantity)
                FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id
                WHERE o.tenant_id = :t AND o.channel_order_id = :po GROUP BY l.channel_line_id""")
                .param("t", tenant.value()).param("po", purchaseOrder)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static WalmartConnectionCommand command(String seller) {
        return new WalmartConnectionCommand("Walmart US", seller, List.of("10001"), ChannelMode.SANDBOX, null, null);
    }

    private WalmartSandboxService.Summary summary(TenantId tenant, UUID seller) {
        return asSystem(() -> sandbox.summary(tenant, seller));
    }

    record Run(String outcome, int in, int out, int failed) {
    }

    private Run run(TenantId tenant, UUID connection, Flow flow) {
        UUID id = flows.run(tenant, connection, flow, new Flows.Firing(java.time.Instant.now(), "test", false))
                .orElseThrow();
        return superuser.sql("SELECT outcome, records_in, records_out, records_failed FROM flow_run WHERE id = :id")
                .param("id", id).query((rs, n) -> new Run(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .single();
    }

    private static <T> T asSystem(Supplier<T> work) {
        return SystemActor.call("test", work);
    }

    private TenantId tenant(String name, String code) {
        return asSystem(() -> tenants.create(new TenantCommand(name, code, TenantStatus.ACTIVE, null, null)).id());
    }
}
