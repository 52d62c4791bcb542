package com.crossdock.portal.uat.ui;

import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uat.PickedItem;
import com.crossdock.portal.uat.RunStatus;
import com.crossdock.portal.uat.RunSummary;
import com.crossdock.portal.uat.RunView;
import com.crossdock.portal.uat.ScenarioEntry;
import com.crossdock.portal.uat.SignOffRole;
import com.crossdock.portal.uat.SignOffView;
import com.crossdock.portal.uat.StepOutcome;
import com.crossdock.portal.uat.StepView;
import com.crossdock.portal.uat.UatService;
import com.crossdock.portal.uat.UatStatus;
import com.crossdock.portal.uat.UatValidationException;
import com.crossdock.portal.uikit.Badge;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.uat.ItemKind;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * UAT: the scenario library (built-in templates and the brand's custom copies), "Run" and "Run all", the runs, and
 * the selected run's steps live as the runner works them (server push), each step with its reason and its evidence
 * in a dialog; re-run, "Copy to custom scenario" with the step editor, sign-off per role and the report as HTML or
 * PDF.
 * Everyone who may open the brand reads; brand admins and account managers run and sign.
 */
@Route("uat")
@PageTitle("UAT · Crossdock")
@PermitAll
public class UatView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(UatView.class);
    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private final UatService uat;
    private final TenantSelection selection;
    private final Span status = new Span();
    private final Button runAll = new Button("Run all");
    private final Grid<ScenarioEntry> scenarios = new Grid<>();
    private final Div scenariosEmpty = new Div();
    private final Grid<RunSummary> runs = new Grid<>();
    private final Div runsEmpty = new Div();
    private final VerticalLayout detail = new VerticalLayout();
    private @Nullable TenantId tenant;
    private @Nullable UUID selectedRun;
    private @Nullable Runnable stopListening;

    UatView(UatService uat, TenantSelection selection) {
        this.uat = uat;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        status.setId("uat-status");
        runAll.setId("uat-run-all");
        runAll.addThemeVariants(ButtonVariant.PRIMARY);
        runAll.addClickListener(click -> act(() -> {
            List<UUID> started = uat.startAll(currentTenant());
            selectedRun = started.isEmpty() ? null : started.getFirst();
            return started.size() + " scenario run(s) queued; they run one after the other";
        }));
        configureScenarios();
        configureRuns();
        detail.setId("uat-run-detail");
        detail.setPadding(false);
        HorizontalLayout head = new HorizontalLayout(status, runAll);
        head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        head.setWidthFull();
        head.expand(status);
        add(head, new H3("Scenarios"), scenariosEmpty, scenarios, new H3("Runs"), runsEmpty, runs, detail);
    }

    private void configureScenarios() {
        scenarios.setId("uat-scenarios");
        scenarios.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        scenarios.setAllRowsVisible(true);
        scenarios.addColumn(ScenarioEntry::name).setHeader("Scenario").setWidth("14em").setFlexGrow(2);
        scenarios.addColumn(entry -> entry.custom() ? "Custom (from " + entry.copiedFrom() + ")" : "Template")
                .setHeader("Kind").setAutoWidth(true);
        scenarios.addColumn(entry -> entry.scenario().itemKinds().stream().map(ItemKind::description)
                .collect(Collectors.joining("; "))).setHeader("Needs").setWidth("14em").setFlexGrow(2);
        scenarios.addColumn(entry -> entry.scenario().steps().size()).setHeader("Steps").setAutoWidth(true);
        scenarios.addComponentColumn(entry -> entry.lastRun() == null ? new Span("Not run")
                : statusBadge(entry.lastRun().status())).setHeader("Last run").setAutoWidth(true);
        // the actions wrap under each other rather than push the grid wider than the page
        scenarios.addComponentColumn(this::scenarioActions).setWidth("13em").setFlexGrow(1);
        scenarios.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(entry ->
                new Paragraph(entry.scenario().description())));
    }

    private Component scenarioActions(ScenarioEntry entry) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        if (!uat.canRun()) {
            return actions;
        }
        Button run = small("Run", "uat-run-" + entry.key(), () -> act(() -> {
            selectedRun = uat.start(currentTenant(), entry.key());
            return "\"" + entry.name() + "\" queued";
        }));
        run.addThemeVariants(ButtonVariant.PRIMARY);
        Button copy = small("Copy to custom scenario", "uat-copy-" + entry.key(), () -> copyDialog(entry));
        actions.add(run, copy);
        if (entry.custom()) {
            actions.add(small("Edit steps", "uat-edit-" + entry.key(), () -> new StepEditor(uat, currentTenant(),
                    entry, this::reload).open()));
            actions.add(small("Remove", "uat-remove-" + entry.key(), () -> act(() -> {
                uat.deleteCustom(currentTenant(), entry.key());
                return "\"" + entry.name() + "\" removed; its runs stay";
            })));
        }
        return actions;
    }

    private void copyDialog(ScenarioEntry entry) {
        Dialog dialog = new Dialog();
        dialog.setId("uat-copy-dialog");
        dialog.setHeaderTitle("Copy \"" + entry.name() + "\" to a custom scenario");
        TextField name = new TextField("Name");
        name.setId("uat-copy-name");
        name.setValue(entry.name() + " (ours)");
        name.setWidthFull();
        Button save = new Button("Copy", click -> {
            try {
                ScenarioEntry copy = uat.copyToCustom(currentTenant(), entry.key(), name.getValue());
                dialog.close();
                Notices.success("\"" + copy.name() + "\" created; edit its steps with \"Edit steps\"");
                reload();
            } catch (UatValidationException refused) {
                name.setInvalid(true);
                name.setErrorMessage(refused.getMessage());
            } catch (RuntimeException e) {
                log.warn("Copying a UAT scenario failed", e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        save.setId("uat-copy-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(name);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private void configureRuns() {
        runs.setId("uat-runs");
        runs.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        runs.setAllRowsVisible(true);
        runs.addColumn(RunSummary::scenarioName).setHeader("Scenario").setWidth("12em").setFlexGrow(1);
        runs.addComponentColumn(run -> statusBadge(run.status())).setHeader("Status").setAutoWidth(true);
        // the outcome is the sentence people read: it wraps in the widest column
        runs.addColumn(RunSummary::summary).setHeader("Outcome").setWidth("16em").setFlexGrow(3);
        runs.addColumn(RunSummary::configVersion).setHeader("Config version").setAutoWidth(true);
        runs.addColumn(run -> WHEN.format(run.queuedAt())).setHeader("Queued").setAutoWidth(true);
        runs.addColumn(run -> run.signOffs() + " of 2").setHeader("Signed").setAutoWidth(true);
        runs.asSingleSelect().addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                selectedRun = change.getValue().id();
                showRun();
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        TenantId entered = selection.current().orElse(null);
        if (!java.util.Objects.equals(entered, tenant)) {
            selectedRun = null;
        }
        tenant = entered;
        getUI().ifPresent(this::listen);
        reload();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        listen(attachEvent.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopListening();
        super.onDetach(detachEvent);
    }

    /**
     * Runs change on whichever portal instance works them; this instance's listening thread calls back, and the
     * refresh runs inside the UI's lock as the person who opened the view, so it reads only what they may.
     */
    private void listen(UI ui) {
        stopListening();
        if (tenant == null) {
            return;
        }
        Authentication viewer = SecurityContextHolder.getContext().getAuthentication();
        try {
            stopListening = uat.listen(tenant, runId -> ui.access(() -> asViewer(viewer, () -> {
                if (runId.equals(selectedRun) || selectedRun == null) {
                    selectedRun = runId;
                }
                reload();
            })));
        } catch (RuntimeException e) {
            log.warn("Listening to UAT runs failed; the view shows them on reload", e);
        }
    }

    private void stopListening() {
        if (stopListening != null) {
            stopListening.run();
            stopListening = null;
        }
    }

    private static void asViewer(@Nullable Authentication viewer, Runnable work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(viewer);
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    private void reload() {
        runAll.setVisible(tenant != null && uat.canRun());
        if (tenant == null) {
            status.setText("");
            EmptyState.showInstead(scenariosEmpty, scenarios, "No tenant is selected. Pick one in the tenant "
                    + "switcher.");
            EmptyState.showInstead(runsEmpty, runs, "Pick a tenant to see its UAT runs.");
            detail.removeAll();
            return;
        }
        try {
            UatStatus current = uat.status(tenant);
            status.removeAll();
            status.add(Badge.of(label(current.state()), tone(current.state())), new Span(" " + current.reason()));
            scenarios.setItems(uat.library(tenant));
            EmptyState.hide(scenariosEmpty, scenarios);
            List<RunSummary> recent = uat.runs(tenant, 100);
            if (recent.isEmpty()) {
                EmptyState.showInstead(runsEmpty, runs, uat.canRun()
                        ? "No runs yet. Press \"Run\" on a scenario, or \"Run all\": each runs through the real "
                                + "pipeline against the brand's sandbox store and sandbox warehouse."
                        : "No runs yet. The brand admin or the account manager runs the scenarios here.");
            } else {
                runs.setItems(recent);
                EmptyState.hide(runsEmpty, runs);
            }
            showRun();
        } catch (RuntimeException e) {
            log.warn("Loading UAT failed", e);
            Notices.error(FailureMessages.explain(e));
        }
    }

    private void showRun() {
        detail.removeAll();
        if (selectedRun == null || tenant == null) {
            return;
        }
        RunView run = uat.run(tenant, selectedRun);
        H4 title = new H4(run.scenarioName() + " ");
        title.add(statusBadge(run.status()));
        ProgressBar progress = new ProgressBar(0, Math.max(1, run.steps().size()), run.stepsDone());
        progress.setId("uat-progress");
        Span progressText = new Span(run.stepsDone() + " of " + run.steps().size() + " step(s) done · "
                + "configuration version " + run.configVersion() + " · started by " + run.startedBy());
        progressText.addClassName("cd-muted");
        detail.add(title, progress, progressText, new Paragraph(run.summary()));
        detail.add(pickedItems(run.pickedItems()), steps(run), actions(run), signOffs(run.signOffs()));
    }

    private Component pickedItems(List<PickedItem> picked) {
        Div box = new Div();
        box.setId("uat-picked");
        if (picked.isEmpty()) {
            box.add(new Span("No items picked yet."));
            return box;
        }
        box.add(new H4("Items picked from the catalog"));
        for (PickedItem item : picked) {
            box.add(new Paragraph(item.role() + ": " + item.why()));
        }
        return box;
    }

    private Component steps(RunView run) {
        Grid<StepView> grid = new Grid<>();
        grid.setId("uat-steps");
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        // the reason is what people read here: it gets most of the width, the step's title wraps in its share
        grid.addColumn(StepView::number).setHeader("#").setWidth("3.5em").setFlexGrow(0);
        grid.addColumn(StepView::title).setHeader("Step").setWidth("14em").setFlexGrow(1);
        grid.addComponentColumn(step -> outcomeBadge(step.outcome())).setHeader("Outcome").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(step -> step.reason().isEmpty() ? String.join("; ", step.expected()) : step.reason())
                .setHeader("Reason").setWidth("20em").setFlexGrow(3);
        grid.addComponentColumn(step -> {
            Button evidence = small("Evidence", "uat-evidence-" + step.number(), () -> evidence(step));
            evidence.setEnabled(!step.evidence().isEmpty());
            return evidence;
        }).setAutoWidth(true);
        grid.setItems(run.steps());
        return grid;
    }

    private void evidence(StepView step) {
        Dialog dialog = new Dialog();
        dialog.setId("uat-evidence-dialog");
        dialog.setHeaderTitle("Step " + step.number() + ": " + step.title());
        dialog.setWidth("min(60rem, 95vw)");
        dialog.add(new Paragraph(step.outcome() + ": " + step.reason()));
        for (Map.Entry<String, String> entry : step.evidence().entrySet()) {
            dialog.add(new H4(entry.getKey()));
            Pre text = new Pre(entry.getValue());
            text.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all");
            dialog.add(text);
        }
        Button close = new Button("Close", click -> dialog.close());
        close.setId("uat-evidence-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private Component actions(RunView run) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setId("uat-run-actions");
        if (uat.canRun() && run.status().finished()) {
            actions.add(small("Re-run", "uat-rerun", () -> act(() -> {
                selectedRun = uat.start(currentTenant(), run.scenarioKey());
                return "\"" + run.scenarioName() + "\" queued again";
            })));
        }
        for (SignOffRole role : SignOffRole.values()) {
            if (uat.canSignAs(role) && run.status() == RunStatus.PASSED && !run.signedAs(role)) {
                Button sign = small("Sign as " + role.label().toLowerCase(java.util.Locale.ROOT), "uat-sign-"
                        + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), () -> act(() -> {
                            uat.signOff(currentTenant(), run.id(), role);
                            return "Signed as " + role.label().toLowerCase(java.util.Locale.ROOT);
                        }));
                sign.addThemeVariants(ButtonVariant.PRIMARY);
                actions.add(sign);
            }
        }
        TenantId brand = currentTenant();
        UUID runId = run.id();
        Anchor report = new Anchor((DownloadHandler) event -> {
            event.setFileName("uat-" + run.scenarioKey() + "-" + runId.toString().substring(0, 8) + ".html");
            event.setContentType("text/html");
            event.getOutputStream().write(uat.report(brand, runId).getBytes(StandardCharsets.UTF_8));
        }, "Export report");
        report.setId("uat-report");
        Anchor pdf = new Anchor((DownloadHandler) event -> {
            event.setFileName("uat-" + run.scenarioKey() + "-" + runId.toString().substring(0, 8) + ".pdf");
            event.setContentType("application/pdf");
            event.getOutputStream().write(uat.reportPdf(brand, runId));
        }, "Download PDF");
        pdf.setId("uat-report-pdf");
        actions.add(report, pdf);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return actions;
    }

    private Component signOffs(List<SignOffView> signOffs) {
        Div box = new Div();
        box.setId("uat-signoffs");
        box.add(new H4("Sign-offs"));
        if (signOffs.isEmpty()) {
            box.add(new Span("Not signed yet. A passing run is signed by the brand admin and by the account manager, "
                    + "each with their own button."));
        }
        for (SignOffView signOff : signOffs) {
            box.add(new Paragraph(signOff.role().label() + ": " + signOff.signedByName() + " at "
                    + WHEN.format(signOff.signedAt()) + " (configuration version " + signOff.configVersion()
                    + ")"));
        }
        return box;
    }

    private void act(java.util.function.Supplier<String> work) {
        try {
            Notices.success(work.get());
        } catch (UatValidationException refused) {
            Notices.error(refused.getMessage());
        } catch (RuntimeException e) {
            log.warn("A UAT action failed", e);
            Notices.error(FailureMessages.explain(e));
        }
        reload();
    }

    private static Button small(String text, String id, Runnable action) {
        Button button = new Button(text, click -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.SMALL);
        return button;
    }

    private static Span statusBadge(RunStatus status) {
        return Badge.of(status.name().charAt(0) + status.name().substring(1).toLowerCase(java.util.Locale.ROOT),
                switch (status) {
                    case PASSED -> Badge.Tone.SUCCESS;
                    case FAILED -> Badge.Tone.ERROR;
                    case RUNNING -> Badge.Tone.PRIMARY;
                    case QUEUED -> Badge.Tone.NEUTRAL;
                });
    }

    private static Span outcomeBadge(StepOutcome outcome) {
        return Badge.of(outcome.name().charAt(0) + outcome.name().substring(1).toLowerCase(java.util.Locale.ROOT),
                switch (outcome) {
                    case PASSED -> Badge.Tone.SUCCESS;
                    case FAILED -> Badge.Tone.ERROR;
                    case RUNNING -> Badge.Tone.PRIMARY;
                    case PENDING, SKIPPED -> Badge.Tone.NEUTRAL;
                });
    }

    private static String label(UatStatus.State state) {
        return switch (state) {
            case NOT_RUN -> "Not run";
            case FAILING -> "Failing";
            case PASSED_UNSIGNED -> "Passed, not signed";
            case SIGNED -> "Signed";
            case STALE -> "Sign-off stale";
        };
    }

    private static Badge.Tone tone(UatStatus.State state) {
        return switch (state) {
            case SIGNED -> Badge.Tone.SUCCESS;
            case FAILING -> Badge.Tone.ERROR;
            case STALE, PASSED_UNSIGNED -> Badge.Tone.WARNING;
            case NOT_RUN -> Badge.Tone.NEUTRAL;
        };
    }

    private TenantId currentTenant() {
        if (tenant == null) {
            throw new IllegalStateException("No tenant is selected");
        }
        return tenant;
    }
}
