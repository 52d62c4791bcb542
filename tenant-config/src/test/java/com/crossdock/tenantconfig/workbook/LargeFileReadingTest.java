package com.crossdock.tenantconfig.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A million rows stream through in bounded memory: nothing of the file is kept once its row was handed on. */
class LargeFileReadingTest {

    private static final int ROWS = 1_000_000;
    /** Far below what a million rows take when kept (several hundred MB), far above what streaming needs. */
    private static final long MAX_RETAINED_BYTES = 64L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void aMillionRowCsvIsReadInBoundedMemory() throws IOException {
        Path items = dir.resolve("items.csv");
        try (BufferedWriter out = Files.newBufferedWriter(items, StandardCharsets.UTF_8)) {
            out.write("SKU,Description,Status,Lot tracked,Expiry tracked,Serial tracked,Hazmat\r\n");
            for (int i = 0; i < ROWS; i++) {
                out.write("SKU-" + i + ",Classic tee number " + i + ",ACTIVE,no,yes,no,no\r\n");
            }
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = retained(memory);
        CountingListener counter = new CountingListener(memory);

        long started = System.nanoTime();
        new WorkbookReader(WorkbookLimits.defaults()).read(items, "items.csv", counter);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(counter.rows).isEqualTo(ROWS);
        assertThat(counter.problems).isZero();
        assertThat(counter.lastRow).isEqualTo(ROWS + 1);
        assertThat(counter.peakRetained - before).as("heap kept while reading").isLessThan(MAX_RETAINED_BYTES);
        assertThat(took).isLessThan(Duration.ofSeconds(20));
    }

    /** Heap in use after a full collection: what is still referenced. */
    private static long retained(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Counts, and every 200,000 rows measures what the heap still holds. */
    private static final class CountingListener implements WorkbookListener {

        private final MemoryMXBean memory;
        long rows;
        long problems;
        long lastRow;
        long peakRetained;

        CountingListener(MemoryMXBean memory) {
            this.memory = memory;
        }

        @Override
        public void row(CatalogRow row) {
            rows++;
            lastRow = row.row();
            if (rows % 200_000 == 0) {
                peakRetained = Math.max(peakRetained, retained(memory));
            }
        }

        @Override
        public void problem(RowProblem problem) {
            problems++;
        }

        @Override
        public void notice(String notice) {
        }
    }
}
