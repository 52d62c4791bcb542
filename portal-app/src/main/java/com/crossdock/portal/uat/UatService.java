package com.crossdock.portal.uat;

import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.sandbox.ShopifySandboxService;
import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.identity.SignedInUser;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.receiving.InboundReceipts;
import com.crossdock.portal.receiving.ReceivingService;
import com.crossdock.portal.returns.ReturnsService;
import com.crossdock.portal.scheduling.TenantJobs;
import com.crossdock.portal.sync.FlowService;
import com.crossdock.portal.sync.SyncService;
import com.crossdock.portal.sync.WarehouseFeedback;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.portal.warehouse.WmsExchange;
import com.crossdock.portal.warehouse.WmsService;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.uat.ScenarioFormat;
import com.crossdock.tenantconfig.uat.ScenarioFormatException;
import com.crossdock.tenantconfig.uat.ScenarioLibrary;
import com.crossdock.tenantconfig.uat.ScenarioStep;
import com.crossdock.tenantconfig.uat.ScenarioTemplate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * UAT on the tenant's own configuration: the scenario library (the built-in templates of {@link ScenarioLibrary} and
 * the tenant's custom copies with edited steps), runs that drive the real pipeline against the tenant's sandboxes
 * in the background (so a run goes on when the browser closes), each step's outcome, reason and evidence, the HTML
 * and PDF report, and the sign-offs of a passing run by the brand admin and the account manager, which go stale when
 * the configuration moves on.
 *
 * <p>Everyone who may open the tenant reads; brand admins, account managers and platform admins run and edit; only a
 * brand admin and an account manager sign, each in their own role.
 */
@Service
public class UatService {

    private static final Logger log = LoggerFactory.getLogger(UatService.class);
    private static final String RUNNERS = "hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN')";
    private static final String SIGNERS = "hasAnyRole('ACCOUNT_MANAGER', 'BRAND_ADMIN')";

    private final TenantService tenants;
    private final GovernanceService governance;
    private final UatRuns runs;
    private final ScenarioRunner.Deps deps;
    private final UatProperties properties;
    private final TenantJobs jobs;
    private final UatUpdates updates;

    UatService(TenantService tenants, GovernanceService governance, UatRuns runs, ChannelService channels,
            ShopifySandboxService sandbox, SyncService sync, WarehouseFeedback warehouse, FlowService flows,
            CatalogService catalog, ReceivingService receiving, InboundReceipts receipts, ReturnsService returns,
            WmsService wms, WmsExchange exchange, Clock clock, UatProperties properties, TenantJobs jobs,
            UatUpdates updates) {
        this.tenants = tenants;
        this.updates = updates;
        this.jobs = jobs;
        this.governance = governance;
        this.runs = runs;
        this.properties = properties;
        this.deps = new ScenarioRunner.Deps(runs, channels, sandbox, sync, warehouse, flows, catalog, governance,
                receiving, receipts, returns, wms, exchange, clock);
    }

    /** Whether the signed-in person may run scenarios and edit custom ones. */
    public boolean canRun() {
        return CurrentUser.find().map(user -> user.has(com.crossdock.portal.identity.Role.PLATFORM_ADMIN)
                || user.has(com.crossdock.portal.identity.Role.ACCOUNT_MANAGER)
                || user.has(com.crossdock.portal.identity.Role.BRAND_ADMIN)).orElse(false);
    }

    /** Whether the signed-in person may sign in {@code role}. */
    public boolean canSignAs(SignOffRole role) {
        return CurrentUser.find().map(user -> user.has(role.role())).orElse(false);
    }

    /** The built-in templates, then the tenant's custom scenarios, each with its last run. */
    @PreAuthorize("isAuthenticated()")
    public List<ScenarioEntry> library(TenantId tenant) {
        tenants.requireOpen(tenant);
        Map<String, RunSummary> last = runs.latestPerScenario(tenant).stream()
                .collect(Collectors.toMap(RunSummary::scenarioKey, run -> run));
        List<ScenarioEntry> entries = new ArrayList<>();
        ScenarioLibrary.templates().forEach(template -> entries.add(new ScenarioEntry(template, false, "", 0,
                last.get(template.key()))));
        runs.customs(tenant).forEach(custom -> entries.add(new ScenarioEntry(custom.scenario(), true,
                custom.copiedFrom(), custom.version(), last.get(custom.scenario().key()))));
        return List.copyOf(entries);
    }

