package com.crossdock.portal.health;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.LocalDate;
import java.util.List;

/**
 * The leadership view over a period: a heat map of tenant × flow, daily trends and the most frequent failure
 * patterns. Counts only, never a payload.
 */
public record Leadership(int days, List<String> flows, List<TenantRow> tenants, List<Trend> trend,
        List<Pattern> patterns) {

    public Leadership {
        flows = List.copyOf(flows);
        tenants = List.copyOf(tenants);
        trend = List.copyOf(trend);
        patterns = List.copyOf(patterns);
    }

    /** One tenant's row of the heat map: a cell per flow, in the order of {@link #flows()}. */
    public record TenantRow(TenantId tenant, String name, List<Cell> cells) {

        public TenantRow {
            cells = List.copyOf(cells);
        }
    }

    /** One flow of one tenant over the period. */
    public record Cell(long runs, long failedRuns, long exceptions, HealthColour colour) {

        /** Failed runs and new exceptions over runs, in percent (0 when nothing ran). */
        public double failureRate() {
            return runs == 0 ? 0 : 100.0 * (failedRuns + exceptions) / runs;
        }
    }

    /** All visible tenants on one day. */
    public record Trend(LocalDate day, long runs, long failedRuns, long orders, long exceptions) {
    }

    /** A failure that keeps coming back: a reason within a flow, how often and at how many tenants. */
    public record Pattern(String flow, String reason, long occurrences, long tenants) {
    }
}
