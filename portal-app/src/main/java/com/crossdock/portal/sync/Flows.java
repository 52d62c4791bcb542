package com.crossdock.portal.sync;

import com.crossdock.portal.channel.ChannelConnected;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.scheduling.TenantJobs;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The flows of every connection: their rows in {@code channel_flow}, their Quartz jobs, and their runs. A run is
 * claimed in {@code flow_run} before its work starts, keyed by its firing, so the same firing never runs twice even
 * if two portal instances both took it; a run the portal died in is closed as failed when Quartz recovers it. It
 * runs for jobs as the system actor; what people see and change of flows is {@link FlowService}.
 */
@Component
class Flows {

    private static final Logger log = LoggerFactory.getLogger(Flows.class);

    private final TenantService tenants;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final TenantJobs jobs;
    private final SyncProperties properties;
    private final ExceptionLog exceptions;
    private final Clock clock;
    private final GoLive goLive;
    // per channel, the work of each flow its connections have
    private final Map<String, Map<Flow, FlowWork>> works = new java.util.HashMap<>();

    Flows(TenantService tenants, TenantTransactions transactions, JdbcClient jdbc, TenantJobs jobs,
            SyncProperties properties, ExceptionLog exceptions, Clock clock, List<FlowWork> works, GoLive goLive) {
        this.goLive = goLive;
        this.tenants = tenants;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.properties = properties;
        this.exceptions = exceptions;
        this.clock = clock;
        works.forEach(work -> work.channels().forEach(served -> this.works.computeIfAbsent(served,
                channel -> new EnumMap<>(Flow.class)).put(work.flow(), work)));
    }

    /** When a job fired: its scheduled time, the portal instance that took it, and whether Quartz recovers it. */
    record Firing(Instant scheduledFor, String instance, boolean recovering) {
    }

    /**
     * A new connection's flows, every one on with its default schedule, created in the connection's own transaction
     * (Quartz's store joins it too): a connection never exists without its flows.
     */
    @EventListener
    void on(ChannelConnected connected) {
        setUp(connected.tenant(), connected.connectionId());
    }

    /**
     * At start-up, every connection's flows get their rows and jobs (connections made before a flow existed, or
     * jobs lost with a schedule change). Registering an unchanged schedule again leaves it as it is.
     */
    @EventListener(ApplicationReadyEvent.class)
    void registerAll() {
        SystemActor.call("flow", () -> {
            for (var tenant : tenants.visibleTenants()) {
                List<UUID> connections = transactions.read(tenant.id(), () -> jdbc.sql(
                        "SELECT id FROM channel_connection ORDER BY created_at").query(UUID.class).list());
                connections.forEach(connection -> setUp(tenant.id(), connection));
            }
            return null;
        });
    }

    /** Creates the connection's missing flow rows with their defaults and registers every flow's job. */
    void setUp(TenantId tenant, UUID connectionId) {
        transactions.writeAll(tenant, () -> {
            String channel = channelOf(connectionId);
            // Shopify has every flow (some driven by webhooks alone); other channels the flows they have work for
            for (Flow flow : channel.equals("SHOPIFY") ? java.util.EnumSet.allOf(Flow.class)
                    : works.getOrDefault(channel, Map.of()).keySet()) {
                jdbc.sql("""
                        INSERT INTO channel_flow (tenant_id, id, connection_id, flow, enabled, interval_seconds)
                        VALUES (crossdock_current_tenant(), :id, :connection, :flow, TRUE, :interval)
                        ON CONFLICT (tenant_id, connection_id, flow) DO NOTHING""")
                        .param("id", UUID.randomUUID()).param("connection", connectionId).param("flow", flow.name())
                        .param("interval", flow.defaultInterval().toSeconds()).update();
            }
        });
        settings(tenant, connectionId).forEach(setting -> register(tenant, connectionId, setting));
    }

