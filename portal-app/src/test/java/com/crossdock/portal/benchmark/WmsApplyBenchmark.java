package com.crossdock.portal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.portal.warehouse.InboundWithoutServer;
import com.crossdock.portal.warehouse.WmsExchange;
import com.crossdock.portal.warehouse.WmsService;
import com.crossdock.portal.warehouse.sandbox.WmsSimulator;
import com.crossdock.portal.warehouse.x12.WmsDocuments;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import com.crossdock.tenantconfig.x12.ShippingAdvice945;
import com.crossdock.tenantconfig.x12.X12ControlNumbers;
import com.crossdock.tenantconfig.x12.X12Delimiters;
import com.crossdock.tenantconfig.x12.X12Envelope;
import com.crossdock.tenantconfig.x12.X12ItemId;
import com.crossdock.tenantconfig.x12.X12Party;
import com.crossdock.tenantconfig.x12.X12Reader;
import com.crossdock.tenantconfig.x12.X12Reference;
import com.crossdock.tenantconfig.x12.X12Writer;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The WMS document benchmark of issue #6, not part of the test suite (run it with
 * {@code bash portal-app/src/benchmark/benchmark.sh WmsApplyBenchmark}): 945s (two cartons each) for released
 * orders and one 846 with a line per item of a 100k-item catalog, written with the codec's X12Writer, then in the
 * same run a bare StAEDI pass over the same bytes, the codec's read and mapping (X12Reader + WmsDocuments), and the
 * exchange's own apply (files kept, read, applied to the tenant, marked applied; no SFTP). Prints a Markdown table.
 */
@SpringBootTest
class WmsApplyBenchmark {

