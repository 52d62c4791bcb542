package com.crossdock.portal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.workbook.CatalogWorkbookService;
import com.crossdock.portal.catalog.workbook.CommitMode;
import com.crossdock.portal.catalog.workbook.ImportChange;
import com.crossdock.portal.catalog.workbook.ImportPreview;
import com.crossdock.portal.catalog.workbook.ImportProgress;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.Gtin;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The catalog benchmark of issue #4, not part of the test suite (run it with
 * {@code bash portal-app/src/benchmark/benchmark.sh CatalogImportBenchmark}): a workbook of 100k items with 300k barcodes and aliases
 * imported through the product path (parse, stage, check, commit) beside a PostgreSQL COPY of the same rows into the
 * same tables, and the first Catalog grid page over 1M items. Prints a Markdown table.
 */
@SpringBootTest
class CatalogImportBenchmark {

    private static final int ITEMS = Integer.getInteger("benchmark.items", 100_000);
    private static final int GRID_ITEMS = Integer.getInteger("benchmark.gridItems", 1_000_000);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, CatalogImportBenchmark.class);
    }

    @Autowired CatalogWorkbookService workbooks;
    @Autowired CatalogService catalog;
    @Autowired TenantService tenants;

    final JdbcClient superuser = TestDatabases.superuser(CatalogImportBenchmark.class);

    @Test
    void importOneHundredThousandItemsAndOpenAMillionItemGrid() throws Exception {
        TenantId imported = tenant("Import", "IMP");
        TenantId copied = tenant("Copy", "CPY");
        TenantId large = tenant("Large", "LRG");
        List<String[]> table = new ArrayList<>();

        Path workbook = Files.createTempFile("benchmark", ".zip");
        long generate = time(() -> writeWorkbook(workbook));
        table.add(row("workbook generated (CSV zip, " + Files.size(workbook) / 1024 / 1024 + " MB)", generate));

        long[] parsed = new long[1];
        long parseOnly = time(() -> new com.crossdock.tenantconfig.workbook.WorkbookReader(
                com.crossdock.tenantconfig.workbook.WorkbookLimits.defaults()).read(workbook, "benchmark.zip",
                new com.crossdock.tenantconfig.workbook.WorkbookListener() {
                    @Override
                    public void row(com.crossdock.tenantconfig.workbook.CatalogRow row) {
                        parsed[0]++;
                    }

                    @Override
                    public void problem(com.crossdock.tenantconfig.workbook.RowProblem problem) {
                        throw new AssertionError(problem.toString());
                    }

                    @Override
                    public void notice(String notice) {
                    }
                }));
        assertThat(parsed[0]).isEqualTo(4L * ITEMS);
        table.add(row("parsing alone (WorkbookReader into a counting listener)", parseOnly));
        StepTimes steps = new StepTimes();
        long baseline = resetPeaks();
        table.add(new String[] {"heap in use before the import, after GC (Spring context, caches)",
                "%d MB".formatted(baseline / 1024 / 1024)});
        long[] stage = new long[1];
        ImportPreview preview = SystemActor.call("benchmark", () -> {
            long start = System.nanoTime();
            ImportPreview result = workbooks.upload(imported, workbook, "benchmark.zip", steps);
            stage[0] = System.nanoTime() - start;
            return result;
        });
        assertThat(preview.problems()).isZero();
        assertThat(preview.items()).containsEntry(ImportChange.NEW, (long) ITEMS);
        long commit = time(() -> SystemActor.call("benchmark", () -> workbooks.commit(imported, preview.id(),
                CommitMode.ALL_OR_NOTHING, steps)));
        long peakHeap = peakHeapBytes();
        table.add(row("import of %,d items, %,d barcodes, %,d aliases: parse, stage and check (preview)"
                .formatted(ITEMS, 2L * ITEMS, (long) ITEMS), stage[0]));
        table.add(row("import: commit", commit));
        table.add(row("import: total", stage[0] + commit));
        table.add(new String[] {"import: peak heap (sum of pool peaks)", "%d MB".formatted(peakHeap / 1024 / 1024)});
        assertThat(superuser.sql("SELECT count(*) FROM catalog_pack WHERE tenant_id = :t")
                .param("t", imported.value()).query(Long.class).single()).isEqualTo(2L * ITEMS);

        long copy = time(() -> copyTheSameRows(copied));
        table.add(row("PostgreSQL COPY of the same %,d rows (superuser, no checks)".formatted(4L * ITEMS), copy));
        table.add(new String[] {"import total ÷ COPY", "%.1f×".formatted((double) (stage[0] + commit) / copy)});

        long fill = time(() -> fillLargeCatalog(large));
        table.add(row("grid: " + GRID_ITEMS / 1000 + "k items inserted with generate_series (setup)", fill));
        SystemActor.call("benchmark", () -> catalog.search(large, "", 0, 50));
        for (String filter : List.of("", "SKU-0099", "blue")) {
            long best = Long.MAX_VALUE;
            for (int run = 0; run < 5; run++) {
                best = Math.min(best, time(() -> SystemActor.call("benchmark", () -> {
                    long total = catalog.count(large, filter);
                    return catalog.search(large, filter, 0, 50).size() + total;
                })));
            }
            table.add(row("grid: first page (50 rows + count), filter '" + filter + "', best of 5", best));
        }

        StringBuilder out = new StringBuilder("\n| measurement | result |\n|---|---|\n");
        table.forEach(cells -> out.append("| ").append(cells[0]).append(" | ").append(cells[1]).append(" |\n"));
        out.append("\nWhere the import's time goes (time until the next progress report):\n\n")
                .append("| step | seconds |\n|---|---|\n");
        steps.slowest(12).forEach(line -> out.append(line).append('\n'));
        System.out.println(out);
        Files.writeString(Path.of(System.getProperty("benchmark.out", "target/catalog-benchmark.md")), out);
        Files.delete(workbook);
    }

    private TenantId tenant(String name, String code) {
        return SystemActor.call("benchmark", () -> tenants.create(
                new TenantCommand(name, code, TenantStatus.ACTIVE, null, null)).id());
    }

    /** Items, two packs with barcodes each (each and case), and one Shopify alias each: 400k rows in 4 CSVs. */
    private static void writeWorkbook(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file));
                BufferedWriter out = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8))) {
            zip.putNextEntry(new ZipEntry("items.csv"));
            out.write("SKU,Description,Status,Lot tracked,Expiry tracked,Serial tracked,Hazmat\r\n");
            for (int i = 0; i < ITEMS; i++) {
                out.write(sku(i) + ",\"Organic cotton tee, colour " + (i % 17) + "\",ACTIVE,no,no,no,no\r\n");
            }
            out.flush();
            zip.putNextEntry(new ZipEntry("packs.csv"));
            out.write("SKU,Level,Eaches per pack,Length mm,Width mm,Height mm,Weight g,GTIN\r\n");
            for (int i = 0; i < ITEMS; i++) {
                out.write(sku(i) + ",EACH,1,300,200,20,180," + gtin(i, 0) + "\r\n");
                out.write(sku(i) + ",CASE,24,600,400,300,4500," + gtin(i, 1) + "\r\n");
            }
            out.flush();
            zip.putNextEntry(new ZipEntry("aliases.csv"));
            out.write("SKU,Channel identifier,Value\r\n");
            for (int i = 0; i < ITEMS; i++) {
                out.write(sku(i) + ",SHOPIFY_VARIANT_ID," + (40_000_000_000_000L + i) + "\r\n");
            }
            out.flush();
        }
    }

    /** The same items, packs and aliases through COPY as a superuser (bypassing row-level security). */
    private void copyTheSameRows(TenantId tenant) throws Exception {
        StringBuilder items = new StringBuilder();
        StringBuilder packs = new StringBuilder();
        StringBuilder aliases = new StringBuilder();
        String t = tenant.value().toString();
        for (int i = 0; i < ITEMS; i++) {
            String id = UUID.randomUUID().toString();
            items.append(t).append('\t').append(id).append('\t').append(sku(i))
                    .append("\tOrganic cotton tee, colour ").append(i % 17)
                    .append("\tACTIVE\tf\tf\tf\tf\t\t2026-11-27 00:00:00+00\t2026-11-27 00:00:00+00\tbenchmark\t0\n");
            packs.append(t).append('\t').append(UUID.randomUUID()).append('\t').append(id)
                    .append("\tEACH\t1\t300\t200\t20\t180\t").append(Gtin.parse(gtin(i, 0)).gtin14()).append('\n');
            packs.append(t).append('\t').append(UUID.randomUUID()).append('\t').append(id)
                    .append("\tCASE\t24\t600\t400\t300\t4500\t").append(Gtin.parse(gtin(i, 1)).gtin14()).append('\n');
            aliases.append(t).append('\t').append(UUID.randomUUID()).append('\t').append(id)
                    .append("\tSHOPIFY_VARIANT_ID\t").append(40_000_000_000_000L + i).append('\n');
        }
        try (Connection connection = java.sql.DriverManager.getConnection(superuserUrl(), "postgres", "")) {
            connection.setAutoCommit(false);
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY catalog_item (tenant_id, id, sku, description, status, lot_tracked, expiry_tracked, "
                    + "serial_tracked, hazmat, prep_types, created_at, updated_at, updated_by, version) FROM STDIN",
                    new StringReader(items.toString()));
            copy.copyIn("COPY catalog_pack (tenant_id, id, item_id, level, eaches, length_mm, width_mm, height_mm, "
                    + "weight_g, gtin14) FROM STDIN", new StringReader(packs.toString()));
            copy.copyIn("COPY catalog_alias (tenant_id, id, item_id, kind, value) FROM STDIN",
                    new StringReader(aliases.toString()));
            connection.commit();
        }
    }

    private void fillLargeCatalog(TenantId tenant) {
        superuser.sql("""
                INSERT INTO catalog_item (tenant_id, id, sku, description, status, prep_types, created_at, updated_at,
                                          updated_by)
                SELECT :t, gen_random_uuid(), 'SKU-' || lpad(n::text, 7, '0'),
                       (ARRAY['red', 'blue', 'green', 'black'])[1 + n % 4] || ' tee ' || n, 'ACTIVE', '', now(), now(),
                       'benchmark'
                FROM generate_series(1, :n) AS n""").param("t", tenant.value()).param("n", GRID_ITEMS).update();
        superuser.sql("ANALYZE catalog_item").update();
    }

    private String superuserUrl() {
        return superuser.sql("SELECT 'jdbc:postgresql://localhost:' || current_setting('port') || '/' || current_database()")
                .query(String.class).single();
    }

    private static String sku(int i) {
        return "SKU-%07d".formatted(i);
    }

    /** A valid GTIN-13 per item and pack level. */
    private static String gtin(int item, int level) {
        String body = "20" + "%010d".formatted(item * 2L + level);
        return body + Gtin.checkDigit(body);
    }

    /** Collects garbage, restarts the peak counters; answers the heap still in use. */
    private static long resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static String[] row(String what, long nanos) {
        return new String[] {what, String.format(Locale.ROOT, "%.2f s", nanos / 1e9)};
    }

    private static long time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    /** Hears progress reports and keeps how long each step took, by its phase and detail (numbers folded). */
    private static final class StepTimes implements ImportProgress {

        private final java.util.Map<String, Long> nanos = new java.util.LinkedHashMap<>();
        private String current = "";
        private long since = System.nanoTime();

        @Override
        public synchronized void report(com.crossdock.portal.catalog.workbook.ImportPhase phase, double fraction,
                String detail) {
            long now = System.nanoTime();
            nanos.merge(current, now - since, Long::sum);
            current = phase.label() + ": " + detail.replaceAll("[0-9][0-9,]*", "n").replace("n of n", "")
                    + (detail.matches(".*\\d+ of \\d+") ? " step " + detail.replaceAll(".* (\\d+) of .*", "$1") : "");
            since = now;
        }

        java.util.List<String> slowest(int limit) {
            return nanos.entrySet().stream().filter(entry -> !entry.getKey().isEmpty())
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                    .map(entry -> "| %s | %.2f |".formatted(entry.getKey(), entry.getValue() / 1e9)).toList();
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }
}
