package com.crossdock.portal.sync;

import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
    private final GovernanceService governance;
    private final Clock clock;

    FlowService(TenantService tenants, TenantTransactions transactions, JdbcClient jdbc, ChannelService channels,
            Flows flows, SandboxWarehouse sandboxWarehouse,
            GovernanceService governance, Clock clock) {
        this.governance = governance;
        this.clock = clock;
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

    /** Whether the signed-in person may go live with readiness items failing (platform admins, with a reason). */
    public boolean canOverrideGoLive() {
        return CurrentUser.find().map(user -> user.has(Role.PLATFORM_ADMIN)).orElse(false);
    }

    /** One run of a flow, as recorded: when, how it ended, what it moved. */
    public record RunView(Instant startedAt, @Nullable Instant finishedAt, String outcome, int recordsIn,
            int recordsOut, int recordsFailed, @Nullable Long lagMillis, String message) {
    }

    /**
     * A flow of a connection: its switch, schedule and last run; {@code scheduled} when it runs on a schedule for
     * this connection's channel (else it arrives by webhook).
     */
    public record FlowView(UUID connectionId, Flow flow, boolean enabled, Duration interval, @Nullable RunView lastRun,
            boolean scheduled, boolean live) {
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
                       r.records_in, r.records_out, r.records_failed, r.lag_ms, r.message, c.channel,
                       """ + GoLive.LIVE_SQL + """
                FROM channel_flow f JOIN channel_connection c ON c.id = f.connection_id
                LEFT JOIN go_live_flow g ON g.connection_id = f.connection_id AND g.flow = f.flow
                LEFT JOIN LATERAL (SELECT * FROM flow_run r WHERE r.connection_id = f.connection_id AND r.flow = f.flow
                                   ORDER BY r.started_at DESC LIMIT 1) r ON TRUE""")
                .query((rs, n) -> new FlowView(rs.getObject(1, UUID.class), Flow.valueOf(rs.getString(2)),
                        rs.getBoolean(3), Duration.ofSeconds(rs.getInt(4)), rs.getTimestamp(5) == null ? null
                                : run(rs, 5), flows.scheduled(rs.getString(13), Flow.valueOf(rs.getString(2))),
                        rs.getBoolean(14)))
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
        if (!flows.scheduled(tenant, connectionId, flow)) {
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
            throw new NoSuchConnectionException(connectionId);
        }
        flows.settings(tenant, connectionId).stream().filter(setting -> setting.flow() == flow)
                .forEach(setting -> flows.register(tenant, connectionId, setting));
    }

    /** Starts a switched-on scheduled flow now; it runs after a run in progress, never beside it. */
    @PreAuthorize(MANAGERS)
    public void runNow(TenantId tenant, UUID connectionId, Flow flow) {
        tenants.requireOpen(tenant);
        if (!flows.scheduled(tenant, connectionId, flow)) {
            throw new IllegalArgumentException(flow.label() + " arrives by webhook; there is nothing to run");
        }
        if (!flows.enabled(tenant, connectionId, flow)) {
            throw new IllegalStateException(flow.label() + " is off; switch it on to run it");
        }
        flows.runNow(tenant, connectionId, flow);
    }

    /**
     * The tenant's go-live: each flow of each connection, live or in shadow (a sandbox connection's runs for real
     * until it is put in shadow), the SKUs in scope, and the readiness items that keep it from going live.
     */
    @PreAuthorize("isAuthenticated()")
    public GoLiveState goLive(TenantId tenant) {
        tenants.requireOpen(tenant);
        return goLive(tenant, notReady(tenant));
    }

    /** The readiness items that fail, as "label: reason" (catalog findings included, so not cheap). */
    private List<String> notReady(TenantId tenant) {
        return governance.readiness(tenant).stream().filter(item -> !item.passed())
                .map(item -> item.label() + ": " + item.reason()).toList();
    }

    private GoLiveState goLive(TenantId tenant, List<String> notReady) {
        return transactions.read(tenant, () -> {
            List<GoLiveState.Entry> entries = jdbc.sql("""
                    SELECT c.id, c.name, c.mode, f.flow, g.switched_by, g.switched_at, g.override_reason,
                           """ + GoLive.LIVE_SQL + """
                    FROM channel_flow f JOIN channel_connection c ON c.id = f.connection_id
                    LEFT JOIN go_live_flow g ON g.connection_id = f.connection_id AND g.flow = f.flow
                    ORDER BY c.created_at, c.name, f.flow""")
                    .query((rs, n) -> new GoLiveState.Entry(rs.getObject(1, UUID.class), rs.getString(2),
                            ChannelMode.valueOf(rs.getString(3)), Flow.valueOf(rs.getString(4)), rs.getBoolean(8),
                            rs.getString(5), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                            rs.getString(7))).list();
            List<String> skus = jdbc.sql("SELECT master_sku FROM go_live_sku ORDER BY master_sku").query(String.class)
                    .list();
            return new GoLiveState(entries, skus, notReady);
        });
    }

    /**
     * Switches a flow live or back to shadow mode. Going live needs every readiness item to pass; a platform admin may
     * go live anyway with a reason (at least 10 characters), which is recorded. A sandbox connection's flows start
     * live (UAT runs there), and go through the same switch when a brand rehearses its go-live on the sandbox.
     */
    @PreAuthorize(MANAGERS)
    public GoLiveState switchLive(TenantId tenant, UUID connectionId, Flow flow, boolean live,
            @Nullable String overrideReason) {
        tenants.requireOpen(tenant);
        Objects.requireNonNull(flow, "flow");
        // readiness gates only the way to live: going back to shadow needs no readiness, worked out once at most
        List<String> notReady = live ? notReady(tenant) : List.of();
        GoLiveState state = goLive(tenant, notReady);
        GoLiveState.Entry entry = state.flows().stream().filter(e -> e.connectionId().equals(connectionId)
                && e.flow() == flow).findFirst().orElseThrow(() -> new NoSuchConnectionException(connectionId));
        String reason = overrideReason == null ? "" : overrideReason.strip();
        boolean overriding = live && !state.ready();
        if (overriding) {
            if (!CurrentUser.require().has(Role.PLATFORM_ADMIN)) {
                throw new GoLiveRefusedException("Not ready to go live: " + String.join("; ", state.notReady())
                        + ". Fix these first (see the Overview's readiness); only a platform admin can go live "
                        + "anyway, with a reason.");
            }
            if (reason.length() < 10 || reason.length() > 500) {
                throw new GoLiveRefusedException("Going live with readiness items failing needs a reason of 10 to "
                        + "500 characters, for the record: " + String.join("; ", state.notReady()));
            }
        }
        transactions.write(tenant, () -> jdbc.sql("""
                INSERT INTO go_live_flow (tenant_id, id, connection_id, flow, live, override_reason, switched_by,
                                          switched_at)
                VALUES (crossdock_current_tenant(), :id, :connection, :flow, :live, :reason, :by, :now)
                ON CONFLICT (tenant_id, connection_id, flow) DO UPDATE SET live = excluded.live,
                    override_reason = excluded.override_reason, switched_by = excluded.switched_by,
                    switched_at = excluded.switched_at""")
                .param("id", UUID.randomUUID()).param("connection", connectionId).param("flow", flow.name())
                .param("live", live).param("reason", overriding ? reason : null)
                .param("by", CurrentUser.actor())
                .param("now", Timestamp.from(clock.instant())).update());
        tenants.recordActivity(tenant, live ? "golive.live" : "golive.shadow", flow.label() + " of "
                + entry.connectionName() + (live ? " is live" + (overriding ? " by override: " + reason : "")
                : " is back in shadow mode"));
        // switching a flow changes no readiness item, so what was worked out before still holds
        return live ? goLive(tenant, notReady) : goLive(tenant);
    }

    /**
     * Sets the SKUs in the go-live scope (master SKUs of the catalog; none means every SKU): orders with a SKU
     * outside stay in shadow mode even on a live flow. Refused, naming them, when a SKU is not in the catalog.
     */
    @PreAuthorize(MANAGERS)
    public GoLiveState setLiveSkus(TenantId tenant, List<String> skus) {
        tenants.requireOpen(tenant);
        List<String> wanted = (skus == null ? List.<String>of() : skus).stream().filter(Objects::nonNull)
                .map(String::strip).filter(sku -> !sku.isEmpty()).distinct().toList();
        transactions.write(tenant, () -> {
            Map<String, String> known = new java.util.HashMap<>();
            jdbc.sql("SELECT sku FROM catalog_item").query(String.class).list()
                    .forEach(sku -> known.put(sku.toUpperCase(Locale.ROOT), sku));
            List<String> unknown = wanted.stream().filter(sku -> !known.containsKey(sku.toUpperCase(
                    Locale.ROOT))).toList();
            if (!unknown.isEmpty()) {
                throw new GoLiveRefusedException("Not in the catalog: " + String.join(", ", unknown)
                        + ". The go-live scope names master SKUs of the catalog.");
            }
            jdbc.sql("DELETE FROM go_live_sku").update();
            for (String sku : wanted) {
                jdbc.sql("""
                        INSERT INTO go_live_sku (tenant_id, id, master_sku, added_by, added_at)
                        VALUES (crossdock_current_tenant(), :id, :sku, :by, :now) ON CONFLICT DO NOTHING""")
                        .param("id", UUID.randomUUID()).param("sku", known.get(sku.toUpperCase(Locale.ROOT)))
                        .param("by", CurrentUser.actor())
                        .param("now", Timestamp.from(clock.instant())).update();
            }
            return null;
        });
        tenants.recordActivity(tenant, "golive.skus", wanted.isEmpty() ? "Every SKU is in the go-live scope"
                : wanted.size() + " SKUs in the go-live scope");
        return goLive(tenant);
    }

    /** What shadow runs would have sent and the channel shows differently, newest first (at most 500). */
    @PreAuthorize("isAuthenticated()")
    public List<GoLiveState.Difference> shadowDifferences(TenantId tenant) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT connection_id, flow, subject, would_send, channel_shows, recorded_at FROM shadow_difference
                ORDER BY recorded_at DESC, subject LIMIT 500""")
                .query((rs, n) -> new GoLiveState.Difference(rs.getObject(1, UUID.class),
                        Flow.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant())).list());
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
