package com.crossdock.portal.sync.ui;

import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.sync.FlowService;
import com.crossdock.portal.sync.GoLiveRefusedException;
import com.crossdock.portal.sync.GoLiveState;
import com.crossdock.portal.tenant.ui.OverviewView;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.Badge;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Go-live: which flows of the brand's live connections send for real and which run in shadow mode, the readiness
 * items that keep them from going live, the SKUs in scope, and what the shadow runs would have sent that the channel
 * shows differently. Everyone reads; the 3PL's managers and brand admins switch; platform admins may go live with
 * items failing, with a reason.
 */
@Route("go-live")
@PageTitle("Go-live · Crossdock")
@PermitAll
public class GoLiveView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(GoLiveView.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final FlowService flows;
    private final TenantSelection selection;
    private final Div gate = new Div();
    private final Div flowsEmpty = new Div();
    private final Grid<GoLiveState.Entry> flowGrid = new Grid<>();
    private final TextArea skus = new TextArea("SKUs in the go-live scope");
    private final Button saveSkus = new Button("Save scope");
    private final Div differencesEmpty = new Div();
    private final Grid<GoLiveState.Difference> differences = new Grid<>();
    private @Nullable TenantId tenant;
    private @Nullable GoLiveState state;

    GoLiveView(FlowService flows, TenantSelection selection) {
        this.flows = flows;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        Paragraph intro = new Paragraph("A live connection's flows start in shadow mode: they work out what they "
                + "would send, compare it with what the channel shows, and send nothing. Switch each flow live once "
                + "the readiness items pass and the differences below are understood. A sandbox connection runs "
                + "against its sandbox, live unless you put it in shadow to rehearse going live.");
        intro.addClassName("cd-muted");
        gate.setId("golive-gate");
        configureFlows();
        skus.setId("golive-skus");
        skus.setWidthFull();
        skus.setHelperText("Master SKUs, one per line or separated by commas. Leave empty to put every SKU in scope; "
                + "orders with a SKU outside stay in shadow mode.");
        saveSkus.setId("golive-skus-save");
        saveSkus.addClickListener(click -> act(() -> flows.setLiveSkus(currentTenant(), Arrays.stream(
                skus.getValue().split("[,\\s]+")).filter(sku -> !sku.isBlank()).toList()), "Go-live scope saved"));
        configureDifferences();
        add(intro, new H3("Readiness"), gate, new H3("Flows"), flowsEmpty, flowGrid, new H3("Scope"), skus, saveSkus,
                new H3("Shadow differences"), differencesEmpty, differences);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        reload();
    }

    private void configureFlows() {
        flowGrid.setId("golive-flows");
        flowGrid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        flowGrid.setAllRowsVisible(true);
        flowGrid.addColumn(GoLiveState.Entry::connectionName).setHeader("Connection").setWidth("11em").setFlexGrow(1);
        flowGrid.addColumn(entry -> entry.flow().label()).setHeader("Flow").setAutoWidth(true);
        flowGrid.addComponentColumn(GoLiveView::stateBadge).setHeader("Runs").setAutoWidth(true);
        flowGrid.addColumn(entry -> entry.switchedBy() == null ? ""
                : entry.switchedBy() + ", " + WHEN.format(entry.switchedAt())
                        + (entry.overrideReason() == null ? "" : " · override: " + entry.overrideReason()))
                .setHeader("Switched").setWidth("12em").setFlexGrow(2);
        flowGrid.addComponentColumn(this::switchButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
    }

    private static Component stateBadge(GoLiveState.Entry entry) {
        boolean sandbox = entry.mode() == ChannelMode.SANDBOX;
        Span badge = !entry.live() ? Badge.of(sandbox ? "Sandbox, shadow" : "Shadow", Badge.Tone.WARNING)
                : sandbox ? Badge.of("Sandbox", Badge.Tone.CONTRAST) : Badge.of("Live", Badge.Tone.SUCCESS);
        badge.addClassName("golive-state");
        badge.getElement().setAttribute("data-state", (entry.live() ? sandbox ? "SANDBOX" : "LIVE" : "SHADOW"));
        badge.getElement().setAttribute("data-connection", entry.connectionName());
        badge.getElement().setAttribute("data-flow", entry.flow().name());
        return badge;
    }

    private Component switchButton(GoLiveState.Entry entry) {
        if (!flows.canManage()) {
            return new Span();
        }
        Button button = new Button(entry.live() ? "Back to shadow" : "Go live");
        button.setId("golive-switch-" + entry.connectionId() + "-" + entry.flow());
        button.addClassName("golive-switch");
        button.getElement().setAttribute("data-connection", entry.connectionName());
        button.getElement().setAttribute("data-flow", entry.flow().name());
        if (!entry.live()) {
            button.addThemeVariants(ButtonVariant.PRIMARY);
        }
        button.addClickListener(click -> {
            if (!entry.live() && state != null && !state.ready() && flows.canOverrideGoLive()) {
                confirmOverride(entry);
            } else {
                act(() -> flows.switchLive(currentTenant(), entry.connectionId(), entry.flow(), !entry.live(), null),
                        entry.flow().label() + (entry.live() ? " is back in shadow mode" : " is live"));
            }
        });
        return button;
    }

    /** A platform admin going live with readiness items failing: the items, and the reason to record. */
    private void confirmOverride(GoLiveState.Entry entry) {
        Dialog dialog = new Dialog();
        dialog.setId("golive-override");
        dialog.setHeaderTitle("Go live with readiness items failing?");
        UnorderedList failing = new UnorderedList();
        state.notReady().forEach(item -> failing.add(new ListItem(item)));
        TextArea reason = new TextArea("Reason, for the record");
        reason.setId("golive-override-reason");
        reason.setWidthFull();
        reason.setMinLength(10);
        reason.setMaxLength(500);
        reason.setHelperText("For example: \"Brand's launch date; ship methods are mapped in the WMS directly\"");
        Button confirm = new Button("Go live anyway", click -> {
            try {
                flows.switchLive(currentTenant(), entry.connectionId(), entry.flow(), true, reason.getValue());
                Notices.success(entry.flow().label() + " is live by override");
                dialog.close();
                reload();
            } catch (GoLiveRefusedException refused) {
                reason.setInvalid(true);
                reason.setErrorMessage(refused.getMessage());
            } catch (RuntimeException e) {
                log.warn("Going live by override failed", e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        confirm.setId("golive-override-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        dialog.add(new VerticalLayout(new Span(entry.connectionName() + " · " + entry.flow().label()
                + " would send for real while these fail:"), failing, reason));
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        dialog.setWidth("640px");
        dialog.open();
    }

    private void configureDifferences() {
        differences.setId("golive-differences");
        differences.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        differences.setAllRowsVisible(true);
        differences.addColumn(difference -> difference.flow().label()).setHeader("Flow").setAutoWidth(true);
        differences.addColumn(GoLiveState.Difference::subject).setHeader("What").setAutoWidth(true);
        differences.addColumn(GoLiveState.Difference::wouldSend).setHeader("Crossdock would send").setFlexGrow(2);
        differences.addColumn(GoLiveState.Difference::channelShows).setHeader("The channel shows").setFlexGrow(2);
        differences.addColumn(difference -> WHEN.format(difference.recordedAt())).setHeader("Seen")
                .setAutoWidth(true);
    }

    private void act(Runnable work, String done) {
        try {
            work.run();
            Notices.success(done);
        } catch (GoLiveRefusedException refused) {
            Notices.error(refused.getMessage());
        } catch (RuntimeException e) {
            log.warn("Changing the go-live failed", e);
            Notices.error(FailureMessages.explain(e));
        }
        reload();
    }

    private void reload() {
        gate.removeAll();
        boolean manager = flows.canManage();
        skus.setReadOnly(!manager);
        saveSkus.setVisible(manager && tenant != null);
        if (tenant == null) {
            EmptyState.showInstead(flowsEmpty, flowGrid, "No tenant is selected. Pick one in the tenant switcher.");
            EmptyState.showInstead(differencesEmpty, differences, "Pick a tenant to see its shadow differences.");
            return;
        }
        try {
            state = flows.goLive(tenant);
            showGate(state);
            if (state.flows().isEmpty()) {
                EmptyState.showInstead(flowsEmpty, flowGrid, "No connection yet. Connect a sales channel under "
                        + "Channels; a live connection's flows start here in shadow mode.");
            } else {
                flowGrid.setItems(state.flows());
                EmptyState.hide(flowsEmpty, flowGrid);
            }
            skus.setValue(String.join("\n", state.skus()));
            List<GoLiveState.Difference> found = flows.shadowDifferences(tenant);
            if (found.isEmpty()) {
                EmptyState.showInstead(differencesEmpty, differences, state.flows().stream().anyMatch(entry ->
                        !entry.live())
                        ? "No differences yet: flows in shadow mode record here what they would send that the "
                                + "channel shows differently, at their next run."
                        : "Nothing runs in shadow mode, so there is nothing to compare.");
            } else {
                differences.setItems(found);
                EmptyState.hide(differencesEmpty, differences);
            }
        } catch (RuntimeException e) {
            log.warn("Loading the go-live failed", e);
            Notices.error(FailureMessages.explain(e));
        }
    }

    private void showGate(GoLiveState current) {
        if (current.ready()) {
            Span ready = Badge.of("Ready to go live", Badge.Tone.SUCCESS);
            ready.setId("golive-ready");
            gate.add(ready);
            return;
        }
        Span notReady = Badge.of("Not ready: " + current.notReady().size() + " readiness item(s) failing",
                Badge.Tone.WARNING);
        notReady.setId("golive-not-ready");
        UnorderedList items = new UnorderedList();
        current.notReady().forEach(item -> items.add(new ListItem(item)));
        RouterLink overview = new RouterLink("See each item and where it is fixed on the Overview",
                OverviewView.class);
        HorizontalLayout header = new HorizontalLayout(notReady);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        gate.add(header, items, overview);
    }

    private TenantId currentTenant() {
        if (tenant == null) {
            throw new IllegalStateException("No tenant is selected");
        }
        return tenant;
    }
}
