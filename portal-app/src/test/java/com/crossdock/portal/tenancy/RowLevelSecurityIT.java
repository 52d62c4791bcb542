package com.crossdock.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.catalog.workbook.CatalogWorkbookService;
import com.crossdock.portal.catalog.workbook.ImportProgress;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.channel.shopify.ShopifyWebhookSignature;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.RowLevelSecurityAudit;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.sync.OrderPipeline;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.BundleDefinition;
import com.crossdock.tenantconfig.catalog.BundleKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database's own layer of isolation: through the application's role, with tenant A set, no tenant-owned
 * table shows or accepts tenant B's rows; and the audit notices when one table loses its policy.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, RowLevelSecurityIT.class);
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired CatalogWorkbookService workbooks;
    @Autowired ChannelService channels;
    @Autowired OrderPipeline pipeline;
    @Autowired com.crossdock.portal.sync.WarehouseFeedback warehouse;
    @Autowired com.crossdock.portal.warehouse.WmsService wms;
    @Autowired com.crossdock.portal.receiving.ReceivingService receiving;
    @Autowired com.crossdock.portal.receiving.InboundReceipts receipts;
    @Autowired com.crossdock.portal.returns.ReturnsService returns;
    @Autowired com.crossdock.portal.governance.GovernanceService governance;
    @Autowired com.crossdock.portal.sync.FlowService flows;
    @Autowired DataSource applicationDataSource;
    @Autowired com.crossdock.portal.sync.WarehouseFeedback warehouseFeedback;

    final JdbcClient superuser = TestDatabases.superuser(RowLevelSecurityIT.class);
    TenantId apparel;
    TenantId home;

    @BeforeAll
    void seedEveryTenantOwnedTableForTwoTenants() {
        SystemActor.call("test", () -> {
            apparel = tenants.create(new TenantCommand("Apparel Co", "APP", TenantStatus.ACTIVE, null, null)).id();
            home = tenants.create(new TenantCommand("Home Co", "HOME", TenantStatus.ACTIVE, null, null)).id();
            for (TenantId tenant : List.of(apparel, home)) {
                catalog.save(tenant, null, new ItemCommand("SKU-" + tenant, "Item", ItemStatus.ACTIVE, false, false,
                        false, false, List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                        List.of(new AliasLine(AliasKind.WALMART_SKU, "W-" + tenant))), 0);
                catalog.saveBundle(tenant, null, new BundleDefinition(Sku.of("SET-" + tenant), BundleKind.VIRTUAL,
                        List.of(new BundleDefinition.Component(Sku.of("SKU-" + tenant), 2))), 0);
                stageAnImportWithAProblem(tenant);
                receiveOrdersThroughAShopifyConnection(tenant);
                anAmazonConnection(tenant);
                aWalmartConnection(tenant);
            }
            accountsAndDocumentsAtOneWarehouse();
            List.of(apparel, home).forEach(this::anInboundShipmentReceivedShort);
            List.of(apparel, home).forEach(this::aReturnInspectedAndSignalled);
            List.of(apparel, home).forEach(this::anApiClientWithAnIdempotentAnswer);
            List.of(apparel, home).forEach(this::anAlertRuleThatFiredAndADriftDay);
            List.of(apparel, home).forEach(this::anOwnerAndAShipMethodMapping);
            List.of(apparel, home).forEach(this::exceptionOwnersAndAGoLiveWithAShadowDifference);
            List.of(apparel, home).forEach(this::aRateBucketAndAnAlertWebhookKey);
            List.of(apparel, home).forEach(this::aSignedUatRunOfACustomScenario);
            return null;
        });
    }

    /** Fills amazon_connection (a sandbox Amazon seller account), amazon_feed and amazon_prep_mismatch. */
    private void anAmazonConnection(TenantId tenant) {
        java.util.UUID account = channels.connectAmazon(tenant, new com.crossdock.portal.channel.AmazonConnectionCommand("Amazon US",
                "A" + tenant.value().toString().replace("-", "").substring(0, 12).toUpperCase(java.util.Locale.ROOT),
                List.of("ATVPDKIKX0DER"), com.crossdock.portal.channel.AmazonRegion.NA, ChannelMode.SANDBOX, null,
                null, null)).id();
        superuser.sql("""
                INSERT INTO amazon_feed (tenant_id, id, connection_id, feed_type, feed_id, document_id, quantities,
                                         status, submitted_at)
                VALUES (:t, gen_random_uuid(), :c, 'JSON_LISTINGS_FEED', '1', 'doc', '{}', 'IN_QUEUE', now())""")
                .param("t", tenant.value()).param("c", account).update();
        superuser.sql("""
                INSERT INTO amazon_prep_mismatch (tenant_id, id, connection_id, msku, master_sku, field, ours, amazons,
                                                  compared_at)
                VALUES (:t, gen_random_uuid(), :c, 'MSKU', 'SKU', 'PREP_OWNER', 'SELLER', 'AMAZON', now())""")
                .param("t", tenant.value()).param("c", account).update();
    }

    /** Fills walmart_connection: a sandbox Walmart seller. */
    private void aWalmartConnection(TenantId tenant) {
        channels.connectWalmart(tenant, new com.crossdock.portal.channel.WalmartConnectionCommand("Walmart US",
                String.valueOf(Math.abs(tenant.value().getMostSignificantBits() % 1_000_000_000L) + 1000),
                List.of("10001"), ChannelMode.SANDBOX, null, null));
    }

    /** Fills catalog_import, catalog_import_row and catalog_import_problem: one good row, one bad. */
    private void stageAnImportWithAProblem(TenantId tenant) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("items", ".csv");
            java.nio.file.Files.writeString(file, "SKU,Description,Status\nNEW-" + tenant + ",New,ACTIVE\nBAD,Bad,NO\n");
            workbooks.upload(tenant, file, "items.csv", ImportProgress.NONE);
            java.nio.file.Files.delete(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Fills the channel and order tables: a connection, inbox entries, a released order (lines, journey, outbox),
     * an order held for an unknown SKU (exception) and a webhook with a bad signature (security event).
     */
    private void receiveOrdersThroughAShopifyConnection(TenantId tenant) {
        String secret = "secret-" + tenant;
        java.util.UUID connection = channels.connectShopify(tenant, new ShopifyConnectionCommand("Store",
                "store-" + tenant.value().toString().substring(0, 8) + ".myshopify.com", "2026-07",
                ChannelMode.SANDBOX, "shpat_0123456789abcdef", secret)).id();
        String released = """
                {"id": 1, "name": "#1", "created_at": "2026-11-27T10:00:00Z", "updated_at": "2026-11-27T10:00:00Z",
                 "currency": "USD", "financial_status": "paid",
                 "shipping_address": {"name": "A B", "address1": "1 Main St", "city": "Louisville",
                                      "province_code": "KY", "zip": "40202", "country_code": "US"},
                 "line_items": [{"id": 11, "sku": "SKU-%s", "variant_id": 5, "title": "Item", "quantity": 1,
                                 "fulfillable_quantity": 1}]}""".formatted(tenant);
        String unknown = released.replace("\"id\": 1,", "\"id\": 2,").replace("SKU-" + tenant, "NOT-IN-CATALOG");
        for (String body : List.of(released, unknown)) {
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var outcome = pipeline.receiveShopifyWebhook(tenant, connection, "orders/create", null,
                    ShopifyWebhookSignature.sign(bytes, secret), "", bytes, "127.0.0.1");
            pipeline.process(tenant, java.util.Objects.requireNonNull(outcome.inboxId()));
        }
        pipeline.receiveShopifyWebhook(tenant, connection, "orders/create", "bad", "AAAA", "", new byte[] {'{', '}'},
                "127.0.0.1");
        // the warehouse ships the released order and reports stock; the store's stock mark and a refund
        // the webhook's own background task may hold the entry while the call above skips it: wait for the order
        java.util.UUID releasedOrder = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> warehouse.orderOf(tenant, connection, "1"), java.util.Optional::isPresent).orElseThrow();
        assertThat(warehouse.recordShipment(tenant, releasedOrder, new com.crossdock.portal.sync.ShipmentNotice(
                "SHIP-1", "UPS", "Ground", List.of("1Z999"), java.time.Instant.now(),
                List.of(new com.crossdock.portal.sync.ShipmentNotice.Line("SKU-" + tenant, 1))))).isTrue();
        warehouse.recordInventory(tenant, List.of(new com.crossdock.portal.sync.InventoryPosition("SKU-" + tenant, 5,
                4)), "TEST", java.time.Instant.now());
        superuser.sql("""
                INSERT INTO channel_inventory (tenant_id, id, connection_id, channel_sku, inventory_item_id)
                VALUES (:t, gen_random_uuid(), :c, :sku, 'gid://shopify/InventoryItem/1')""")
                .param("t", tenant.value()).param("c", connection).param("sku", "SKU-" + tenant).update();
        superuser.sql("""
                INSERT INTO channel_return (tenant_id, id, connection_id, order_id, channel_order_id, kind, channel_ref,
                                            status, channel_at, received_at)
                VALUES (:t, gen_random_uuid(), :c, :o, '1', 'REFUND', 'R1', 'SUCCESS', now(), now())""")
                .param("t", tenant.value()).param("c", connection).param("o", releasedOrder).update();
        // a flow and one of its runs (the poll itself needs a running server; ShopifyOrderPollIT runs it for real)
        superuser.sql("""
                INSERT INTO channel_flow (tenant_id, id, connection_id, flow, interval_seconds, read_up_to)
                VALUES (:t, gen_random_uuid(), :c, 'ORDER_IMPORT', 300, now())
                ON CONFLICT (tenant_id, connection_id, flow) DO NOTHING""")
                .param("t", tenant.value()).param("c", connection).update();
        superuser.sql("""
                INSERT INTO flow_run (tenant_id, id, connection_id, flow, started_at, finished_at, records_in,
                                      records_out, records_failed, outcome)
                VALUES (:t, gen_random_uuid(), :c, 'ORDER_IMPORT', now(), now(), 1, 1, 0, 'OK')""")
                .param("t", tenant.value()).param("c", connection).update();
    }

    /**
     * Fills api_client, api_idempotency and the webhook tables: a client and the kept answer to one of its POSTs, a
     * subscription with a delivery and its failed attempt.
     */
    private void anApiClientWithAnIdempotentAnswer(TenantId tenant) {
        java.util.UUID client = java.util.UUID.randomUUID();
        superuser.sql("""
                INSERT INTO api_client (tenant_id, id, name, key_prefix, key_hash, scopes, created_by, created_at)
                VALUES (:t, :id, 'ERP', 'cdk_0000…', repeat('a', 64), 'orders:read', 'test', now())""")
                .param("t", tenant.value()).param("id", client).update();
        superuser.sql("""
                INSERT INTO api_idempotency (tenant_id, id, client_id, idempotency_key, request_hash, status, body,
                                             created_at)
                VALUES (:t, gen_random_uuid(), :client, 'key-1', repeat('b', 64), 201, '{}', now())""")
                .param("t", tenant.value()).param("client", client).update();
        java.util.UUID subscription = java.util.UUID.randomUUID();
        java.util.UUID delivery = java.util.UUID.randomUUID();
        superuser.sql("""
                INSERT INTO webhook_subscription (tenant_id, id, url, events, secret, status, created_by, created_at,
                                                  updated_at)
                VALUES (:t, :id, 'https://erp.example.com/hook', 'order.released', '\\x00', 'ACTIVE', 'test', now(),
                        now())""").param("t", tenant.value()).param("id", subscription).update();
        superuser.sql("""
                INSERT INTO webhook_delivery (tenant_id, id, subscription_id, event_id, event_type, payload, status,
                                              next_attempt_at, created_at)
                VALUES (:t, :id, :s, gen_random_uuid(), 'order.released', '{}', 'PENDING', now(), now())""")
                .param("t", tenant.value()).param("id", delivery).param("s", subscription).update();
        superuser.sql("""
                INSERT INTO webhook_attempt (tenant_id, id, delivery_id, at, status_code, millis)
                VALUES (:t, gen_random_uuid(), :d, now(), 503, 12)""")
                .param("t", tenant.value()).param("d", delivery).update();
    }

    /**
     * Fills wms_account, x12_document, inventory_adjustment and asn_control_number: both tenants at one (sandbox)
     * warehouse, a 940 and a 947 line each, and a retail partner's ASN numbers.
     */
    private void accountsAndDocumentsAtOneWarehouse() {
        java.util.UUID warehouse = wms.connectSandbox("RLS warehouse").id();
        for (TenantId tenant : List.of(apparel, home)) {
            wms.assignAccount(tenant, warehouse, "C-" + tenant.value().toString().substring(0, 8).toUpperCase());
            java.util.UUID file = java.util.UUID.randomUUID();
            superuser.sql("""
                    INSERT INTO wms_file (id, wms_connection_id, direction, name, sha256, content, status, created_at)
                    VALUES (:id, :w, 'OUTBOUND', :name, 'x', 'ISA', 'SENT', now())""")
                    .param("id", file).param("w", warehouse).param("name", "940_" + tenant + ".edi").update();
            superuser.sql("""
                    INSERT INTO x12_document (tenant_id, id, wms_file_id, direction, transaction_set, interchange_no,
                                              group_no, transaction_no, status, segments, created_at)
                    VALUES (:t, gen_random_uuid(), :f, 'OUTBOUND', '940', '000000001', '1', '0001', 'SENT', 'ST*940',
                            now())""").param("t", tenant.value()).param("f", file).update();
            warehouseFeedback.recordAdjustments(tenant, "ADJ-1", java.time.LocalDate.of(2026, 11, 27), List.of(
                    new com.crossdock.portal.sync.WarehouseFeedback.StockAdjustment("SKU-" + tenant, 2, "55",
                            "Found")));
            superuser.sql("INSERT INTO asn_control_number (tenant_id, partner_id, next_value) VALUES (:t, 'RETAIL', 2)")
                    .param("t", tenant.value()).update();
        }
    }

    /**
     * Fills inbound_shipment, inbound_shipment_line, inbound_receipt, inbound_received_lot and
     * receiving_discrepancy: a shipment the warehouse received short (in a lot), with a SKU nobody announced.
     */
    private void anInboundShipmentReceivedShort(TenantId tenant) {
        var shipment = receiving.create(tenant, new com.crossdock.portal.receiving.InboundShipmentCommand("IN-1",
                "Carrier", java.time.LocalDate.of(2026, 12, 1), List.of(
                        new com.crossdock.portal.receiving.InboundShipmentCommand.Line("SKU-" + tenant, 4))));
        receiving.sendToWarehouse(tenant, shipment.id());
        receipts.markAdvised(tenant, shipment.id(), "test");
        assertThat(receipts.applyReceipt(tenant, "IN-1", new com.crossdock.portal.receiving.InboundReceipt("R-1",
                true, List.of(new com.crossdock.portal.receiving.InboundReceipt.Line("SKU-" + tenant, "LOT-1", null, 3, 0),
                        new com.crossdock.portal.receiving.InboundReceipt.Line("STRAY", 1, 0)))))
                .isEqualTo(com.crossdock.portal.receiving.InboundReceipts.ReceiptOutcome.APPLIED);
    }

    /**
     * Fills return_settings, return_auto_restock_sku, rma, rma_line, rma_unit and return_signal: the tenant's
     * rules, an RMA with a unit held and one restocked by a rule, and a refund signal queued for its store.
     */
    private void aReturnInspectedAndSignalled(TenantId tenant) {
        String sku = "SKU-" + tenant;
        returns.saveSettings(tenant, new com.crossdock.portal.returns.ReturnSettings(true, List.of(sku)));
        var rma = returns.create(tenant, new com.crossdock.portal.returns.RmaCommand("", "by hand",
                List.of(new com.crossdock.portal.returns.RmaCommand.Line(sku, 2, "UNWANTED"))));
        returns.receiveUnit(tenant, rma.id(), sku, com.crossdock.portal.returns.UnitCondition.UNOPENED);
        returns.receiveUnit(tenant, rma.id(), sku, com.crossdock.portal.returns.UnitCondition.OPENED);
        superuser.sql("""
                INSERT INTO return_signal (tenant_id, id, connection_id, rma_id, rma_number, channel_order_id, lines,
                                           status, created_at)
                SELECT :t, gen_random_uuid(), c.id, :rma, 'RMA-000001', '1', '[]', 'PENDING', now()
                FROM channel_connection c WHERE c.tenant_id = :t LIMIT 1""")
                .param("t", tenant.value()).param("rma", rma.id()).update();
    }

    /**
     * Fills alert_rule, alert_event and health_drift_day (the health rollups and failure days fill themselves from
     * the flow runs, journey steps and exceptions above).
     */
    private void anAlertRuleThatFiredAndADriftDay(TenantId tenant) {
        java.util.UUID rule = java.util.UUID.randomUUID();
        superuser.sql("""
                INSERT INTO alert_rule (tenant_id, id, kind, threshold, email, quiet_minutes, created_by, created_at)
                VALUES (:t, :id, 'LAG', 30, 'ops@example.com', 60, 'test', now())""")
                .param("t", tenant.value()).param("id", rule).update();
        superuser.sql("""
                INSERT INTO alert_event (tenant_id, id, rule_id, dedup_key, subject, detail, measured, raised_at,
                                         last_seen, delivery)
                VALUES (:t, gen_random_uuid(), :rule, 'LAG:Store:ORDER_IMPORT', 'Lag', 'Lag of 45 minutes', 45, now(),
                        now(), 'SENT')""").param("t", tenant.value()).param("rule", rule).update();
        superuser.sql("""
                INSERT INTO health_drift_day (tenant_id, day, channel_sku, max_drift, last_drift)
                VALUES (:t, current_date, 'SKU-1', 3, 1)""").param("t", tenant.value()).update();
    }

    /** Fills uat_scenario, uat_run, uat_step_result and uat_signoff. */
    private void aSignedUatRunOfACustomScenario(TenantId tenant) {
        superuser.sql("""
                INSERT INTO uat_scenario (tenant_id, id, scenario_key, name, copied_from, definition, changed_by,
                                          changed_at)
                VALUES (:t, gen_random_uuid(), 'custom-1', 'Ours', 'unknown-sku', '{}', 'test', now())""")
                .param("t", tenant.value()).update();
        java.util.UUID run = java.util.UUID.randomUUID();
        superuser.sql("""
                INSERT INTO uat_run (tenant_id, id, scenario_key, scenario_name, definition, status, config_version,
                                     started_by, queued_at)
                VALUES (:t, :id, 'custom-1', 'Ours', '{}', 'PASSED', 2, 'test', now())""")
                .param("t", tenant.value()).param("id", run).update();
        superuser.sql("""
                INSERT INTO uat_step_result (tenant_id, id, run_id, step_no, title, kind, outcome)
                VALUES (:t, gen_random_uuid(), :run, 1, 'Order', 'PLACE_ORDER', 'PASSED')""")
                .param("t", tenant.value()).param("run", run).update();
        superuser.sql("""
                INSERT INTO uat_signoff (tenant_id, id, run_id, role, signed_by, signed_by_name, signed_at,
                                         config_version)
                VALUES (:t, gen_random_uuid(), :run, 'BRAND_ADMIN', 'test', 'Test', now(), 2)""")
                .param("t", tenant.value()).param("run", run).update();
    }

    /** Fills tenant_setup, source_of_truth and ship_method_mapping. */
    /**
     * Fills exception_owner, go_live_sku, go_live_flow and shadow_difference: confirmed exception queues, a SKU in
     * the go-live scope, and one flow of the tenant's store live with a difference a shadow run recorded.
     */
    private void exceptionOwnersAndAGoLiveWithAShadowDifference(TenantId tenant) {
        governance.confirmExceptionOwners(tenant, 2);
        flows.setLiveSkus(tenant, List.of("SKU-" + tenant));
        java.util.UUID connection = superuser.sql("""
                SELECT id FROM channel_connection WHERE tenant_id = :t AND channel = 'SHOPIFY' LIMIT 1""")
                .param("t", tenant.value()).query(java.util.UUID.class).single();
        superuser.sql("""
                INSERT INTO go_live_flow (tenant_id, id, connection_id, flow, live, switched_by, switched_at)
                VALUES (:t, gen_random_uuid(), :c, 'ORDER_IMPORT', TRUE, 'test', now())""")
                .param("t", tenant.value()).param("c", connection).update();
        superuser.sql("""
                INSERT INTO shadow_difference (tenant_id, id, connection_id, flow, subject, would_send, channel_shows,
                                               recorded_at)
                VALUES (:t, gen_random_uuid(), :c, 'INVENTORY_PUSH', 'SKU X', 'Available 3', 'Available 5', now())""")
                .param("t", tenant.value()).param("c", connection).update();
    }

    private void anOwnerAndAShipMethodMapping(TenantId tenant) {
        governance.changeOwner(tenant, com.crossdock.tenantconfig.truth.DataType.HOLDS,
                com.crossdock.tenantconfig.truth.SystemKind.CHANNEL, 0);
        governance.saveShipMethod(tenant, new com.crossdock.portal.governance.ShipMethodCommand("Standard", "UPSN",
                "GND"), 1);
    }

    /** Fills api_rate_bucket and alert_webhook_key. */
    private void aRateBucketAndAnAlertWebhookKey(TenantId tenant) {
        superuser.sql("""
                INSERT INTO api_rate_bucket (tenant_id, client_id, tokens, refilled_at, allowed)
                VALUES (:t, gen_random_uuid(), 3, now(), TRUE)""").param("t", tenant.value()).update();
        superuser.sql("""
                INSERT INTO alert_webhook_key (tenant_id, id, secret, hint, created_by, created_at)
                VALUES (:t, gen_random_uuid(), '\\x00', 'whsec_…', 'test', now())""").param("t", tenant.value())
                .update();
    }

    @Test
    void theApplicationConnectsAsARoleThatOwnsNothingAndCannotBypassSecurity() {
        JdbcClient app = JdbcClient.create(applicationDataSource);
        assertThat(app.sql("SELECT current_user").query(String.class).single()).isEqualTo("crossdock_app");
        assertThat(app.sql("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
                .query(Boolean.class).single()).isFalse();
        assertThat(superuser.sql("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
                + "AND tableowner = 'crossdock_app'").query(Long.class).single()).isZero();
    }

    @Test
    void noTenantOwnedTableLetsTenantASeeOrWriteTenantBsRows() throws Exception {
        RowLevelSecurityAudit audit = new RowLevelSecurityAudit(superuser, applicationDataSource);
        assertThat(audit.tenantOwnedTables()).contains("tenant_activity", "catalog_item", "catalog_pack",
                "catalog_alias", "catalog_bundle", "catalog_bundle_component", "catalog_item_aud",
                "catalog_bundle_aud", "catalog_import", "catalog_import_row", "catalog_import_problem",
                "channel_connection", "channel_inbox", "sales_order", "sales_order_line", "sales_order_event",
                "integration_exception", "wms_outbox", "security_event", "channel_flow", "flow_run", "shipment",
                "shipment_line", "inventory_position", "channel_inventory", "channel_return", "wms_account",
                "x12_document", "inbound_shipment", "inbound_shipment_line", "inbound_receipt", "inbound_received_lot",
                "receiving_discrepancy", "inventory_adjustment", "asn_control_number", "return_settings",
                "return_auto_restock_sku", "rma", "rma_line", "rma_unit", "return_signal", "api_client",
                "api_idempotency", "webhook_subscription", "webhook_delivery", "webhook_attempt",
                "health_rollup_minute", "health_rollup_hour", "health_rollup_day", "health_failure_day",
                "health_drift_day", "alert_rule", "alert_event", "tenant_setup", "source_of_truth",
                "ship_method_mapping", "amazon_connection", "walmart_connection", "exception_owner", "go_live_flow",
                "go_live_sku", "shadow_difference", "api_rate_bucket", "alert_webhook_key", "amazon_feed",
                "amazon_prep_mismatch", "uat_scenario", "uat_run", "uat_step_result", "uat_signoff");
        assertThat(audit.problems(apparel.value(), home.value())).isEmpty();
        assertThat(audit.problems(home.value(), apparel.value())).isEmpty();
    }

    @Test
    void theAuditCatchesATableWhosePolicyWasDropped() throws Exception {
        RowLevelSecurityAudit audit = new RowLevelSecurityAudit(superuser, applicationDataSource);
        superuser.sql("DROP POLICY tenant_isolation ON tenant_activity").update();
        superuser.sql("ALTER TABLE tenant_activity NO FORCE ROW LEVEL SECURITY").update();
        superuser.sql("ALTER TABLE tenant_activity DISABLE ROW LEVEL SECURITY").update();
        try {
            assertThat(audit.problems(apparel.value(), home.value())).anySatisfy(problem ->
                    assertThat(problem).startsWith("tenant_activity: tenant A sees"))
                    .anySatisfy(problem -> assertThat(problem)
                            .isEqualTo("tenant_activity: row-level security is not enabled and forced"))
                    .anySatisfy(problem -> assertThat(problem)
                            .isEqualTo("tenant_activity: tenant A could write a row with tenant B's id"));
        } finally {
            superuser.sql("SELECT crossdock_protect_tenant_table('tenant_activity')").query().singleRow();
        }
        assertThat(audit.problems(apparel.value(), home.value())).isEmpty();
    }
}