    private static final int ITEMS = Integer.getInteger("benchmark.items", 100_000);
    private static final int ORDERS = Integer.getInteger("benchmark.orders", 1_000);
    private static final int CARTONS = 2;
    private static final int PARSE_RUNS = 3;
    private static final String CUSTOMER = "BENCH";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, WmsApplyBenchmark.class);
    }

    @Autowired TenantService tenants;
    @Autowired ChannelService channels;
    @Autowired WmsService wms;
    @Autowired WmsExchange exchange;
    @Autowired Scheduler scheduler;

    final JdbcClient superuser = TestDatabases.superuser(WmsApplyBenchmark.class);
    final X12Envelope warehouseEnvelope = new X12Envelope(X12Delimiters.standard(), "00401", "ZZ", "SANDBOXWMS",
            "ZZ", "CROSSDOCK", "SANDBOXWMS", "CROSSDOCK", false, true);

    @Test
    void shippingAdvicesAndAStockReportParsedAndApplied() throws Exception {
        TenantId tenant = tenant("Bench", "WMSB");
        TenantId other = tenant("Other", "WMSO");
        UUID warehouse = SystemActor.call("benchmark", () -> {
            UUID id = wms.connectSandbox("Benchmark DC").id();
            wms.assignAccount(tenant, id, CUSTOMER);
            wms.assignAccount(other, id, "OTHER");
            return id;
        });
        UUID store = SystemActor.call("benchmark", () -> channels.connectShopify(tenant, new ShopifyConnectionCommand(
                "Bench", "bench-wms.myshopify.com", "2026-07", ChannelMode.SANDBOX, "shpat_benchmark_wms_0000",
                "whsec-bench")).id());
        // nothing scheduled (flows of the store, the warehouse's own exchange) runs beside the measurement
        scheduler.standby();
        long catalogNanos = time(() -> seedCatalog(tenant));
        long ordersNanos = time(() -> seedReleasedOrdersSentAs940s(tenant, store, warehouse));

        LinkedHashMap<String, byte[]> advices = shippingAdvices();
        LinkedHashMap<String, byte[]> stock = stockReport();

        List<String> rows = new ArrayList<>();
        rows.add(measure("945", advices, ORDERS, (long) ORDERS * CARTONS, () -> {
            int applied = InboundWithoutServer.receive(exchange, warehouse, advices);
            assertThat(applied).as("one document per carton").isEqualTo(ORDERS * CARTONS);
        }));
        rows.add(measure("846", stock, 1, ITEMS, () -> assertThat(InboundWithoutServer.receive(exchange, warehouse,
                stock)).isEqualTo(1)));

        assertApplied(tenant, other);
        StringBuilder out = new StringBuilder("\nSetup: %,d catalog items in %.1f s, %,d released orders with their "
                .formatted(ITEMS, catalogNanos / 1e9, ORDERS) + "940 in %.1f s (set-based SQL).\n\n".formatted(
                ordersNanos / 1e9));
        out.append("| file(s) | step | seconds | documents/s | lines/s | ÷ StAEDI |\n|---|---|---|---|---|---|\n");
        rows.forEach(out::append);
        out.append("\nStAEDI and codec: median of ").append(PARSE_RUNS).append(" runs after one warm-up; apply: once "
                + "(a file is applied once). A 945 document is one ST; its lines are W12s (one per carton). The 846 is"
                + " one ST; its lines are LINs.\n");
        System.out.println(out);
        Files.writeString(Path.of(System.getProperty("benchmark.out", "target/wms-apply-benchmark.md")), out);
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    /** The three steps over the same files: a bare StAEDI pass, the codec, the exchange's apply. */
    private String measure(String kind, LinkedHashMap<String, byte[]> files, long documents, long lines, Work apply)
            throws Exception {
        long bytes = files.values().stream().mapToLong(content -> content.length).sum();
        long[] segments = new long[1];
        long staedi = median(() -> segments[0] = files.values().stream().mapToLong(WmsApplyBenchmark::segments).sum());
        WmsDocuments documentsCodec = new WmsDocuments();
        long codec = median(() -> {
            int read = 0;
            for (byte[] content : files.values()) {
                read += documentsCodec.read(new X12Reader().read(content)).size();
            }
            assertThat(read).isEqualTo(kind.equals("945") ? documents * CARTONS : documents);
        });
        long applied = time(apply);
        String what = "%,d × %s (%,d KB, %,d segments)".formatted(files.size(), kind, bytes / 1024, segments[0]);
        return row(what, "StAEDI EDIStreamReader pass", staedi, documents, lines, staedi)
                + row(what, "X12Reader.read + WmsDocuments.read", codec, documents, lines, staedi)
                + row(what, "apply (keep, read, record, document)", applied, documents, lines, staedi);
    }

    private static String row(String what, String step, long nanos, long documents, long lines, long staedi) {
        double seconds = nanos / 1e9;
        return String.format(Locale.ROOT, "| %s | %s | %.3f | %s | %s | %.1f× |%n", what, step, seconds,
                rate(documents / seconds), rate(lines / seconds), (double) nanos / staedi);
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond < 10 ? "%.2f" : "%,.0f", perSecond);
    }

    /** Segments of one file as StAEDI tokenises them, with the settings the codec's reader uses. */
    private static long segments(byte[] content) {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        factory.setProperty(EDIInputFactory.EDI_NEST_HIERARCHICAL_LOOPS, false);
        long count = 0;
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(content), "UTF-8")) {
            while (reader.hasNext()) {
                if (reader.next() == EDIStreamEvent.START_SEGMENT) {
                    count++;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("StAEDI could not read a benchmark file", e);
        }
        return count;
    }

    private static long median(Work work) throws Exception {
        work.run();
        long[] runs = new long[PARSE_RUNS];
        for (int i = 0; i < PARSE_RUNS; i++) {
            runs[i] = time(work);
        }
        Arrays.sort(runs);
        return runs[PARSE_RUNS / 2];
    }

    private static long time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private TenantId tenant(String name, String code) {
        return SystemActor.call("benchmark", () -> tenants.create(
                new TenantCommand(name, code, TenantStatus.ACTIVE, null, null)).id());
    }

    private void seedCatalog(TenantId tenant) {
        superuser.sql("""
                INSERT INTO catalog_item (tenant_id, id, sku, description, status, prep_types, created_at, updated_at,
                                          updated_by)
                SELECT :t, gen_random_uuid(), 'SKU-' || lpad(n::text, 7, '0'), 'Tee ' || n, 'ACTIVE', '', now(),
                       now(), 'benchmark'
                FROM generate_series(0, :n - 1) AS n""").param("t", tenant.value()).param("n", ITEMS).update();
    }

    /**
     * Released orders of two lines each, and for each the 940 the exchange would have sent: what applying a 945
     * looks up (the outbound 940 document with the depositor order number, and the order's open lines).
     */
    private void seedReleasedOrdersSentAs940s(TenantId tenant, UUID store, UUID warehouse) {
        superuser.sql("""
                INSERT INTO sales_order (tenant_id, id, connection_id, channel_order_id, order_name, status,
                                         channel_created_at, channel_updated_at, ship_to_name, ship_to_country,
                                         created_at, updated_at)
                SELECT :t, gen_random_uuid(), :c, (1000000 + n)::text, '#' || n, 'RELEASED', now(), now(),
                       'Pat Buyer', 'US', now(), now()
                FROM generate_series(0, :n - 1) AS n""").param("t", tenant.value()).param("c", store)
                .param("n", ORDERS).update();
        superuser.sql("""
                INSERT INTO sales_order_line (tenant_id, id, order_id, line_no, channel_line_id, channel_sku,
                                              master_sku, quantity)
                SELECT o.tenant_id, gen_random_uuid(), o.id, l, o.channel_order_id || '-' || l, sku, sku, l
                FROM sales_order o CROSS JOIN generate_series(1, 2) AS l
                CROSS JOIN LATERAL (SELECT 'SKU-' || lpad(((o.channel_order_id::int - 1000000) * 2 + l - 1)::text,
                                                          7, '0') AS sku) AS s
                WHERE o.tenant_id = :t""").param("t", tenant.value()).update();
        UUID file = UUID.randomUUID();
        superuser.sql("""
                INSERT INTO wms_file (id, wms_connection_id, direction, name, sha256, content, status, created_at)
                VALUES (:id, :w, 'OUTBOUND', '940_BENCH_seeded.edi', 'seeded', ''::bytea, 'SENT', now())""")
                .param("id", file).param("w", warehouse).update();
        superuser.sql("""
                INSERT INTO x12_document (tenant_id, id, wms_file_id, direction, transaction_set, interchange_no,
                                          group_no, transaction_no, reference, order_id, status, ack_status, segments,
                                          created_at)
                SELECT o.tenant_id, gen_random_uuid(), :f, 'OUTBOUND', '940', lpad(n::text, 9, '0'), n::text, '0001',
                       'CD-BENCH' || lpad(n::text, 8, '0'), o.id, 'SENT', 'ACCEPTED', '', now()
                FROM sales_order o CROSS JOIN LATERAL (SELECT o.channel_order_id::int - 1000000 AS n) k
                WHERE o.tenant_id = :t""").param("f", file).param("t", tenant.value()).update();
        superuser.sql("ANALYZE").update();
    }

    /** One 945 per order, its two lines in two cartons with their own tracking numbers. */
    private LinkedHashMap<String, byte[]> shippingAdvices() {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        X12Writer writer = new X12Writer(warehouseEnvelope);
        LocalDateTime at = LocalDateTime.of(2026, 11, 27, 12, 0);
        for (int n = 0; n < ORDERS; n++) {
            List<ShippingAdvice945.Line> lines = new ArrayList<>();
            for (int carton = 1; carton <= CARTONS; carton++) {
                BigDecimal units = BigDecimal.valueOf(carton);
                lines.add(new ShippingAdvice945.Line(carton, "CC", units, units, null, "EA",
                        List.of(new X12ItemId("VN", "SKU-%07d".formatted(n * 2 + carton - 1))), "",
                        List.of(X12Reference.of("2I", "1ZBENCH%09d".formatted(n * 10 + carton))),
                        List.of(X12Reference.of("GM", "CTN" + carton))));
            }
            ShippingAdvice945 advice = new ShippingAdvice945("F", "CD-BENCH%08d".formatted(n), "20261127",
                    "SHP" + n, "PO" + n, List.of(X12Party.named("DE", CUSTOMER, "91", CUSTOMER)), List.of(),
                    new ShippingAdvice945.Carrier("U", "UPSN", "GROUND"), lines);
            files.put("945-%06d.x12".formatted(n), writer.write(advice, new X12ControlNumbers(n + 1, n + 1, 1), at));
        }
        return files;
    }

    /** One 846 with on hand and available for every item of the catalog, as the sandbox warehouse writes it. */
    private LinkedHashMap<String, byte[]> stockReport() throws Exception {
        Map<String, int[]> positions = new LinkedHashMap<>();
        for (int i = 0; i < ITEMS; i++) {
            positions.put("SKU-%07d".formatted(i), new int[] {i % 500 + 5, i % 500});
        }
        Path folder = Files.createTempDirectory("wms-benchmark");
        Path written = new WmsSimulator(warehouseEnvelope, Clock.systemUTC()).writeStockSnapshot(folder, CUSTOMER,
                positions);
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        files.put(written.getFileName().toString(), Files.readAllBytes(written));
        Files.delete(written);
        Files.delete(folder);
        return files;
    }

    private void assertApplied(TenantId tenant, TenantId other) {
        assertThat(count("SELECT count(*) FROM shipment WHERE tenant_id = :t", tenant)).isEqualTo(ORDERS * CARTONS);
        assertThat(count("SELECT count(*) FROM sales_order WHERE tenant_id = :t AND status = 'SHIPPED'", tenant))
                .isEqualTo(ORDERS);
        assertThat(count("SELECT count(*) FROM inventory_position WHERE tenant_id = :t", tenant)).isEqualTo(ITEMS);
        assertThat(count("""
                SELECT count(*) FROM x12_document WHERE tenant_id = :t AND direction = 'INBOUND'
                AND status = 'APPLIED'""", tenant)).isEqualTo(ORDERS * CARTONS + 1);
        assertThat(count("SELECT count(*) FROM inventory_position WHERE tenant_id = :t", other)).isZero();
        assertThat(count("SELECT count(*) FROM x12_document WHERE tenant_id = :t", other)).isZero();
    }

    private long count(String sql, TenantId tenant) {
        return superuser.sql(sql).param("t", tenant.value()).query(Long.class).single();
    }
}
