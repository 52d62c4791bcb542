package com.crossdock.portal.health.ui;

import com.crossdock.portal.health.HealthService;
import com.crossdock.portal.health.Leadership;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership (read-only): a heat map of tenant × flow over 7, 30 or 90 days, daily trends of runs, failures and
 * orders, and the failure patterns that keep coming back. Counts only; no payload is ever shown. The 3PL's leaders
 * see every client, a brand's leader their own.
 */
@Route("leadership")
@PageTitle("Leadership · Crossdock")
@RolesAllowed({"PLATFORM_ADMIN", "LEADERSHIP_VIEWER"})
public class LeadershipView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(LeadershipView.class);
    /** The heat map shows the tenants that fail most; the data table lists them all. */
    private static final int HEAT_MAP_ROWS = 25;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private final HealthService health;
    private final RadioButtonGroup<Integer> period = new RadioButtonGroup<>();
    private final ChartCard heatMap = new ChartCard("leadership-heatmap", "Failure rate by tenant and flow (%)");
    private final ChartCard trend = new ChartCard("leadership-trend", "Runs, failed runs and orders per day");
    private final Grid<Leadership.Pattern> patterns = new Grid<>();

    LeadershipView(HealthService health) {
        this.health = health;
        addClassName("cd-page");
        setPadding(false);
        Paragraph intro = new Paragraph("How every client's integrations did: the share of runs that failed or "
                + "raised an exception, per tenant and flow. Grey means nothing ran.");
        intro.addClassName("cd-muted");
        period.setId("leadership-period");
        period.setLabel("Period");
        period.setItems(7, 30, 90);
        period.setItemLabelGenerator(days -> days + " days");
        period.setValue(7);
        period.addValueChangeListener(change -> reload());
        heatMap.chart().setHeight("560px");
        patterns.setId("leadership-patterns");
        patterns.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES);
        patterns.setAllRowsVisible(true);
        patterns.addColumn(pattern -> HealthView.label(pattern.flow())).setHeader("Flow").setAutoWidth(true);
        patterns.addColumn(pattern -> HealthView.words(pattern.reason())).setHeader("Reason").setFlexGrow(2);
        patterns.addColumn(Leadership.Pattern::occurrences).setHeader("Occurrences").setAutoWidth(true);
        patterns.addColumn(Leadership.Pattern::tenants).setHeader("Tenants").setAutoWidth(true);
        Div charts = new Div(heatMap, trend);
        charts.addClassName("cd-chart-stack");
        add(intro, period, charts, new H3("Top recurring failure patterns"), patterns);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reload();
    }

    private void reload() {
        Leadership data;
        try {
            data = health.leadership(period.getValue() == null ? 7 : period.getValue());
        } catch (RuntimeException e) {
            log.warn("Loading the leadership view failed", e);
            Notices.error(FailureMessages.explain(e));
            return;
        }
        showHeatMap(data);
        showTrend(data);
        patterns.setItems(data.patterns());
    }

    private void showHeatMap(Leadership data) {
        List<String> flows = data.flows().stream().map(HealthView::label).toList();
        List<Leadership.TenantRow> worst = data.tenants().stream()
                .sorted(Comparator.comparingDouble(LeadershipView::worstRate).reversed()
                        .thenComparing(Leadership.TenantRow::name, String.CASE_INSENSITIVE_ORDER))
                .limit(HEAT_MAP_ROWS).toList();
        List<List<Object>> cells = new ArrayList<>();
        for (int y = 0; y < worst.size(); y++) {
            List<Leadership.Cell> row = worst.get(y).cells();
            for (int x = 0; x < row.size(); x++) {
                if (row.get(x).runs() > 0 || row.get(x).exceptions() > 0) {
                    cells.add(List.of(x, y, Math.round(row.get(x).failureRate() * 10) / 10.0));
                }
            }
        }
        List<String> header = new ArrayList<>(List.of("Tenant"));
        header.addAll(flows);
        List<List<String>> rows = data.tenants().stream().map(tenant -> {
            List<String> row = new ArrayList<>(List.of(tenant.name()));
            tenant.cells().forEach(cell -> row.add(cell.runs() == 0 && cell.exceptions() == 0 ? "no runs"
                    : String.format(Locale.ENGLISH, "%.1f%% of %d runs", cell.failureRate(), cell.runs())));
            return row;
        }).toList();
        heatMap.chart().setHeight(Math.max(200, 60 + 22 * worst.size()) + "px");
        heatMap.show(ChartOptions.heatmap(flows, worst.stream().map(Leadership.TenantRow::name).toList(), cells, 20),
                header, rows);
    }

    private static double worstRate(Leadership.TenantRow row) {
        return row.cells().stream().mapToDouble(Leadership.Cell::failureRate).max().orElse(0);
    }

    private void showTrend(Leadership data) {
        List<String> days = data.trend().stream().map(day -> DAY.format(day.day())).toList();
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put("Runs", data.trend().stream().map(Leadership.Trend::runs).toList());
        series.put("Failed runs", data.trend().stream().map(Leadership.Trend::failedRuns).toList());
        series.put("Orders", data.trend().stream().map(Leadership.Trend::orders).toList());
        series.put("Exceptions", data.trend().stream().map(Leadership.Trend::exceptions).toList());
        trend.show(ChartOptions.series(days, series, "line", false),
                List.of("Day", "Runs", "Failed runs", "Orders", "Exceptions"),
                data.trend().stream().map(day -> List.of(day.day().toString(), Long.toString(day.runs()),
                        Long.toString(day.failedRuns()), Long.toString(day.orders()),
                        Long.toString(day.exceptions()))).toList());
    }
}
