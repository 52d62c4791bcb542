package com.crossdock.portal.sync.ui;

import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ui.ChannelsView;
import com.crossdock.portal.sync.FlowService;
import com.crossdock.portal.sync.FlowService.ConnectionFlows;
import com.crossdock.portal.sync.FlowService.FlowView;
import com.crossdock.portal.sync.FlowService.RunView;
import com.crossdock.portal.sync.SandboxWarehouse;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.Badge;
import com.crossdock.portal.uikit.AutoRefresh;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flows of the selected tenant's connections: each on or off, how often it runs, how its last run went, and a
 * button to run it now. The page refreshes itself while open, so a run that was started shows its outcome. Sandbox
 * connections get the sandbox warehouse's actions: ship the released orders, report stock.
 */
@Route("flows")
@PageTitle("Flows · Crossdock")
@PermitAll
public class FlowsView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(FlowsView.class);
    private static final int REFRESH_MILLIS = 3_000;

    private final FlowService flows;
    private final TenantSelection selection;
    private final Div content = new Div();
    private @Nullable TenantId tenant;
    /** What is on screen, to redraw only on a change; {@code null} until the first load. */
    private @Nullable List<ConnectionFlows> shown;

    FlowsView(FlowService flows, TenantSelection selection) {
        this.flows = flows;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        AutoRefresh.every(this, REFRESH_MILLIS, this::reload);
        content.setId("flows");
        content.setWidthFull();
        Paragraph intro = new Paragraph("Each connection moves orders, cancellations, tracking and stock in flows of "
                + "its own. Switch a flow off to stop it for this connection; its webhooks are still kept.");
        intro.addClassName("cd-muted");
        add(intro, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        shown = null;
        reload();
    }

    private void reload() {
        if (tenant == null) {
            content.removeAll();
            content.add(EmptyState.of("flows-empty", "No tenant is selected. Pick one in the tenant switcher."));
            return;
        }
        List<ConnectionFlows> latest;
        try {
            latest = flows.connections(tenant);
        } catch (RuntimeException e) {
            log.warn("Loading the flows failed", e);
            Notices.error(FailureMessages.explain(e));
            return;
        }
        if (latest.equals(shown)) {
            return;
        }
        shown = latest;
        content.removeAll();
        if (latest.isEmpty()) {
            RouterLink channels = new RouterLink("Go to Channels", ChannelsView.class);
            channels.setId("flows-empty-channels");
            content.add(EmptyState.of("flows-empty", "No flows yet: flows belong to a connected store. Connect the "
                    + "Shopify store under Channels, and its flows appear here, all switched on.", channels));
            return;
        }
        // one sandbox warehouse ships and counts for every sandbox connection of the tenant: its actions show once
        if (flows.canManage() && latest.stream().anyMatch(connection -> connection.mode() == ChannelMode.SANDBOX)) {
            content.add(sandboxWarehouse());
        }
        latest.forEach(connection -> content.add(card(connection)));
    }

    private Component card(ConnectionFlows connection) {
        H3 name = new H3(connection.name());
        Span mode = Badge.of(connection.mode() == ChannelMode.SANDBOX ? "Sandbox" : "Live",
                connection.mode() == ChannelMode.SANDBOX ? Badge.Tone.CONTRAST : Badge.Tone.SUCCESS);
        Span domain = new Span(connection.shopDomain());
        domain.addClassName("cd-muted");
        HorizontalLayout header = new HorizontalLayout(name, mode, domain);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);

        Grid<FlowView> grid = new Grid<>();
        grid.setId("flows-" + connection.connectionId());
        grid.addClassName("cd-flows-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(FlowsView::describe).setHeader("Flow").setFlexGrow(3);
        grid.addComponentColumn(this::toggle).setHeader("On").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::schedule).setHeader("Runs every").setWidth("11em").setFlexGrow(0);
        grid.addComponentColumn(FlowsView::lastRun).setHeader("Last run").setFlexGrow(3);
        grid.addComponentColumn(this::runNow).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(connection.flows());

        Div card = new Div(header, grid);
        card.addClassName("cd-card");
        card.addClassName("cd-flow-card");
        return card;
    }

    private static Component describe(FlowView flow) {
        Span label = new Span(flow.flow().label());
        label.addClassName("cd-flow-name");
        Span purpose = new Span(flow.flow().purpose());
        purpose.addClassName("cd-muted");
        Component title = label;
        if (!flow.live()) {
            // a flow in shadow runs, but only works out and compares: say so where its runs are read
            Span shadow = Badge.of("Shadow", Badge.Tone.WARNING);
            shadow.addClassName("cd-flow-shadow");
            shadow.getElement().setAttribute("title", "In shadow mode: it works out what it would send and compares "
                    + "it with the channel, and sends nothing. Switch it live in Go-live.");
            HorizontalLayout row = new HorizontalLayout(label, shadow);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.setSpacing(true);
            title = row;
        }
        VerticalLayout both = new VerticalLayout(title, purpose);
        both.setPadding(false);
        both.setSpacing(false);
        return both;
    }

    private Component toggle(FlowView flow) {
        Checkbox on = new Checkbox(flow.enabled());
        on.setId("flow-enabled-" + flow.connectionId() + "-" + flow.flow());
        on.setAriaLabel(flow.flow().label() + " on");
        on.setEnabled(flows.canManage());
        on.addValueChangeListener(change -> {
            if (!change.isFromClient() || tenant == null) {
                return;
            }
            try {
                flows.setEnabled(tenant, flow.connectionId(), flow.flow(), change.getValue());
                Notices.success(flow.flow().label() + (change.getValue() ? " is on" : " is off"));
            } catch (RuntimeException e) {
                log.warn("Switching {} failed", flow.flow(), e);
                Notices.error(FailureMessages.explain(e));
            }
            reload();
        });
        return on;
    }

    private Component schedule(FlowView flow) {
        if (!flow.scheduled()) {
            Span webhook = new Span("By webhook");
            webhook.addClassName("cd-muted");
            return webhook;
        }
        IntegerField minutes = new IntegerField();
        minutes.setId("flow-interval-" + flow.connectionId() + "-" + flow.flow());
        minutes.setAriaLabel(flow.flow().label() + " runs every (minutes)");
        minutes.setValue((int) flow.interval().toMinutes());
        minutes.setMin(1);
        minutes.setMax(1440);
        minutes.setSuffixComponent(new Span("min"));
        minutes.setWidth("8em");
        minutes.setEnabled(flows.canManage() && flow.enabled());
        minutes.addValueChangeListener(change -> {
            if (!change.isFromClient() || tenant == null || change.getValue() == null) {
                return;
            }
            try {
                flows.setInterval(tenant, flow.connectionId(), flow.flow(), Duration.ofMinutes(change.getValue()));
                Notices.success(flow.flow().label() + " runs every " + change.getValue() + " min");
            } catch (IllegalArgumentException e) {
                minutes.setInvalid(true);
                minutes.setErrorMessage(e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Scheduling {} failed", flow.flow(), e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        return minutes;
    }

    private static Component lastRun(FlowView flow) {
        RunView run = flow.lastRun();
        Div cell = new Div();
        cell.addClassName("cd-flow-run");
        cell.getElement().setAttribute("data-flow", flow.flow().name());
        if (run == null) {
            Span never = new Span(flow.scheduled() ? "Not run yet" : "Nothing received yet");
            never.addClassName("cd-muted");
            cell.add(never);
            return cell;
        }
        cell.getElement().setAttribute("data-outcome", run.outcome());
        cell.getElement().setAttribute("data-out", Integer.toString(run.recordsOut()));
        Span outcome = Badge.of(run.outcome().equals("OK") ? "OK" : SyncLabels.words(run.outcome()), switch (run.outcome()) {
            case "OK" -> Badge.Tone.SUCCESS;
            case "PARTIAL" -> Badge.Tone.WARNING;
            case "FAILED" -> Badge.Tone.ERROR;
            default -> Badge.Tone.PRIMARY;
        });
        outcome.addClassName("flow-outcome");
        Span counts = new Span(run.outcome().equals("RUNNING") ? " started " + SyncLabels.when(run.startedAt())
                : " " + run.recordsIn() + " in · " + run.recordsOut() + " out · " + run.recordsFailed() + " failed · "
                        + SyncLabels.when(run.startedAt()));
        counts.addClassName("flow-counts");
        cell.add(outcome, counts);
        if (!run.message().isBlank()) {
            Div message = new Div(run.message());
            message.addClassName("cd-muted");
            message.addClassName("cd-clamp-2");
            cell.add(message);
        }
        return cell;
    }

    private Component runNow(FlowView flow) {
        Button run = new Button("Run now", VaadinIcon.PLAY.create());
        run.setId("flow-run-" + flow.connectionId() + "-" + flow.flow());
        run.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        run.setVisible(flow.scheduled() && flows.canManage());
        run.setEnabled(flow.enabled());
        run.addClickListener(click -> {
            if (tenant == null) {
                return;
            }
            try {
                flows.runNow(tenant, flow.connectionId(), flow.flow());
                Notices.success(flow.flow().label() + " started; its outcome shows here when it is done");
            } catch (RuntimeException e) {
                log.warn("Starting {} failed", flow.flow(), e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        return run;
    }

    private Component sandboxWarehouse() {
        Button ship = new Button("Ship released orders", VaadinIcon.TRUCK.create(), click -> {
            if (tenant == null) {
                return;
            }
            try {
                SandboxWarehouse.Shipped shipped = flows.shipInSandbox(tenant);
                Notices.success(shipped.hasWarehouse() ? "This brand has an account at a connected warehouse: its "
                        + "released orders go there as 940s, and its 945s bring the tracking back"
                        : shipped.orders() == 0 ? "No released orders were waiting for the warehouse"
                        : "The sandbox warehouse shipped " + shipped.orders() + " order(s) in " + shipped.cartons()
                                + " carton(s); tracking is being posted to the store");
            } catch (RuntimeException e) {
                log.warn("The sandbox warehouse failed to ship", e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        ship.setId("sandbox-ship");
        Button stock = new Button("Report stock", VaadinIcon.STOCK.create(), click -> {
            if (tenant == null) {
                return;
            }
            try {
                int positions = flows.reportStockInSandbox(tenant);
                Notices.success("The sandbox warehouse reported stock for " + positions + " SKU(s); the inventory "
                        + "push is running");
            } catch (RuntimeException e) {
                log.warn("The sandbox warehouse failed to report stock", e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        stock.setId("sandbox-stock");
        Span what = new Span("Sandbox warehouse: stands in for the 3PL's WMS on sandbox connections.");
        what.addClassName("cd-muted");
        HorizontalLayout bar = new HorizontalLayout(what, ship, stock);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.addClassName("cd-sandbox-warehouse");
        return bar;
    }
}
