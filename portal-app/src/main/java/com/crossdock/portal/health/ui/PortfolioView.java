package com.crossdock.portal.health.ui;

import com.crossdock.portal.health.HealthColour;
import com.crossdock.portal.health.HealthService;
import com.crossdock.portal.health.PortfolioRow;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.LiveUpdates;
import com.crossdock.portal.uikit.Notices;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Portfolio: every tenant the account manager looks after, with its onboarding stage, a health colour from the
 * last 24 hours, open exceptions by owner and response-time breaches; sortable, filtered by name or colour, and a
 * click opens the tenant's Health dashboard.
 */
@Route("portfolio")
@PageTitle("Portfolio · Crossdock")
@RolesAllowed({"PLATFORM_ADMIN", "ACCOUNT_MANAGER"})
public class PortfolioView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(PortfolioView.class);

    private final HealthService health;
    private final TenantSelection selection;
    private final Grid<PortfolioRow> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<String> colour = new Select<>();
    private final Div empty = new Div();
    private List<PortfolioRow> rows = List.of();

    PortfolioView(HealthService health, TenantSelection selection) {
        this.health = health;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        setSizeFull();
        Paragraph intro = new Paragraph("Your tenants with where they stand in onboarding and how their flows did in "
                + "the last 24 hours. Click a tenant to open its Health dashboard.");
        intro.addClassName("cd-muted");
        search.setId("portfolio-search");
        search.setPlaceholder("Filter by name or code");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> filter());
        colour.setId("portfolio-colour");
        colour.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of("All"),
                java.util.stream.Stream.of(HealthColour.RED, HealthColour.AMBER, HealthColour.GREEN, HealthColour.GREY)
                        .map(HealthView::colourName)).toList());
        colour.setValue("All");
        colour.addValueChangeListener(change -> filter());
        HorizontalLayout filters = new HorizontalLayout(search, colour);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        configureGrid();
        add(intro, filters, empty, grid);
        LiveUpdates.follow(this, health::watchPortfolio, this::reload);
    }

    private void configureGrid() {
        grid.setId("portfolio-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(PortfolioRow::name).setHeader("Tenant").setSortable(true).setFlexGrow(2)
                .setComparator(Comparator.comparing(PortfolioRow::name, String.CASE_INSENSITIVE_ORDER));
        grid.addColumn(PortfolioRow::code).setHeader("Code").setSortable(true).setAutoWidth(true);
        grid.addColumn(row -> row.stage().label()).setHeader("Stage").setAutoWidth(true)
                .setComparator(Comparator.comparing(PortfolioRow::stage));
        grid.addComponentColumn(row -> HealthView.colour(row.colour())).setHeader("Health").setAutoWidth(true)
                .setComparator(Comparator.comparing(row -> severity(row.colour())));
        grid.addColumn(PortfolioRow::uatStatus).setHeader("UAT").setSortable(true).setAutoWidth(true);
        grid.addColumn(row -> row.failedRuns() + " of " + row.runs()).setHeader("Failed, 24 h")
                .setAutoWidth(true).setComparator(Comparator.comparingLong(PortfolioRow::failedRuns));
        grid.addColumn(PortfolioRow::openExceptions).setHeader("Open").setAutoWidth(true)
                .setComparator(Comparator.comparingLong(PortfolioRow::openExceptions));
        grid.addColumn(row -> row.openByOwner().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "))).setHeader("Open by owner").setWidth("12em").setFlexGrow(2);
        grid.addColumn(PortfolioRow::breaches).setHeader("Overdue").setAutoWidth(true)
                .setComparator(Comparator.comparingLong(PortfolioRow::breaches));
        grid.addItemClickListener(click -> {
            selection.select(click.getItem().tenant());
            getUI().ifPresent(ui -> ui.navigate(HealthView.class));
        });
    }

    private static int severity(HealthColour colour) {
        return switch (colour) {
            case RED -> 0;
            case AMBER -> 1;
            case GREEN -> 2;
            case GREY -> 3;
        };
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reload();
    }

    private void reload() {
        try {
            rows = health.portfolio().stream()
                    .sorted(Comparator.comparing((PortfolioRow row) -> severity(row.colour()))
                            .thenComparing(PortfolioRow::name, String.CASE_INSENSITIVE_ORDER)).toList();
        } catch (RuntimeException e) {
            log.warn("Loading the portfolio failed", e);
            Notices.error(FailureMessages.explain(e));
            return;
        }
        filter();
    }

    private void filter() {
        String text = search.getValue().strip().toLowerCase(Locale.ROOT);
        String wanted = colour.getValue() == null ? "All" : colour.getValue();
        List<PortfolioRow> shown = rows.stream()
                .filter(row -> text.isEmpty() || row.name().toLowerCase(Locale.ROOT).contains(text)
                        || row.code().toLowerCase(Locale.ROOT).contains(text))
                .filter(row -> wanted.equals("All") || wanted.equals(HealthView.colourName(row.colour()))).toList();
        grid.setItems(shown);
        empty.removeAll();
        empty.setVisible(shown.isEmpty());
        grid.setVisible(!shown.isEmpty());
        if (rows.isEmpty()) {
            empty.add(EmptyState.of("portfolio-empty", "No tenants are assigned to you yet. A platform admin assigns "
                    + "tenants to account managers under Tenants."));
        } else if (shown.isEmpty()) {
            empty.add(EmptyState.of("portfolio-empty", "No tenant matches the filter. Clear the search or pick "
                    + "\"All\"."));
        }
    }
}
