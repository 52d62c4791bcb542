package com.crossdock.portal.health;

import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SignedInUser;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.portal.tenant.TenantSummary;
import com.crossdock.tenantconfig.onboarding.OnboardingStage;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sync health for people and jobs: a brand's dashboard, an account manager's portfolio, the leadership heat map,
 * the hypercare daily review (page and CSV), alert rules with their history, and the two system tasks (evaluating
 * alerts, deleting raw events past their retention). Dashboards read rollups that triggers keep in step with the
 * facts (see V22), never raw events.
 *
 * <p>The portfolio and leadership read rollups of several tenants at once. That is the one cross-tenant read: it
 * runs in a read-only transaction that names exactly the tenants this service checked the caller may see (or all,
 * for the 3PL's leaders and platform admins) in {@code crossdock.health_tenants}, which only the rollup tables'
 * {@code health_read} policy honours; everything else of a tenant is still read in that tenant's own transaction.
 */
@Service
public class HealthService {

    private static final Logger log = LoggerFactory.getLogger(HealthService.class);
    private static final String EDITORS =
            "hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN', 'BRAND_USER')";
    private static final String ACTOR = "health";
    private static final Set<Integer> PERIODS = Set.of(7, 30, 90);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int RETENTION_BATCH = 10_000;
    private static final int HISTORY = 100;
    /** The onboarding stages the hypercare daily review is for. */
    static final Set<OnboardingStage> HYPERCARE_STAGES = java.util.EnumSet.of(OnboardingStage.LIMITED_GO_LIVE,
            OnboardingStage.HYPERCARE);

    private final TenantService tenants;
    private final TenantTransactions transactions;
    private final HealthReads reads;
    private final AlertEvaluator alerts;
    private final AlertDelivery delivery;
    private final HealthProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate acrossTenants;
    private final Clock clock;
    private final HealthUpdates updates;
    private final AlertKeys keys;
    /** The UAT feature's status per tenant, once it provides one (see {@link PortfolioUatStatus}). */
    private final org.springframework.beans.factory.ObjectProvider<PortfolioUatStatus> uatStatus;

    HealthService(TenantService tenants, TenantTransactions transactions, HealthReads reads,
            AlertEvaluator alerts, AlertDelivery delivery, HealthProperties properties, JdbcClient jdbc,
            PlatformTransactionManager transactionManager, Clock clock, HealthUpdates updates, AlertKeys keys,
            org.springframework.beans.factory.ObjectProvider<PortfolioUatStatus> uatStatus) {
        this.uatStatus = uatStatus;
        this.updates = updates;
        this.keys = keys;
        this.tenants = tenants;
        this.transactions = transactions;
        this.reads = reads;
        this.alerts = alerts;
        this.delivery = delivery;
        this.properties = properties;
        this.jdbc = jdbc;
        this.acrossTenants = new TransactionTemplate(transactionManager);
        this.acrossTenants.setReadOnly(true);
        this.clock = clock;
    }

    /** The brand dashboard of a tenant: flows, daily volumes, drift and open exceptions. */
    @PreAuthorize("isAuthenticated()")
    public BrandDashboard brandDashboard(TenantId tenant) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, () -> reads.brand(tenant, clock.instant()));
    }

    /**
     * Calls {@code onChange}, from another thread, soon after new rollups of the tenant land (a flow run, an order's
     * step, an exception; written by any portal instance), until the answer is closed: what a live dashboard reloads
     * on. {@code onChange} must only hand the work on.
     */
    @PreAuthorize("isAuthenticated()")
    public AutoCloseable watch(TenantId tenant, Runnable onChange) {
        tenants.requireOpen(tenant);
        return updates.watch(Set.of(tenant), java.util.Objects.requireNonNull(onChange, "onChange"));
    }

    /** As {@link #watch}, for every tenant of the caller's portfolio. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER')")
    public AutoCloseable watchPortfolio(Runnable onChange) {
        Set<TenantId> ids = tenants.visibleTenants().stream().map(TenantSummary::id)
                .collect(Collectors.toUnmodifiableSet());
        return updates.watch(ids, java.util.Objects.requireNonNull(onChange, "onChange"));
    }

    /** Every tenant the account manager (or platform admin) looks after, with stage, health and open exceptions. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER')")
    public List<PortfolioRow> portfolio() {
        List<TenantSummary> visible = tenants.visibleTenants();
        Instant now = clock.instant();
        SignedInUser user = CurrentUser.require();
        boolean all = user.isThreePlStaff() && user.has(Role.PLATFORM_ADMIN);
        List<TenantId> ids = visible.stream().map(TenantSummary::id).toList();
        Map<TenantId, long[]> lastDay = readAcross(all ? null : ids, () -> reads.lastDay(ids, now));
        Instant breachBefore = now.minus(properties.responseTime());
        PortfolioUatStatus uatSource = uatStatus.getIfAvailable();
        @Nullable Map<TenantId, String> uat = uatSource == null ? null : uatSource.statusOf(ids);
        List<PortfolioRow> rows = new ArrayList<>();
        for (TenantSummary tenant : visible) {
            HealthReads.OpenExceptions open = transactions.read(tenant.id(), () -> reads.openExceptions(now, breachBefore));
            long[] runs = lastDay.getOrDefault(tenant.id(), new long[] {0, 0});
            long openCount = open.byOwner().values().stream().mapToLong(Long::longValue).sum();
            rows.add(new PortfolioRow(tenant.id(), tenant.name(), tenant.code().value(), tenant.status(),
                    tenant.stage(), HealthColour.of(runs[0], runs[1], open.breaches()), runs[0], runs[1], openCount,
                    open.byOwner(), open.breaches(), uat == null ? "Not tracked yet"
                    : uat.getOrDefault(tenant.id(), "Not started")));
        }
        return rows;
    }

    /**
     * The leadership view over 7, 30 or 90 days: the 3PL's leaders (and platform admins) see every tenant, a brand's
     * leader only their own.
     */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'LEADERSHIP_VIEWER')")
    public Leadership leadership(int days) {
        if (!PERIODS.contains(days)) {
            throw new IllegalArgumentException("A period of 7, 30 or 90 days, not " + days);
        }
        SignedInUser user = CurrentUser.require();
        Instant now = clock.instant();
        if (user.homeTenant() != null) {
            TenantId home = user.homeTenant();
            tenants.requireOpen(home);
            return readAcross(List.of(home), () -> reads.leadership(reads.tenantNames(List.of(home)), days, now));
        }
        return readAcross(null, () -> reads.leadership(reads.tenantNames(null), days, now));
    }

    /**
     * The tenants the caller sees that are in limited go-live or hypercare: the ones the hypercare daily review is
     * for, by name.
     */
    @PreAuthorize("isAuthenticated()")
    public List<TenantSummary> hypercareTenants() {
        return tenants.visibleTenants().stream().filter(tenant -> HYPERCARE_STAGES.contains(tenant.stage()))
                .sorted(java.util.Comparator.comparing(TenantSummary::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /**
     * The hypercare daily review of a tenant for one day (UTC); refused for a tenant that is not in limited go-live
     * or hypercare, which the review is not for.
     */
    @PreAuthorize("isAuthenticated()")
    public HypercareReview hypercare(TenantId tenant, LocalDate day) {
        tenants.requireOpen(tenant);
        TenantSummary summary = tenants.visibleTenants().stream().filter(t -> t.id().equals(tenant)).findFirst()
                .orElseThrow(() -> new com.crossdock.portal.tenancy.NoSuchTenantException(tenant));
        if (!HYPERCARE_STAGES.contains(summary.stage())) {
            throw new HealthValidationException(Map.of("tenant", summary.name() + " is in " + summary.stage()
                    .label() + "; the hypercare daily review is for tenants in limited go-live or hypercare."));
        }
        String name = summary.name();
        List<HypercareReview.Line> lines = transactions.read(tenant, () -> reads.hypercare(day));
        List<Leadership.Pattern> patterns = readAcross(List.of(tenant), () -> reads.patterns(List.of(tenant), day, day, 10)).stream()
                .filter(pattern -> pattern.occurrences() > 1).toList();
        return new HypercareReview(tenant, name, day, lines, patterns);
    }

    /** The hypercare review as CSV: one row per check, then the repeated failure patterns. */
    @PreAuthorize("isAuthenticated()")
    public String hypercareCsv(TenantId tenant, LocalDate day) {
        HypercareReview review = hypercare(tenant, day);
        StringBuilder csv = new StringBuilder("tenant,day,check,expected,actual,needs_look,note\r\n");
        for (HypercareReview.Line line : review.lines()) {
            csv.append(String.join(",", quote(review.tenantName()), day.toString(), quote(line.check()),
                    Long.toString(line.expected()), Long.toString(line.actual()), Boolean.toString(line.needsLook()),
                    quote(line.note()))).append("\r\n");
        }
        for (Leadership.Pattern pattern : review.repeatedFailures()) {
            csv.append(String.join(",", quote(review.tenantName()), day.toString(),
                    quote("Repeated failure: " + pattern.flow() + " " + pattern.reason()), "0",
                    Long.toString(pattern.occurrences()), "true", quote("Seen " + pattern.occurrences()
                            + " times that day"))).append("\r\n");
        }
        return csv.toString();
    }

    /**
     * E-mails the hypercare review of a tenant and day to {@code to}, the CSV attached; answers what happened in a
     * sentence ("Sent to ...", or why not).
     */
    @PreAuthorize(EDITORS)
    public String emailHypercare(TenantId tenant, LocalDate day, String to) {
        tenants.requireOpen(tenant);
        String address = to.strip();
        if (address.length() > 320 || !EMAIL.matcher(address).matches()) {
            throw new HealthValidationException(Map.of("email", "Enter an e-mail address like ops@brand.com."));
        }
        HypercareReview review = hypercare(tenant, day);
        StringBuilder text = new StringBuilder("Hypercare review of " + review.tenantName() + " for " + day
                + " (UTC)\n\n");
        for (HypercareReview.Line line : review.lines()) {
            text.append(line.needsLook() ? "LOOK  " : "OK    ").append(line.check()).append(": ")
                    .append(line.actual()).append(" (expected ").append(line.expected()).append(")\n");
        }
        review.repeatedFailures().forEach(pattern -> text.append("Repeated: ").append(pattern.flow()).append(' ')
                .append(pattern.reason()).append(" × ").append(pattern.occurrences()).append('\n'));
        return delivery.sendReport(address, "[Crossdock] Hypercare review " + review.tenantName() + " " + day,
                text.toString(), "hypercare-" + day + ".csv",
                hypercareCsv(tenant, day).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The tenant's alert rules. */
    @PreAuthorize("isAuthenticated()")
    public List<AlertRuleView> alertRules(TenantId tenant) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT id, kind, threshold, email, webhook_url, quiet_minutes, enabled, created_by, created_at
                FROM alert_rule ORDER BY created_at""").query((rs, n) -> new AlertRuleView(rs.getObject(1, UUID.class),
                AlertKind.valueOf(rs.getString(2)), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                rs.getBoolean(7), rs.getString(8), rs.getTimestamp(9).toInstant())).list());
    }

    /** Whether the signed-in person may add and remove alert rules (leadership reads only). */
    public boolean canEditAlerts() {
        return CurrentUser.find().map(user -> user.roles().stream().anyMatch(role -> role != Role.LEADERSHIP_VIEWER))
                .orElse(false);
    }

    /** Adds an alert rule; a threshold out of range, no recipient or a bad address is a field error. */
    @PreAuthorize(EDITORS)
    public AlertRuleView addAlertRule(TenantId tenant, AlertRuleCommand command) {
        tenants.requireOpen(tenant);
        String email = blankToNull(command.email());
        String webhook = blankToNull(command.webhookUrl());
        validate(command, email, webhook);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String by = CurrentUser.require().username();
        transactions.writeAll(tenant, () -> jdbc.sql("""
                INSERT INTO alert_rule (tenant_id, id, kind, threshold, email, webhook_url, quiet_minutes, created_by,
                                        created_at)
                VALUES (crossdock_current_tenant(), :id, :kind, :threshold, :email, :webhook, :quiet, :by, :now)""")
                .param("id", id).param("kind", command.kind().name()).param("threshold", command.threshold())
                .param("email", email).param("webhook", webhook).param("quiet", command.quietMinutes())
                .param("by", by).param("now", Timestamp.from(now)).update());
        return new AlertRuleView(id, command.kind(), command.threshold(), email, webhook, command.quietMinutes(), true,
                by, now);
    }

    private static void validate(AlertRuleCommand command, @Nullable String email, @Nullable String webhook) {
        Map<String, String> errors = new LinkedHashMap<>();
        int max = command.kind() == AlertKind.ERROR_RATE ? 100 : 100_000;
        if (command.threshold() < 0 || command.threshold() > max) {
            errors.put("threshold", "Enter a threshold from 0 to " + max + " " + command.kind().unit() + ".");
        }
        if (command.quietMinutes() < 0 || command.quietMinutes() > 10_080) {
            errors.put("quietMinutes", "Enter a quiet period from 0 to 10080 minutes (a week).");
        }
        if (email == null && webhook == null) {
            errors.put("email", "Enter an e-mail address or a webhook address to send the alerts to.");
        }
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            errors.put("email", "Enter an e-mail address like ops@brand.com.");
        }
        if (webhook != null && !isHttpUrl(webhook)) {
            errors.put("webhookUrl", "Enter an http or https address, like https://hooks.brand.com/crossdock.");
        }
        if (!errors.isEmpty()) {
            throw new HealthValidationException(errors);
        }
    }

    private static boolean isHttpUrl(String text) {
        if (text.length() > 2000) {
            return false;
        }
        try {
            URI uri = URI.create(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Removes an alert rule and its history; answers whether it existed. */
    @PreAuthorize(EDITORS)
    public boolean removeAlertRule(TenantId tenant, UUID ruleId) {
        tenants.requireOpen(tenant);
        return transactions.write(tenant, () -> jdbc.sql("DELETE FROM alert_rule WHERE id = :id")
                .param("id", ruleId).update() == 1);
    }

    /** The tenant's key for signing alert webhooks (never its secret), if it has one. */
    @PreAuthorize("isAuthenticated()")
    public java.util.Optional<AlertSigningKey> alertSigningKey(TenantId tenant) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, keys::current);
    }

    /**
     * Makes the tenant a new key for signing its alert webhooks, replacing the old one at once; the answer holds the
     * secret, which is shown nowhere else. Each tenant has its own, so no receiver can be sent another tenant's
     * alerts under its key.
     */
    @PreAuthorize(EDITORS)
    public NewAlertSigningKey newAlertSigningKey(TenantId tenant) {
        tenants.requireOpen(tenant);
        String by = CurrentUser.require().username();
        NewAlertSigningKey created = transactions.write(tenant, () -> keys.rotate(tenant, by, clock.instant()));
        tenants.recordActivity(tenant, "health.alert-key", "New alert signing key " + created.key().hint());
        return created;
    }

    /** The tenant's most recent alerts, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<AlertView> alertHistory(TenantId tenant) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT id, rule_id, subject, detail, measured, raised_at, last_seen, occurrences, delivery,
                       email_result, webhook_result, cleared_at
                FROM alert_event ORDER BY raised_at DESC LIMIT :limit""").param("limit", HISTORY)
                .query((rs, n) -> new AlertView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getLong(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant(), rs.getInt(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant()))
                .list());
    }

    /** Evaluates the alert rules of one tenant now (the alert job does this for all); answers alerts sent. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public int evaluateAlerts(TenantId tenant) {
        tenants.requireOpen(tenant);
        TenantSummary summary = tenants.visibleTenants().stream().filter(t -> t.id().equals(tenant)).findFirst()
                .orElseThrow();
        return evaluate(summary);
    }

    private int evaluate(TenantSummary tenant) {
        return alerts.evaluate(tenant.id(), tenant.name(), tenant.code().value(), clock.instant());
    }

    /** The alert job: every tenant's rules, as the system actor. A tenant that fails is logged and skipped. */
    public int evaluateAllAlerts() {
        return SystemActor.call(ACTOR, () -> {
            int sent = 0;
            for (TenantSummary tenant : tenants.visibleTenants()) {
                try {
                    sent += evaluate(tenant);
                } catch (RuntimeException e) {
                    log.error("Evaluating the alert rules of tenant {} failed; the next run tries again",
                            tenant.id(), e);
                }
            }
            return sent;
        });
    }

    /**
     * The retention job: deletes flow runs and journey steps older than the raw retention, and minute and hour
     * rollups past theirs, tenant by tenant in batches. Day rollups stay.
     */
    public long applyRetention() {
        return SystemActor.call(ACTOR, () -> {
            Instant now = clock.instant();
            Timestamp raw = Timestamp.from(now.minus(properties.rawRetention()));
            Timestamp minute = Timestamp.from(now.minus(properties.minuteRetention()));
            Timestamp hour = Timestamp.from(now.minus(properties.hourRetention()));
            long deleted = 0;
            for (TenantSummary tenant : tenants.visibleTenants()) {
                deleted += deleteInBatches(tenant.id(), "flow_run", "started_at < :before AND outcome <> 'RUNNING'",
                        raw);
                deleted += deleteInBatches(tenant.id(), "sales_order_event", "at < :before", raw);
                deleted += deleteInBatches(tenant.id(), "health_rollup_minute", "bucket < :before", minute);
                deleted += deleteInBatches(tenant.id(), "health_rollup_hour", "bucket < :before", hour);
            }
            return deleted;
        });
    }

    private long deleteInBatches(TenantId tenant, String table, String condition, Timestamp before) {
        long total = 0;
        int deleted;
        do {
            deleted = transactions.write(tenant, () -> jdbc.sql("DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM "
                    + table + " WHERE " + condition + " LIMIT " + RETENTION_BATCH + ")").param("before", before)
                    .update());
            total += deleted;
        } while (deleted == RETENTION_BATCH);
        return total;
    }

    /**
     * Runs a read in which the rollups of exactly these tenants (all when {@code null}) are readable; the caller has
     * checked access already.
     */
    private <T> T readAcross(@Nullable List<TenantId> readable, Supplier<T> work) {
        String scope = readable == null ? "*"
                : readable.stream().map(id -> id.value().toString()).collect(Collectors.joining(","));
        return acrossTenants.execute(status -> {
            jdbc.sql("SELECT set_config('crossdock.health_tenants', :scope, true)").param("scope", scope)
                    .query(String.class).single();
            return work.get();
        });
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String quote(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