    /**
     * Copies a template (or a custom scenario) into a new custom scenario named {@code name}, whose steps can then be
     * edited.
     */
    @PreAuthorize(RUNNERS)
    public ScenarioEntry copyToCustom(TenantId tenant, String fromKey, String name) {
        tenants.requireOpen(tenant);
        ScenarioTemplate source = scenario(tenant, fromKey);
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 120) {
            throw new UatValidationException("name", "Name the custom scenario (up to 120 characters)");
        }
        String key = "custom-" + UUID.randomUUID().toString().substring(0, 8);
        ScenarioTemplate copy = source.renamed(key, cleanName);
        runs.insertCustom(tenant, copy, source.key(), CurrentUser.actor());
        tenants.recordActivity(tenant, "uat.scenario.copy", "UAT scenario \"" + cleanName + "\" copied from \""
                + source.name() + "\"");
        return library(tenant).stream().filter(entry -> entry.key().equals(key)).findFirst().orElseThrow();
    }

    /**
     * Saves a custom scenario's steps, validated like a template; refused with the step and field of the first
     * problem, or when someone saved it since {@code expectedVersion}.
     */
    @PreAuthorize(RUNNERS)
    public ScenarioEntry saveSteps(TenantId tenant, String key, List<ScenarioStep> steps, long expectedVersion) {
        tenants.requireOpen(tenant);
        UatRuns.Custom custom = custom(tenant, key);
        ScenarioTemplate edited = custom.scenario().withSteps(steps);
        try {
            ScenarioFormat.validate(edited);
        } catch (ScenarioFormatException e) {
            throw new UatValidationException(e.field(), e.getMessage());
        }
        if (!runs.updateCustom(tenant, edited, expectedVersion, CurrentUser.actor())) {
            throw new UatValidationException("version", "Someone saved this scenario since you opened it; reload "
                    + "and edit again");
        }
        tenants.recordActivity(tenant, "uat.scenario.edit", "UAT scenario \"" + edited.name() + "\": "
                + steps.size() + " step(s) saved");
        return library(tenant).stream().filter(entry -> entry.key().equals(key)).findFirst().orElseThrow();
    }

    /** Removes a custom scenario; its runs stay with their evidence. */
    @PreAuthorize(RUNNERS)
    public void deleteCustom(TenantId tenant, String key) {
        tenants.requireOpen(tenant);
        UatRuns.Custom custom = custom(tenant, key);
        runs.deleteCustom(tenant, key);
        tenants.recordActivity(tenant, "uat.scenario.delete", "UAT scenario \"" + custom.scenario().name()
                + "\" removed");
    }

    /** A scenario of the tenant's library by key. */
    @PreAuthorize("isAuthenticated()")
    public ScenarioTemplate scenario(TenantId tenant, String key) {
        tenants.requireOpen(tenant);
        return ScenarioLibrary.template(key).or(() -> runs.customs(tenant).stream()
                        .filter(custom -> custom.scenario().key().equals(key)).map(UatRuns.Custom::scenario).findFirst())
                .orElseThrow(() -> new UatValidationException("scenario", "There is no scenario \"" + key + "\""));
    }

    /**
     * Queues a run of the scenario and fires the tenant's UAT job, which works it in the background as the system
     * actor (runs of one tenant go one after the other, and go on when the browser closes). Answers the run's id at
     * once.
     */
    @PreAuthorize(RUNNERS)
    public UUID start(TenantId tenant, String key) {
        tenants.requireOpen(tenant);
        ScenarioTemplate scenario = scenario(tenant, key);
        long version = governance.matrix(tenant).version();
        UUID runId = runs.queue(tenant, scenario, version, CurrentUser.actor());
        tenants.recordActivity(tenant, "uat.run", "UAT run of \"" + scenario.name() + "\" started at configuration "
                + "version " + version);
        if (!jobs.exists(tenant, UatJob.NAME)) {
            jobs.keepUnscheduled(tenant, UatJob.NAME, UatJob.class);
        }
        jobs.triggerNow(tenant, UatJob.NAME);
        notify(tenant, runId);
        return runId;
    }

    /** Queues a run of every scenario of the library, templates first. */
    @PreAuthorize(RUNNERS)
    public List<UUID> startAll(TenantId tenant) {
        tenants.requireOpen(tenant);
        return library(tenant).stream().map(entry -> start(tenant, entry.key())).toList();
    }

    /** The tenant's runs, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<RunSummary> runs(TenantId tenant, int limit) {
        tenants.requireOpen(tenant);
        return runs.runs(tenant, Math.min(Math.max(limit, 1), 500));
    }

    /** One run with its steps, evidence and sign-offs. */
    @PreAuthorize("isAuthenticated()")
    public RunView run(TenantId tenant, UUID runId) {
        tenants.requireOpen(tenant);
        return runs.run(tenant, Objects.requireNonNull(runId, "run"))
                .orElseThrow(() -> new UatValidationException("run", "There is no such run"));
    }

    /**
     * Signs a passing run in {@code role}, which the signed-in person must hold, at the tenant's configuration
     * version now; refused when the run did not pass, ran against an older configuration, or was signed in that
     * role already.
     */
    @PreAuthorize(SIGNERS)
    public RunView signOff(TenantId tenant, UUID runId, SignOffRole role) {
        tenants.requireOpen(tenant);
        SignedInUser user = CurrentUser.require();
        if (!user.has(role.role())) {
            throw new UatValidationException("role", "Only a " + role.label().toLowerCase(Locale.ROOT) + " signs as "
                    + role.label().toLowerCase(Locale.ROOT));
        }
        RunView run = run(tenant, runId);
        if (run.status() != RunStatus.PASSED) {
            throw new UatValidationException("run", "Only a passing run is signed; this one is "
                    + run.status().name().toLowerCase(Locale.ROOT) + ". Fix what failed and run it again.");
        }
        long version = governance.matrix(tenant).version();
        if (version != run.configVersion()) {
            throw new UatValidationException("run", "The configuration changed since this run (version "
                    + run.configVersion() + ", now " + version + "): run the scenario again and sign that run.");
        }
        if (!runs.signOff(tenant, runId, role, user.username(), user.displayName(), version)) {
            throw new UatValidationException("role", "This run is signed as " + role.label().toLowerCase(Locale.ROOT)
                    + " already");
        }
        tenants.recordActivity(tenant, "uat.signoff", "UAT run of \"" + run.scenarioName() + "\" signed as "
                + role.label().toLowerCase(Locale.ROOT) + " at configuration version " + version);
        notify(tenant, runId);
        return run(tenant, runId);
    }

    /**
     * Where the tenant's UAT stands for go-live, with what to do next. SIGNED only when the newest run both roles
     * signed passed, both signed at the configuration version of now and nothing it used changed since, and no
     * scenario's latest run fails (a stale sign-off stays STALE).
     */
    @PreAuthorize("isAuthenticated()")
    public UatStatus status(TenantId tenant) {
        tenants.requireOpen(tenant);
        long version = governance.matrix(tenant).version();
        List<RunSummary> latest = runs.latestPerScenario(tenant);
        List<RunSummary> failing = latest.stream().filter(run -> run.status() == RunStatus.FAILED).toList();
        Optional<RunView> signed = runs.latestSigned(tenant);
        if (signed.isPresent()) {
            RunView run = signed.get();
            Optional<UatStatus> stale = stale(tenant, run, version);
            if (stale.isPresent()) {
                return stale.get();
            }
            if (run.status() != RunStatus.PASSED) {
                return new UatStatus(UatStatus.State.FAILING, "The signed run of \"" + run.scenarioName() + "\" is "
                        + run.status().name().toLowerCase(Locale.ROOT) + ", not passing: run it again and sign that "
                        + "run", run.id(), List.of());
            }
            if (!failing.isEmpty()) {
                return new UatStatus(UatStatus.State.FAILING, "\"" + run.scenarioName() + "\" is signed, but "
                        + failing(failing), failing.getFirst().id(), List.of());
            }
            String who = run.signOffs().stream().map(s -> s.signedByName() + " (" + s.role().label()
                    .toLowerCase(Locale.ROOT) + ")").collect(Collectors.joining(" and "));
            return new UatStatus(UatStatus.State.SIGNED, "\"" + run.scenarioName() + "\" passed and was signed by "
                    + who + " at configuration version " + version + "; no scenario's latest run fails", run.id(),
                    List.of());
        }
        if (latest.isEmpty()) {
            return new UatStatus(UatStatus.State.NOT_RUN, "No UAT run yet: run the scenarios in UAT", null,
                    List.of());
        }
        if (!failing.isEmpty()) {
            return new UatStatus(UatStatus.State.FAILING, failing(failing), failing.getFirst().id(), List.of());
        }
        Optional<RunSummary> passed = latest.stream().filter(run -> run.status() == RunStatus.PASSED).findFirst();
        return passed.map(run -> new UatStatus(UatStatus.State.PASSED_UNSIGNED, "\"" + run.scenarioName()
                        + "\" passed; the brand admin and the account manager each sign it in UAT", run.id(), List.of()))
                .orElseGet(() -> new UatStatus(UatStatus.State.NOT_RUN, "UAT is running; nothing finished yet", null,
                        List.of()));
    }

    /**
     * A signed run's sign-off gone stale (signed at another configuration version than {@code version}, or an item
     * it used changed since the last signature), with what changed; empty when it holds or nobody signed the run.
     */
    private Optional<UatStatus> stale(TenantId tenant, RunView run, long version) {
        if (run.signOffs().isEmpty()) {
            return Optional.empty();
        }
        long signedAt = run.signOffs().stream().mapToLong(SignOffView::configVersion).min().orElse(0);
        long signedUpTo = run.signOffs().stream().mapToLong(SignOffView::configVersion).max().orElse(0);
        Instant lastSigned = run.signOffs().stream().map(SignOffView::signedAt).max(Instant::compareTo).orElseThrow();
        List<String> catalogChanges = runs.catalogChangesSince(tenant, lastSigned, run.pickedItems().stream()
                .flatMap(item -> item.perSale().keySet().stream()).collect(Collectors.toSet()));
        if (signedAt == version && signedUpTo == version && catalogChanges.isEmpty()) {
            return Optional.empty();
        }
        List<String> changes = new ArrayList<>(runs.activitySince(tenant, lastSigned));
        catalogChanges.stream().filter(change -> !changes.contains(change)).forEach(changes::add);
        return Optional.of(new UatStatus(UatStatus.State.STALE, "Signed at configuration version " + signedAt
                + (signedAt == version ? ", and the catalog items the run used changed since"
                        : ", and the configuration is at version " + version + " now")
                + (changes.isEmpty() ? "" : ": " + String.join("; ", changes))
                + ". Run UAT again and sign the new run.", run.id(), changes));
    }

    /** Which scenarios' latest runs fail, and why the first one does. */
    private static String failing(List<RunSummary> failing) {
        RunSummary first = failing.getFirst();
        String why = first.summary().strip();
        return failing.size() + " scenario(s) failing (" + failing.stream().map(run -> "\"" + run.scenarioName()
                + "\"").collect(Collectors.joining(", ")) + "); \"" + first.scenarioName() + "\": " + why
                + (why.endsWith(".") ? "" : ".") + " Fix it and run it again.";
    }

    /** Whether a passing run is signed by both roles at the tenant's current configuration. */
    @PreAuthorize("isAuthenticated()")
    public boolean signedOff(TenantId tenant) {
        return status(tenant).state() == UatStatus.State.SIGNED;
    }

    /**
     * The run as a self-contained XHTML report: scenario, configuration version, items, steps with evidence,
     * sign-offs, and a STALE banner when its sign-off went stale.
     */
    @PreAuthorize("isAuthenticated()")
    public String report(TenantId tenant, UUID runId) {
        return reportOf(tenant, runId).html();
    }

    /** The same report as {@link #report} laid out as a PDF document. */
    @PreAuthorize("isAuthenticated()")
    public byte[] reportPdf(TenantId tenant, UUID runId) {
        return reportOf(tenant, runId).pdf();
    }

    private UatReport reportOf(TenantId tenant, UUID runId) {
        RunView run = run(tenant, runId);
        String stale = stale(tenant, run, governance.matrix(tenant).version()).map(UatStatus::reason).orElse(null);
        return new UatReport(tenants.branding(tenant).tenantName(), run, stale);
    }

    /**
     * Calls {@code listener} with a run's id whenever one of the tenant's runs changes (queued, a step started or
     * finished, closed, signed), on whichever portal instance worked it; called on this instance's listening thread
     * (see {@link UatUpdates}), so it must only hand the work on. Answers what stops listening. For the view's server
     * push.
     */
    @PreAuthorize("isAuthenticated()")
    public Runnable listen(TenantId tenant, Consumer<UUID> listener) {
        tenants.requireOpen(tenant);
        return updates.watch(tenant, listener);
    }

    private UatRuns.Custom custom(TenantId tenant, String key) {
        return runs.customs(tenant).stream().filter(custom -> custom.scenario().key().equals(key)).findFirst()
                .orElseThrow(() -> new UatValidationException("scenario", "Only custom scenarios are edited; copy "
                        + "the template to a custom scenario first"));
    }

    /**
     * Works the tenant's queued runs, oldest first, as the system actor; called by {@link UatJob} only. After a
     * portal stopped mid-run ({@code recovering}), the run it left is closed as failed first.
     */
    void runQueued(TenantId tenant, boolean recovering) {
        SystemActor.call("uat", () -> {
            if (recovering) {
                runs.abandonRunning(tenant).forEach(runId -> notify(tenant, runId));
            }
            for (Optional<UUID> next = runs.claimNext(tenant); next.isPresent(); next = runs.claimNext(tenant)) {
                execute(tenant, next.get());
            }
            return null;
        });
    }

    private void execute(TenantId tenant, UUID runId) {
        try {
            ScenarioTemplate scenario = runs.definition(tenant, runId);
            new ScenarioRunner(deps, tenant, runId, scenario, properties.stepDeadline(),
                    () -> notify(tenant, runId)).run();
        } catch (RuntimeException e) {
            log.error("UAT run {} of tenant {} stopped", runId, tenant, e);
            runs.finished(tenant, runId, RunStatus.FAILED, "The run stopped with an error: " + e.getMessage());
            notify(tenant, runId);
        }
    }

    private void notify(TenantId tenant, UUID runId) {
        try {
            updates.changed(tenant, runId);
        } catch (RuntimeException e) {
            log.warn("Telling live views that UAT run {} changed failed; they show it on their next refresh", runId, e);
        }
    }
}
