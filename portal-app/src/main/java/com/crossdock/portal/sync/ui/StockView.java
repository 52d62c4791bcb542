package com.crossdock.portal.sync.ui;

import com.crossdock.portal.sync.StockRow;
import com.crossdock.portal.sync.SyncService;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.Badge;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.Fact;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selected tenant's stock per store: what the warehouse's available units allow each listing to sell now, what
 * the store was last told, and the drift between them, largest first (a store that shows more than there is
 * oversells).
 */
@Route("stock")
@PageTitle("Stock · Crossdock")
@PermitAll
public class StockView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(StockView.class);

    private final SyncService sync;
    private final TenantSelection selection;
    private final Div summary = new Div();
    private final Grid<StockRow> grid = new Grid<>();
    private final Div empty = new Div();
    private @Nullable TenantId tenant;

    StockView(SyncService sync, TenantSelection selection) {
        this.sync = sync;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        setSizeFull();
        summary.setId("stock-summary");
        grid.setId("stock-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES);
        grid.addColumn(StockRow::channelSku).setHeader("Listing (store SKU)").setFlexGrow(2);
        grid.addColumn(StockRow::connectionName).setHeader("Store").setFlexGrow(2);
        grid.addColumn(StockRow::sellable).setHeader("Sellable now").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> row.pushed() == null ? "never told" : row.pushed().toString()).setHeader("Store told")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(StockView::drift).setHeader("Drift").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> row.pushedAt() == null ? "—" : SyncLabels.when(row.pushedAt())).setHeader("Last push")
                .setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
        empty.setWidthFull();
        add(summary, empty, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        reload();
    }

    private void reload() {
        if (tenant == null) {
            show(EmptyState.of("stock-empty", "No tenant is selected. Pick one in the tenant switcher."));
            return;
        }
        List<StockRow> rows;
        try {
            rows = sync.stock(tenant);
        } catch (RuntimeException e) {
            log.warn("Loading the stock failed", e);
            Notices.error(FailureMessages.explain(e));
            return;
        }
        if (rows.isEmpty()) {
            show(EmptyState.of("stock-empty", "No stock yet. Stock shows here once the warehouse reports it (an 846 "
                    + "from the connected WMS, or \"Report stock\" of a sandbox warehouse under Flows) for SKUs a "
                    + "connected store sells."));
            return;
        }
        empty.setVisible(false);
        grid.setVisible(true);
        long drifting = rows.stream().filter(row -> row.drift() != 0).count();
        long overselling = rows.stream().filter(row -> row.drift() > 0).count();
        summary.removeAll();
        summary.add(Fact.row(Fact.of("Listings", Integer.toString(rows.size()), "stock-listings"),
                Fact.of("Drifting", Long.toString(drifting), "stock-drifting"),
                Fact.of("Store shows more than there is", Long.toString(overselling), "stock-overselling"),
                Fact.of("Warehouse stock as of", SyncLabels.when(rows.getFirst().warehouseAsOf()), "stock-as-of")));
        summary.setVisible(true);
        grid.setItems(rows);
    }

    private void show(Div state) {
        empty.removeAll();
        empty.add(state);
        empty.setVisible(true);
        summary.setVisible(false);
        grid.setVisible(false);
    }

    private static Span drift(StockRow row) {
        int drift = row.drift();
        Span badge = Badge.of(drift == 0 ? "in step" : (drift > 0 ? "+" : "") + drift,
                drift == 0 ? Badge.Tone.SUCCESS : drift > 0 ? Badge.Tone.ERROR : Badge.Tone.WARNING);
        badge.addClassName("stock-drift");
        badge.getElement().setAttribute("data-drift", Integer.toString(drift));
        return badge;
    }
}