    private String channelOf(UUID connectionId) {
        return jdbc.sql("SELECT channel FROM channel_connection WHERE id = :id").param("id", connectionId)
                .query(String.class).optional().orElse("SHOPIFY");
    }

    /** A flow's switch and schedule as stored. */
    record Setting(Flow flow, boolean enabled, Duration interval) {
    }

    List<Setting> settings(TenantId tenant, UUID connectionId) {
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT flow, enabled, interval_seconds FROM channel_flow WHERE connection_id = :connection""")
                .param("connection", connectionId)
                .query((rs, n) -> new Setting(Flow.valueOf(rs.getString(1)), rs.getBoolean(2),
                        Duration.ofSeconds(rs.getInt(3))))
                .list().stream().sorted(java.util.Comparator.comparing(Setting::flow)).toList());
    }

    /**
     * The flow's job as its setting says: on a schedule when it is on and scheduled (and flows are scheduled in
     * this portal at all), otherwise kept without one, so "run now" still can start it.
     */
    void register(TenantId tenant, UUID connectionId, Setting setting) {
        String name = FlowJob.name(connectionId, setting.flow());
        if (setting.enabled() && scheduled(tenant, connectionId, setting.flow()) && properties.scheduleFlows()) {
            jobs.ensureEvery(tenant, name, FlowJob.class, setting.interval());
        } else {
            jobs.keepUnscheduled(tenant, name, FlowJob.class);
        }
    }

    /**
     * Whether a flow of the connection runs on a schedule: a scheduled flow, or one a channel polls for what
     * Shopify sends by webhook (Walmart's returns).
     */
    boolean scheduled(TenantId tenant, UUID connectionId, Flow flow) {
        return flow.scheduled() || scheduled(transactions.read(tenant, () -> channelOf(connectionId)), flow);
    }

    /** Whether the channel's connections run the flow on a schedule. */
    boolean scheduled(String channel, Flow flow) {
        return flow.scheduled() || works.getOrDefault(channel, Map.of()).containsKey(flow);
    }

    /** Whether the flow is switched on for the connection ({@code false} when the connection is gone). */
    boolean enabled(TenantId tenant, UUID connectionId, Flow flow) {
        return transactions.read(tenant, () -> enabledHere(connectionId, flow)).orElse(false);
    }

    /** Inside a tenant transaction: the flow's switch, or empty when the connection has no such flow. */
    Optional<Boolean> enabledHere(UUID connectionId, Flow flow) {
        return jdbc.sql("SELECT enabled FROM channel_flow WHERE connection_id = :connection AND flow = :flow")
                .param("connection", connectionId).param("flow", flow.name()).query(Boolean.class).optional();
    }

    /**
     * Runs one firing of a flow: claims it, lets the flow's work run, and records what it did. A firing another
     * instance already claimed, a switched-off flow and a connection that is gone run nothing.
     *
     * @return the id of the run's record, or empty when nothing ran
     */
    Optional<UUID> run(TenantId tenant, UUID connectionId, Flow flow, Firing firing) {
        return SystemActor.call("flow", () -> {
            FlowWork work = transactions.read(tenant, () -> jdbc.sql(
                    "SELECT channel FROM channel_connection WHERE id = :id").param("id", connectionId)
                    .query(String.class).optional()).map(channel -> works.getOrDefault(channel, Map.of()).get(flow))
                    .orElse(null);
            Optional<Boolean> enabled = transactions.read(tenant, () -> enabledHere(connectionId, flow));
            if (work == null || enabled.isEmpty() || !enabled.get()) {
                log.info("Flow {} of connection {} (tenant {}) is off, gone or has no scheduled work; not run",
                        flow, connectionId, tenant);
                return Optional.<UUID>empty();
            }
            Optional<UUID> claimed = transactions.write(tenant, () -> claim(connectionId, flow, firing));
            if (claimed.isEmpty()) {
                log.info("Firing {} of flow {} of connection {} already ran elsewhere", firing.scheduledFor(), flow,
                        connectionId);
                return claimed;
            }
            UUID runId = claimed.get();
            boolean live = transactions.read(tenant, () -> goLive.isLive(connectionId, flow));
            FlowResult result;
            try {
                result = live ? work.run(tenant, connectionId) : work.shadow(tenant, connectionId);
            } catch (RuntimeException failure) {
                log.error("Flow {} of connection {} (tenant {}) failed", flow, connectionId, tenant, failure);
                String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
                transactions.writeAll(tenant, () -> {
                    finish(runId, new FlowResult(0, 0, 0, null, true, message), "FAILED");
                    exceptions.record(flow, connectionId, null, "FLOW_FAILED", "flow:" + connectionId + ":" + flow,
                            flow.label() + " run", "The run stopped with an error: " + message
                                    + ". The next run tries again; if it keeps failing, tell the Crossdock team.", "");
                });
                return claimed;
            }
            transactions.writeAll(tenant, () -> finish(runId, result, result.outcome()));
            return claimed;
        });
    }

    private Optional<UUID> claim(UUID connectionId, Flow flow, Firing firing) {
        Timestamp at = Timestamp.from(firing.scheduledFor());
        if (firing.recovering()) {
            // the portal that ran this firing died; its run is closed and the firing runs again here
            jdbc.sql("""
                    UPDATE flow_run SET outcome = 'FAILED', finished_at = :now, scheduled_for = NULL,
                           message = 'The portal running this stopped before it finished; the run was repeated'
                    WHERE connection_id = :connection AND flow = :flow AND scheduled_for = :at
                      AND outcome = 'RUNNING'""")
                    .param("now", Timestamp.from(clock.instant())).param("connection", connectionId)
                    .param("flow", flow.name()).param("at", at).update();
        }
        return jdbc.sql("""
                INSERT INTO flow_run (tenant_id, id, connection_id, flow, started_at, records_in, records_out,
                                      records_failed, outcome, scheduled_for, instance)
                VALUES (crossdock_current_tenant(), :id, :connection, :flow, :now, 0, 0, 0, 'RUNNING', :at,
                        :instance)
                ON CONFLICT (tenant_id, connection_id, flow, scheduled_for) WHERE scheduled_for IS NOT NULL
                DO NOTHING
                RETURNING id""")
                .param("id", UUID.randomUUID()).param("connection", connectionId).param("flow", flow.name())
                .param("now", Timestamp.from(clock.instant())).param("at", at)
                .param("instance", Text.clip(firing.instance(), 100)).query(UUID.class).optional();
    }

    private void finish(UUID runId, FlowResult result, String outcome) {
        jdbc.sql("""
                UPDATE flow_run SET finished_at = :now, records_in = :in, records_out = :out, records_failed = :failed,
                       lag_ms = :lag, outcome = :outcome, message = :message
                WHERE id = :id""")
                .param("id", runId).param("now", Timestamp.from(clock.instant())).param("in", result.recordsIn())
                .param("out", result.recordsOut()).param("failed", result.recordsFailed())
                .param("lag", result.lagMillis()).param("outcome", outcome)
                .param("message", Text.clip(result.message(), 2000)).update();
    }

    /** Starts a flow now through its job, so it never overlaps a scheduled run of the same flow. */
    void runNow(TenantId tenant, UUID connectionId, Flow flow) {
        String name = FlowJob.name(connectionId, flow);
        if (!jobs.exists(tenant, name)) {
            settings(tenant, connectionId).stream().filter(setting -> setting.flow() == flow).findFirst()
                    .ifPresent(setting -> register(tenant, connectionId, setting));
        }
        jobs.triggerNow(tenant, name);
    }

    static @Nullable Long lagSince(@Nullable Instant newest, Instant now) {
        return newest == null ? null : Math.max(0, Duration.between(newest, now).toMillis());
    }
}
