package com.crossdock.portal.health;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a brand's health dashboard shows, read from the rollups and the open exceptions only.
 *
 * @param flows      each flow of each channel connection with its last day
 * @param days       orders and shipments per day, oldest first
 * @param drift      per SKU, the largest drift between the warehouse and the store per day
 * @param byReason   open exceptions per reason
 * @param byOwner    open exceptions per owner ("Unassigned" for none)
 * @param byAge      open exceptions per age band
 */
public record BrandDashboard(TenantId tenant, Instant at, List<FlowHealth> flows, List<Day> days,
        List<DriftSeries> drift, List<Count> byReason, List<Count> byOwner, List<Count> byAge) {

    public BrandDashboard {
        flows = List.copyOf(flows);
        days = List.copyOf(days);
        drift = List.copyOf(drift);
        byReason = List.copyOf(byReason);
        byOwner = List.copyOf(byOwner);
        byAge = List.copyOf(byAge);
    }

    /**
     * One flow of one connection over the last 24 hours.
     *
     * @param lastSuccess when a run last succeeded, or {@code null} when none is on record
     * @param lagMinutes  the largest lag a run reported in the last hour
     * @param throughput  records the flow moved in the last 24 hours
     * @param errorRate   failed runs over runs in the last 24 hours, in percent
     * @param backlog     what waits for this flow now (kept webhooks, shipments to post)
     * @param trend       records moved per hour, the last 24 hours, oldest first
     */
    public record FlowHealth(UUID connectionId, String connectionName, String flow, @Nullable Instant lastSuccess,
            long lagMinutes, long throughput, double errorRate, long backlog, List<Long> trend,
            HealthColour colour) {

        public FlowHealth {
            trend = List.copyOf(trend);
        }
    }

    /** One day: orders from the channel against orders released to the warehouse, shipped against tracking posted. */
    public record Day(LocalDate day, long received, long released, long shipped, long trackingPosted,
            long exceptionsOpened) {
    }

    /** One SKU's drift per day (the largest seen that day), oldest first. */
    public record DriftSeries(String sku, List<LocalDate> days, List<Integer> drift) {

        public DriftSeries {
            days = List.copyOf(days);
            drift = List.copyOf(drift);
        }
    }

    /** A label and how many. */
    public record Count(String label, long count) {
    }
}
