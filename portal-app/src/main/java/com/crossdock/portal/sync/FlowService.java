package com.crossdock.portal.sync;

import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The flows of a tenant's connections as people see and steer them: on or off, how often, the last run and the runs
 * before it, and "run now". The sandbox warehouse's actions for sandbox connections are here too, because they are
 * what makes the write-back and inventory flows have work in a sandbox.
 */
@Service
public class FlowService {

    private static final String MANAGERS = "hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN')";
    private static final Duration MAX_INTERVAL = Duration.ofDays(1);

    private final TenantService tenants;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final ChannelService channels;
    private final Flows flows;
    private final SandboxWarehouse sandboxWarehouse;

    FlowService(TenantService tenants, TenantTransactions transactions, JdbcClient jdbc, ChannelService channels,
            Flows flows, SandboxWarehouse sandboxWarehouse) {
        this.tenants = tenants;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.channels = channels;
        this.flows = flows;
        this.sandboxWarehouse = sandboxWarehouse;
    }

    /** Whether the signed-in person may switch, schedule and start flows (as for connecting stores). */
    public boolean canManage() {
        return channels.canManage();
    }

    /** One run of a flow, as recorded: when, how it ended, what it moved. */
    public record RunView(Instant startedAt, @Nullable Instant finishedAt, String outcome, int recordsIn,
            int recordsOut, int recordsFailed, @Nullable Long lagMillis, String message) {
    }

    /** A flow of a connection: its switch, schedule and last run. */
    public record FlowView(UUID connectionId, Flow flow, boolean enabled, Duration interval, @Nullable RunView lastRun) {
    }

    /** A connection with its flows. */
    public record ConnectionFlows(UUID connectionId, String name, String shopDomain, ChannelMode mode,
            List<FlowView> flows) {
    }

    /** Every connection of the tenant with its flows. */
    @PreAuthorize("isAuthenticated()")
    public List<ConnectionFlows> connections(TenantId tenant) {
        tenants.requireOpen(tenant);
        var connections = channels.connections(tenant);
        Map<UUID, List<FlowView>> byConnection = transactions.read(tenant, () -> jdbc.sql("""
                SELECT f.connection_id, f.flow, f.enabled, f.interval_seconds, r.started_at, r.finished_at, r.outcome,
                       r.records_in, r.records_out, r.records_failed, r.lag_ms, r.message
                FROM channel_flow f
                LEFT JOIN LATERAL (SELECT * FROM flow_run r WHERE r.connection_id = f.connection_id AND r.flow = f.flow
                                   ORDER BY r.started_at DESC LIMIT 1) r ON TRUE""")
                .query((rs, n) -> new FlowView(rs.getObject(1, UUID.class), Flow.valueOf(rs.getString(2)),
                        rs.getBoolean(3), Duration.ofSeconds(rs.getInt(4)), rs.getTimestamp(5) == null ? null
                                : run(rs, 5)))
                .list().stream().collect(Collectors.groupingBy(FlowView::connectionId)));
        List<ConnectionFlows> result = new ArrayList<>();
        for (var connection : connections) {
            List<FlowView> views = new ArrayList<>(byConnection.getOrDefault(connection.id(), List.of()));
            views.sort(java.util.Comparator.comparing(FlowView::flow));
            result.add(new ConnectionFlows(connection.id(), connection.name(), connection.shopDomain(),
                    connection.mode(), views));
        }
        return result;
    }

