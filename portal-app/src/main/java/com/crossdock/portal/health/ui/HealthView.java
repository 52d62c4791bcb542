package com.crossdock.portal.health.ui;

import com.crossdock.portal.health.BrandDashboard;
import com.crossdock.portal.health.BrandDashboard.Count;
import com.crossdock.portal.health.BrandDashboard.Day;
import com.crossdock.portal.health.BrandDashboard.FlowHealth;
import com.crossdock.portal.health.HealthColour;
import com.crossdock.portal.health.HealthService;
import com.crossdock.portal.sync.Flow;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.Badge;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.LiveUpdates;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health: the selected brand's flows per store (last success, lag, throughput, error rate, backlog, a 24-hour
 * trend), orders and shipments per day, drift per SKU, open exceptions by reason, owner and age, and the alert
 * rules with their history. Updated through server push when new rollups of the tenant land.
 */
@Route("health")
@PageTitle("Health · Crossdock")
@PermitAll
public class HealthView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(HealthView.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final String BLOCKS = "▁▂▃▄▅▆▇█";

    private final HealthService health;
    private final TenantSelection selection;
    private final Div empty = new Div();
    private final Div content = new Div();
    private final Grid<FlowHealth> flows = new Grid<>();
    private final H3 flowsTitle = new H3("Flows");
    private Grid.Column<FlowHealth> store;
    private final ChartCard orders = new ChartCard("health-orders", "Orders per day: from the channel and released "
            + "to the warehouse");
    private final ChartCard shipments = new ChartCard("health-shipments", "Shipped per day and tracking posted");
    private final ChartCard throughput = new ChartCard("health-throughput", "Records moved per hour, last 24 hours");
    private final ChartCard drift = new ChartCard("health-drift", "Inventory drift per SKU (store less warehouse)");
    private final ChartCard byReason = new ChartCard("health-by-reason", "Open exceptions by reason");
    private final ChartCard byOwner = new ChartCard("health-by-owner", "Open exceptions by owner");
    private final ChartCard byAge = new ChartCard("health-by-age", "Open exceptions by age");
    private final AlertsSection alerts;
    private @Nullable TenantId tenant;
    private @Nullable BrandDashboard shown;
    private final LiveUpdates live;

    HealthView(HealthService health, TenantSelection selection) {
        this.health = health;
        this.selection = selection;
        this.alerts = new AlertsSection(health);
        addClassName("cd-page");
        setPadding(false);
        configureFlows();
        Paragraph intro = new Paragraph("How each store's flows are doing now and over the last days. Counts come "
                + "from rollups kept as the work happens; the page updates itself as they land.");
        intro.addClassName("cd-muted");
        RouterLink review = new RouterLink("Hypercare daily review", HypercareView.class);
        review.setId("health-hypercare-link");
        Div charts = new Div(orders, shipments, throughput, drift, byReason, byOwner, byAge);
        charts.addClassName("cd-chart-grid");
        content.add(flowsTitle, flows, charts, alerts);
        content.setWidthFull();
        empty.setWidthFull();
        add(intro, review, empty, content);
        live = LiveUpdates.follow(this, changed -> tenant == null ? null : health.watch(tenant, changed),
                this::reload);
    }

    private void configureFlows() {
        flows.setId("health-flows-grid");
        flows.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        flows.setAllRowsVisible(true);
        store = flows.addColumn(FlowHealth::connectionName).setHeader("Store").setWidth("11em").setFlexGrow(1);
        flows.addColumn(flow -> label(flow.flow())).setHeader("Flow").setWidth("10em").setFlexGrow(1);
        flows.addComponentColumn(flow -> colour(flow.colour())).setHeader("Health").setAutoWidth(true);
        flows.addColumn(flow -> ago(flow.lastSuccess())).setHeader("Last success").setAutoWidth(true);
        flows.addColumn(flow -> minutes(flow.lagMinutes())).setHeader("Lag").setAutoWidth(true);
        flows.addColumn(FlowHealth::throughput).setHeader("Records, 24 h").setAutoWidth(true);
        flows.addColumn(flow -> String.format(Locale.ENGLISH, "%.1f%%", flow.errorRate())).setHeader("Error rate")
                .setAutoWidth(true);
        flows.addColumn(FlowHealth::backlog).setHeader("Backlog").setAutoWidth(true);
        flows.addComponentColumn(flow -> sparkline(flow.trend())).setHeader("Per hour").setAutoWidth(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        shown = null;
        reload();
        live.restart();
    }

    private void reload() {
        if (tenant == null) {
            showEmpty("No tenant is selected. Pick one in the tenant switcher to see its sync health.");
            return;
        }
        BrandDashboard dashboard;
        try {
            dashboard = health.brandDashboard(tenant);
        } catch (RuntimeException e) {
            log.warn("Loading the health dashboard failed", e);
            Notices.error(FailureMessages.explain(e));
            return;
        }
        alerts.load(tenant);
        if (shown != null && sameData(shown, dashboard)) {
            return;
        }
        shown = dashboard;
        if (dashboard.flows().isEmpty()) {
            showEmpty("No flows yet, so nothing to measure. Connect a store under Channels: its flows start at once "
                    + "and their health shows here within a minute.");
            content.setVisible(true);
            flows.setVisible(false);
        } else {
            empty.setVisible(false);
            content.setVisible(true);
            flows.setVisible(true);
            flows.setItems(dashboard.flows());
            List<String> stores = dashboard.flows().stream().map(FlowHealth::connectionName).distinct().toList();
            // one store: its name in the title instead of on every row
            store.setVisible(stores.size() > 1);
            flowsTitle.setText(stores.size() == 1 ? "Flows of " + stores.getFirst() : "Flows");
        }
        showDays(dashboard.days());
        showThroughput(dashboard);
        showDrift(dashboard);
        showCounts(byReason, "Reason", dashboard.byReason(), ChartOptions.PALETTE.get(3));
        showCounts(byOwner, "Owner", dashboard.byOwner(), ChartOptions.PALETTE.get(0));
        showCounts(byAge, "Age", dashboard.byAge(), ChartOptions.PALETTE.get(2));
    }

    private static boolean sameData(BrandDashboard a, BrandDashboard b) {
        return a.flows().equals(b.flows()) && a.days().equals(b.days()) && a.drift().equals(b.drift())
                && a.byReason().equals(b.byReason()) && a.byOwner().equals(b.byOwner()) && a.byAge().equals(b.byAge());
    }

    private void showEmpty(String text) {
        empty.removeAll();
        empty.add(EmptyState.of("health-empty", text));
        empty.setVisible(true);
        content.setVisible(tenant != null);
    }

    private void showDays(List<Day> days) {
        List<String> labels = days.stream().map(day -> DAY.format(day.day())).toList();
        Map<String, List<? extends Number>> orderSeries = new LinkedHashMap<>();
        orderSeries.put("From the channel", days.stream().map(Day::received).toList());
        orderSeries.put("Released to the warehouse", days.stream().map(Day::released).toList());
        orders.show(ChartOptions.series(labels, orderSeries, "bar", false),
                List.of("Day", "From the channel", "Released to the warehouse"),
                days.stream().map(day -> List.of(day.day().toString(), Long.toString(day.received()),
                        Long.toString(day.released()))).toList());
        Map<String, List<? extends Number>> shipSeries = new LinkedHashMap<>();
        shipSeries.put("Shipped", days.stream().map(Day::shipped).toList());
        shipSeries.put("Tracking posted", days.stream().map(Day::trackingPosted).toList());
        shipments.show(ChartOptions.series(labels, shipSeries, "bar", false),
                List.of("Day", "Shipped", "Tracking posted"),
                days.stream().map(day -> List.of(day.day().toString(), Long.toString(day.shipped()),
                        Long.toString(day.trackingPosted()))).toList());
    }

    private void showThroughput(BrandDashboard dashboard) {
        List<String> hours = new ArrayList<>();
        Instant first = dashboard.at().truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(Duration.ofHours(23));
        for (int i = 0; i < 24; i++) {
            hours.add(DateTimeFormatter.ofPattern("HH:00").withZone(ZoneOffset.UTC)
                    .format(first.plus(Duration.ofHours(i))));
        }
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        for (FlowHealth flow : dashboard.flows()) {
            List<Long> trend = flow.trend();
            if (trend.stream().anyMatch(value -> value > 0)) {
                series.merge(label(flow.flow()), trend, (a, b) -> sum(a, b));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            List<String> row = new ArrayList<>(List.of(hours.get(i)));
            for (List<? extends Number> values : series.values()) {
                row.add(values.get(i).toString());
            }
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("Hour (UTC)"));
        header.addAll(series.keySet());
        throughput.show(ChartOptions.series(hours, series, "line", false), header, rows);
    }

    private static List<Long> sum(List<? extends Number> a, List<? extends Number> b) {
        List<Long> sum = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            sum.add(a.get(i).longValue() + b.get(i).longValue());
        }
        return sum;
    }

    private void showDrift(BrandDashboard dashboard) {
        if (dashboard.drift().isEmpty()) {
            drift.show(ChartOptions.series(List.of(), Map.of(), "line", false), List.of("Day", "Drift"), List.of());
            return;
        }
        List<java.time.LocalDate> days = dashboard.drift().getFirst().days();
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        dashboard.drift().forEach(sku -> series.put(sku.sku(), sku.drift()));
        List<String> header = new ArrayList<>(List.of("Day"));
        header.addAll(series.keySet());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            List<String> row = new ArrayList<>(List.of(days.get(i).toString()));
            for (List<? extends Number> values : series.values()) {
                row.add(values.get(i).toString());
            }
            rows.add(row);
        }
        drift.show(ChartOptions.series(days.stream().map(DAY::format).toList(), series, "line", false), header,
                rows);
    }

    private static void showCounts(ChartCard card, String what, List<Count> counts, String colour) {
        card.show(ChartOptions.bars(counts.stream().map(count -> words(count.label())).toList(),
                        counts.stream().map(Count::count).toList(), colour),
                List.of(what, "Open exceptions"),
                counts.stream().map(count -> List.of(words(count.label()), Long.toString(count.count()))).toList());
    }

    /** What a health colour says in words. */
    static String colourName(HealthColour colour) {
        return switch (colour) {
            case GREEN -> "Healthy";
            case AMBER -> "Watch";
            case RED -> "Failing";
            case GREY -> "No runs";
        };
    }

    static Component colour(HealthColour colour) {
        Span badge = Badge.of(colourName(colour), switch (colour) {
            case GREEN -> Badge.Tone.SUCCESS;
            case AMBER -> Badge.Tone.WARNING;
            case RED -> Badge.Tone.ERROR;
            case GREY -> Badge.Tone.NEUTRAL;
        });
        badge.addClassName("health-colour");
        badge.getElement().setAttribute("data-colour", colour.name());
        return badge;
    }

    static String label(String flow) {
        return Arrays.stream(Flow.values()).filter(f -> f.name().equals(flow)).map(Flow::label).findFirst()
                .orElse(words(flow));
    }

    static String words(String code) {
        if (code.isEmpty() || !code.equals(code.toUpperCase(Locale.ROOT))) {
            return code;
        }
        String lower = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String ago(@Nullable Instant at) {
        if (at == null) {
            return "Never";
        }
        long minutes = Duration.between(at, Instant.now()).toMinutes();
        if (minutes < 1) {
            return "Just now";
        }
        return minutes < 120 ? minutes + " min ago" : minutes / 60 < 48 ? minutes / 60 + " h ago"
                : minutes / 1440 + " days ago";
    }

    private static String minutes(long minutes) {
        return minutes < 120 ? minutes + " min" : minutes / 60 + " h";
    }

    private static Component sparkline(List<Long> values) {
        long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
        StringBuilder line = new StringBuilder();
        for (long value : values) {
            line.append(max == 0 ? BLOCKS.charAt(0) : BLOCKS.charAt((int) (value * (BLOCKS.length() - 1) / max)));
        }
        Span span = new Span(line.toString());
        span.addClassName("health-sparkline");
        span.getElement().setAttribute("aria-label", "Records per hour: " + values);
        return span;
    }
}
