package com.crossdock.portal.uat;

import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.uat.ItemKind;
import com.crossdock.tenantconfig.uat.ScenarioFormat;
import com.crossdock.tenantconfig.uat.ScenarioStep;
import com.crossdock.tenantconfig.uat.ScenarioTemplate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The UAT tables of one tenant: custom scenarios, runs, their step results and sign-offs. Each method is one tenant
 * transaction of its own, so a run's progress is committed step by step and readers see it at once.
 */
@Component
class UatRuns {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RUN_COLUMNS = """
            r.id, r.scenario_key, r.scenario_name, r.status, r.config_version, r.summary, r.started_by, r.queued_at,
            r.finished_at, (SELECT count(*) FROM uat_signoff s WHERE s.run_id = r.id)""";

    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    UatRuns(TenantTransactions transactions, JdbcClient jdbc, Clock clock) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A custom scenario as stored. */
    record Custom(UUID id, ScenarioTemplate scenario, String copiedFrom, long version) {
    }

    List<Custom> customs(TenantId tenant) {
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT id, definition, copied_from, version FROM uat_scenario ORDER BY name, scenario_key""")
                .query((rs, n) -> new Custom(rs.getObject(1, UUID.class), ScenarioFormat.read(rs.getString(2)),
                        rs.getString(3), rs.getLong(4))).list());
    }

    void insertCustom(TenantId tenant, ScenarioTemplate scenario, String copiedFrom, String actor) {
        transactions.write(tenant, () -> jdbc.sql("""
                INSERT INTO uat_scenario (tenant_id, id, scenario_key, name, copied_from, definition, changed_by,
                                          changed_at)
                VALUES (crossdock_current_tenant(), :id, :key, :name, :from, :definition, :by, :now)""")
                .param("id", UUID.randomUUID()).param("key", scenario.key()).param("name", scenario.name())
                .param("from", copiedFrom).param("definition", ScenarioFormat.write(scenario)).param("by", actor)
                .param("now", Timestamp.from(clock.instant())).update());
    }

    /** Saves edited steps when the version is the one the editor saw; answers whether it was. */
    boolean updateCustom(TenantId tenant, ScenarioTemplate scenario, long expectedVersion, String actor) {
        return transactions.write(tenant, () -> jdbc.sql("""
                UPDATE uat_scenario SET definition = :definition, name = :name, changed_by = :by, changed_at = :now,
                       version = version + 1
                WHERE scenario_key = :key AND version = :version""")
                .param("definition", ScenarioFormat.write(scenario)).param("name", scenario.name())
                .param("by", actor).param("now", Timestamp.from(clock.instant())).param("key", scenario.key())
                .param("version", expectedVersion).update() == 1);
    }

    boolean deleteCustom(TenantId tenant, String key) {
        return transactions.write(tenant, () -> jdbc.sql("DELETE FROM uat_scenario WHERE scenario_key = :key")
                .param("key", key).update() == 1);
    }

    /** A queued run with a pending result per step. */
    UUID queue(TenantId tenant, ScenarioTemplate scenario, long configVersion, String actor) {
        UUID id = UUID.randomUUID();
        transactions.write(tenant, () -> {
            jdbc.sql("""
                    INSERT INTO uat_run (tenant_id, id, scenario_key, scenario_name, definition, status, config_version,
                                         started_by, queued_at)
                    VALUES (crossdock_current_tenant(), :id, :key, :name, :definition, 'QUEUED', :version, :by, :now)""")
                    .param("id", id).param("key", scenario.key()).param("name", scenario.name())
                    .param("definition", ScenarioFormat.write(scenario)).param("version", configVersion)
                    .param("by", actor).param("now", Timestamp.from(clock.instant())).update();
            for (int i = 0; i < scenario.steps().size(); i++) {
                ScenarioStep step = scenario.steps().get(i);
                jdbc.sql("""
                        INSERT INTO uat_step_result (tenant_id, id, run_id, step_no, title, kind, outcome)
                        VALUES (crossdock_current_tenant(), :id, :run, :no, :title, :kind, 'PENDING')""")
                        .param("id", UUID.randomUUID()).param("run", id).param("no", i + 1)
                        .param("title", step.title()).param("kind", step.kind().name()).update();
            }
            return null;
        });
        return id;
    }

    /** Takes the oldest queued run (marking it running), if any; another instance never takes the same one. */
    Optional<UUID> claimNext(TenantId tenant) {
        return transactions.write(tenant, () -> jdbc.sql("""
                UPDATE uat_run SET status = 'RUNNING', started_at = :now
                WHERE id = (SELECT id FROM uat_run WHERE status = 'QUEUED' ORDER BY queued_at, id LIMIT 1
                            FOR UPDATE SKIP LOCKED)
                RETURNING id""").param("now", Timestamp.from(clock.instant())).query(UUID.class).optional());
    }

    /** Closes the runs a stopped portal left running as failed, saying so; answers them. */
    List<UUID> abandonRunning(TenantId tenant) {
        return transactions.write(tenant, () -> {
            List<UUID> left = jdbc.sql("SELECT id FROM uat_run WHERE status = 'RUNNING'").query(UUID.class).list();
            for (UUID run : left) {
                jdbc.sql("""
                        UPDATE uat_step_result SET outcome = 'SKIPPED', reason = 'The portal stopped during this run.',
                               finished_at = :now
                        WHERE run_id = :run AND outcome IN ('PENDING', 'RUNNING')""")
                        .param("now", Timestamp.from(clock.instant())).param("run", run).update();
            }
            jdbc.sql("""
                    UPDATE uat_run SET status = 'FAILED', finished_at = :now,
                           summary = 'The portal stopped during this run; run the scenario again.'
                    WHERE status = 'RUNNING'""").param("now", Timestamp.from(clock.instant())).update();
            return left;
        });
    }

    ScenarioTemplate definition(TenantId tenant, UUID runId) {
        return ScenarioFormat.read(transactions.read(tenant, () -> jdbc.sql(
                "SELECT definition FROM uat_run WHERE id = :id").param("id", runId).query(String.class).single()));
    }

    void started(TenantId tenant, UUID runId, List<PickedItem> picked) {
        transactions.write(tenant, () -> jdbc.sql("""
                UPDATE uat_run SET status = 'RUNNING', started_at = :now, picked_items = :picked WHERE id = :id""")
                .param("now", Timestamp.from(clock.instant())).param("picked", JSON.writeValueAsString(picked))
                .param("id", runId).update());
    }

    void stepStarted(TenantId tenant, UUID runId, int step) {
        transactions.write(tenant, () -> jdbc.sql("""
                UPDATE uat_step_result SET outcome = 'RUNNING', started_at = :now WHERE run_id = :run AND step_no = :no""")
                .param("now", Timestamp.from(clock.instant())).param("run", runId).param("no", step).update());
    }

    void stepFinished(TenantId tenant, UUID runId, int step, StepOutcome outcome, String reason,
            Map<String, String> evidence) {
        transactions.write(tenant, () -> jdbc.sql("""
                UPDATE uat_step_result SET outcome = :outcome, reason = :reason, evidence = :evidence,
                       started_at = coalesce(started_at, :now), finished_at = :now
                WHERE run_id = :run AND step_no = :no""")
                .param("outcome", outcome.name()).param("reason", clip(reason, 4000))
                .param("evidence", JSON.writeValueAsString(evidence)).param("now", Timestamp.from(clock.instant()))
                .param("run", runId).param("no", step).update());
    }

    void finished(TenantId tenant, UUID runId, RunStatus status, String summary) {
        transactions.write(tenant, () -> jdbc.sql("""
                UPDATE uat_run SET status = :status, summary = :summary, finished_at = :now WHERE id = :id""")
                .param("status", status.name()).param("summary", clip(summary, 2000))
                .param("now", Timestamp.from(clock.instant())).param("id", runId).update());
    }

    List<RunSummary> runs(TenantId tenant, int limit) {
        return transactions.read(tenant, () -> jdbc.sql("SELECT " + RUN_COLUMNS
                        + " FROM uat_run r ORDER BY r.queued_at DESC LIMIT :limit").param("limit", limit)
                .query(UatRuns::summary).list());
    }

    /** The newest run of each scenario key. */
    List<RunSummary> latestPerScenario(TenantId tenant) {
        return transactions.read(tenant, () -> jdbc.sql("SELECT DISTINCT ON (r.scenario_key) " + RUN_COLUMNS
                        + " FROM uat_run r ORDER BY r.scenario_key, r.queued_at DESC")
                .query(UatRuns::summary).list());
    }

    Optional<RunView> run(TenantId tenant, UUID runId) {
        return transactions.read(tenant, () -> {
            record Head(RunSummary summary, List<PickedItem> picked, @Nullable Instant startedAt) {
            }
            Optional<Head> head = jdbc.sql("SELECT " + RUN_COLUMNS + ", r.picked_items, r.started_at "
                            + "FROM uat_run r WHERE r.id = :id").param("id", runId)
                    .query((rs, n) -> new Head(summary(rs, n), picked(rs.getString(11)), instant(rs, 12))).optional();
            if (head.isEmpty()) {
                return Optional.<RunView>empty();
            }
            ScenarioTemplate scenario = ScenarioFormat.read(jdbc.sql("SELECT definition FROM uat_run WHERE id = :id")
                    .param("id", runId).query(String.class).single());
            List<StepView> steps = jdbc.sql("""
                    SELECT step_no, title, kind, outcome, reason, evidence, started_at, finished_at
                    FROM uat_step_result WHERE run_id = :run ORDER BY step_no""").param("run", runId)
                    .query((rs, n) -> new StepView(rs.getInt(1), rs.getString(2), rs.getString(3),
                            StepOutcome.valueOf(rs.getString(4)), expected(scenario, rs.getInt(1)), rs.getString(5),
                            evidence(rs.getString(6)), instant(rs, 7), instant(rs, 8))).list();
            RunSummary summary = head.get().summary();
            return Optional.of(new RunView(summary.id(), summary.scenarioKey(), summary.scenarioName(),
                    summary.status(), summary.configVersion(), head.get().picked(), summary.summary(),
                    summary.startedBy(), summary.queuedAt(), head.get().startedAt(), summary.finishedAt(), steps,
                    signOffs(runId)));
        });
    }

    /** Records a sign-off; false when that role signed the run already. */
    boolean signOff(TenantId tenant, UUID runId, SignOffRole role, String actor, String name, long configVersion) {
        return transactions.write(tenant, () -> jdbc.sql("""
                INSERT INTO uat_signoff (tenant_id, id, run_id, role, signed_by, signed_by_name, signed_at,
                                         config_version)
                VALUES (crossdock_current_tenant(), :id, :run, :role, :by, :name, :now, :version)
                ON CONFLICT (tenant_id, run_id, role) DO NOTHING""")
                .param("id", UUID.randomUUID()).param("run", runId).param("role", role.name()).param("by", actor)
                .param("name", name).param("now", Timestamp.from(clock.instant())).param("version", configVersion)
                .update() == 1);
    }

    /** The newest run both roles signed, if any. */
    Optional<RunView> latestSigned(TenantId tenant) {
        Optional<UUID> id = transactions.read(tenant, () -> jdbc.sql("""
                SELECT s.run_id FROM uat_signoff s GROUP BY s.run_id HAVING count(DISTINCT s.role) = 2
                ORDER BY max(s.signed_at) DESC LIMIT 1""").query(UUID.class).optional());
        return id.flatMap(run -> run(tenant, run));
    }

    /** The tenant's setup and catalog activity after a moment, oldest first, as "who: what" lines. */
    List<String> activitySince(TenantId tenant, Instant since) {
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT actor, detail FROM tenant_activity
                WHERE occurred_at > :since AND (action LIKE 'setup.%' OR action LIKE 'catalog%')
                ORDER BY occurred_at LIMIT 20""").param("since", Timestamp.from(since))
                .query((rs, n) -> rs.getString(2) + " (" + rs.getString(1) + ")").list());
    }

    /** Changes to these catalog items (by master SKU) after a moment, oldest first, as "SKU changed by who at when". */
    List<String> catalogChangesSince(TenantId tenant, Instant since, java.util.Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT a.sku, r.actor, r.occurred_at FROM catalog_item_aud a JOIN audit_revision r ON r.id = a.rev
                WHERE r.occurred_at > :since AND a.sku IN (:skus) ORDER BY r.occurred_at LIMIT 10""")
                .param("since", Timestamp.from(since)).param("skus", List.copyOf(skus))
                .query((rs, n) -> "Catalog item " + rs.getString(1) + " changed by " + rs.getString(2) + " at "
                        + rs.getTimestamp(3).toInstant()).list());
    }

    private List<SignOffView> signOffs(UUID runId) {
        return jdbc.sql("""
                SELECT role, signed_by, signed_by_name, signed_at, config_version FROM uat_signoff WHERE run_id = :run
                ORDER BY signed_at""").param("run", runId)
                .query((rs, n) -> new SignOffView(SignOffRole.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getLong(5))).list();
    }

    private static RunSummary summary(ResultSet rs, int n) throws SQLException {
        return new RunSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                RunStatus.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant(), instant(rs, 9), rs.getInt(10));
    }

    private static List<String> expected(ScenarioTemplate scenario, int step) {
        return step <= scenario.steps().size() ? scenario.steps().get(step - 1).expect().describe() : List.of();
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static List<PickedItem> picked(String json) {
        List<Map<String, Object>> rows = JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {
        });
        List<PickedItem> picked = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Long> perSale = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            Map<String, Object> sale = (Map<String, Object>) row.getOrDefault("perSale", Map.of());
            sale.forEach((sku, units) -> perSale.put(sku, ((Number) units).longValue()));
            picked.add(new PickedItem(String.valueOf(row.get("role")), ItemKind.valueOf(String.valueOf(row.get("kind"))),
                    String.valueOf(row.get("channelSku")), perSale, String.valueOf(row.get("why"))));
        }
        return picked;
    }

    private static Map<String, String> evidence(String json) {
        return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
        });
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