    /** The newest runs of one flow, newest first, for its history and chart. */
    @PreAuthorize("isAuthenticated()")
    public List<RunView> runs(TenantId tenant, UUID connectionId, Flow flow, int limit) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT started_at, finished_at, outcome, records_in, records_out, records_failed, lag_ms, message
                FROM flow_run WHERE connection_id = :connection AND flow = :flow ORDER BY started_at DESC LIMIT :limit""")
                .param("connection", connectionId).param("flow", flow.name()).param("limit", limit)
                .query((rs, n) -> run(rs, 1)).list());
    }

    private static RunView run(java.sql.ResultSet rs, int from) throws java.sql.SQLException {
        return new RunView(rs.getTimestamp(from).toInstant(),
                rs.getTimestamp(from + 1) == null ? null : rs.getTimestamp(from + 1).toInstant(),
                rs.getString(from + 2), rs.getInt(from + 3), rs.getInt(from + 4), rs.getInt(from + 5),
                (Long) rs.getObject(from + 6), rs.getString(from + 7));
    }

    /** Switches a flow on or off; off, its schedule stops and its webhooks are kept but not applied. */
    @PreAuthorize(MANAGERS)
    public void setEnabled(TenantId tenant, UUID connectionId, Flow flow, boolean enabled) {
        tenants.requireOpen(tenant);
        update(tenant, connectionId, flow, "enabled = :value", enabled);
        tenants.recordActivity(tenant, enabled ? "flow.enabled" : "flow.disabled", flow.label() + " of connection "
                + connectionId + " switched " + (enabled ? "on" : "off"));
    }

    /** Sets how often a scheduled flow runs: at least every day, at most every minute. */
    @PreAuthorize(MANAGERS)
    public void setInterval(TenantId tenant, UUID connectionId, Flow flow, Duration interval) {
        tenants.requireOpen(tenant);
        if (!flow.scheduled()) {
            throw new IllegalArgumentException(flow.label() + " arrives by webhook and has no schedule");
        }
        if (interval.compareTo(Flow.MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("A flow runs at most every minute and at least once a day; "
                    + "choose between 1 and 1440 minutes");
        }
        update(tenant, connectionId, flow, "interval_seconds = :value", (int) interval.toSeconds());
        tenants.recordActivity(tenant, "flow.scheduled", flow.label() + " of connection " + connectionId
                + " now runs every " + interval.toMinutes() + " min");
    }

    private void update(TenantId tenant, UUID connectionId, Flow flow, String set, Object value) {
        int changed = transactions.write(tenant, () -> jdbc.sql(
                "UPDATE channel_flow SET " + set + " WHERE connection_id = :connection AND flow = :flow")
                .param("value", value).param("connection", connectionId).param("flow", flow.name()).update());
        if (changed == 0) {
            throw new com.crossdock.portal.channel.NoSuchConnectionException(connectionId);
        }
        flows.settings(tenant, connectionId).stream().filter(setting -> setting.flow() == flow)
                .forEach(setting -> flows.register(tenant, connectionId, setting));
    }

    /** Starts a switched-on scheduled flow now; it runs after a run in progress, never beside it. */
    @PreAuthorize(MANAGERS)
    public void runNow(TenantId tenant, UUID connectionId, Flow flow) {
        tenants.requireOpen(tenant);
        if (!flow.scheduled()) {
            throw new IllegalArgumentException(flow.label() + " arrives by webhook; there is nothing to run");
        }
        if (!flows.enabled(tenant, connectionId, flow)) {
            throw new IllegalStateException(flow.label() + " is off; switch it on to run it");
        }
        flows.runNow(tenant, connectionId, flow);
    }

    /**
     * The sandbox warehouse ships the released orders of the tenant's sandbox connections, and their fulfillment
     * write-back starts at once.
     */
    @PreAuthorize(MANAGERS)
    public SandboxWarehouse.Shipped shipInSandbox(TenantId tenant) {
        tenants.requireOpen(tenant);
        SandboxWarehouse.Shipped shipped = sandboxWarehouse.shipReleased(tenant, 500);
        shipped.connections().stream().filter(connection -> flows.enabled(tenant, connection,
                Flow.FULFILLMENT_WRITEBACK)).forEach(connection -> flows.runNow(tenant, connection,
                Flow.FULFILLMENT_WRITEBACK));
        return shipped;
    }

    /** The sandbox warehouse reports stock for the tenant's catalog; the inventory push of sandboxes starts. */
    @PreAuthorize(MANAGERS)
    public int reportStockInSandbox(TenantId tenant) {
        tenants.requireOpen(tenant);
        int positions = sandboxWarehouse.reportStock(tenant);
        connections(tenant).stream().filter(connection -> connection.mode() == ChannelMode.SANDBOX)
                .filter(connection -> flows.enabled(tenant, connection.connectionId(), Flow.INVENTORY_PUSH))
                .forEach(connection -> flows.runNow(tenant, connection.connectionId(), Flow.INVENTORY_PUSH));
        return positions;
    }
}
