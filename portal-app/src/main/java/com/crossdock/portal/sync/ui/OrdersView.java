package com.crossdock.portal.sync.ui;

import com.crossdock.portal.channel.ui.ChannelsView;
import com.crossdock.portal.sync.JourneyStep;
import com.crossdock.portal.sync.OrderStatus;
import com.crossdock.portal.sync.OrderSummary;
import com.crossdock.portal.sync.SyncService;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.AutoRefresh;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.SerializablePredicate;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selected tenant's orders as the sync engine has them: status, why an order is held, when the channel last
 * changed it; filtered by status and order name. An order opens with its warehouse lines and its journey. The list
 * refreshes itself while it is open, so a webhook that just arrived shows up.
 */
@Route("orders")
@PageTitle("Orders · Crossdock")
@PermitAll
public class OrdersView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(OrdersView.class);
    /** The most recent orders the list loads; filtering and search work on these. */
    static final int LOADED = 500;
    private static final int REFRESH_MILLIS = 5_000;

    private final SyncService sync;
    private final TenantSelection selection;
    private final TextField search = new TextField();
    private final Select<OrderStatus> status = new Select<>();
    private final Span count = new Span();
    private final HorizontalLayout toolbar;
    private final Grid<OrderSummary> grid = new Grid<>();
    private final List<OrderSummary> orders = new ArrayList<>();
    private final ListDataProvider<OrderSummary> provider = new ListDataProvider<>(orders);
    private final Div empty = new Div();
    private final Dialog detail = new Dialog();
    private @Nullable TenantId tenant;

    OrdersView(SyncService sync, TenantSelection selection) {
        this.sync = sync;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        AutoRefresh.every(this, REFRESH_MILLIS, this::reload);
        setSizeFull();

        search.setId("orders-search");
        search.setPlaceholder("Order name, e.g. #1001");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setWidth("280px");
        search.addValueChangeListener(change -> applyFilter());
        status.setId("orders-status");
        status.setItems(OrderStatus.values());
        // the empty selection ("all statuses") is labelled with null too
        status.setItemLabelGenerator(choice -> choice == null ? "All statuses" : SyncLabels.words(choice.name()));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All statuses");
        status.setPlaceholder("All statuses");
        status.setAriaLabel("Status");
        status.addValueChangeListener(change -> applyFilter());
        count.setId("orders-count");
        count.addClassName("cd-muted");
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> reload());
        refresh.setId("orders-refresh");
        refresh.addThemeVariants(ButtonVariant.TERTIARY);
        Button transfer = new Button("New FBA transfer", VaadinIcon.TRUCK.create(), click -> {
            if (tenant != null) {
                new FbaTransferDialog(sync, tenant, this::reload).open();
            }
        });
        transfer.setId("orders-fba-transfer");
        transfer.addThemeVariants(ButtonVariant.TERTIARY);
        transfer.setVisible(sync.canSubmitOrders());
        toolbar = new HorizontalLayout(search, status, count, transfer, refresh);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.expand(count);

        grid.setId("orders-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(OrderSummary::orderName).setHeader("Order").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(OrdersView::statusOf).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(OrdersView::holdsOf).setHeader("Hold reasons").setFlexGrow(3);
        grid.addColumn(order -> SyncLabels.when(order.channelUpdatedAt())).setHeader("Changed in channel")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OrderSummary::lines).setHeader("Lines").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(provider);
        grid.addItemClickListener(click -> open(click.getItem()));
        grid.setSizeFull();

        empty.setWidthFull();
        detail.setId("order-detail");
        detail.setWidth("760px");
        add(toolbar, empty, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        orders.clear();
        reload();
    }

    private void reload() {
        if (tenant == null) {
            showEmpty(EmptyState.of("orders-empty", "No tenant is selected. Pick one in the tenant switcher."));
            return;
        }
        List<OrderSummary> latest;
        try {
            latest = sync.orders(tenant, LOADED);
        } catch (RuntimeException e) {
            log.warn("Loading the orders failed", e);
            Notices.error(FailureMessages.explain(e));
            return;
        }
        if (latest.isEmpty()) {
            RouterLink channels = new RouterLink("Go to Channels", ChannelsView.class);
            channels.setId("orders-empty-channels");
            showEmpty(EmptyState.of("orders-empty", "No orders yet. Orders show here as soon as a connected store "
                    + "sends them: connect the Shopify store under Channels first and add the webhook address it "
                    + "shows to the store's app. Already connected? Then the store has not sent an order yet.",
                    channels));
            return;
        }
        empty.setVisible(false);
        toolbar.setVisible(true);
        grid.setVisible(true);
        if (!latest.equals(orders)) {
            orders.clear();
            orders.addAll(latest);
            provider.refreshAll();
            applyFilter();
        }
    }

    private void showEmpty(Div state) {
        orders.clear();
        provider.refreshAll();
        empty.removeAll();
        empty.add(state);
        empty.setVisible(true);
        toolbar.setVisible(false);
        grid.setVisible(false);
    }

    private void applyFilter() {
        String text = search.getValue().strip().toLowerCase(Locale.ROOT);
        @Nullable OrderStatus wanted = status.getValue();
        SerializablePredicate<OrderSummary> matches = order -> (wanted == null || order.status() == wanted)
                && (text.isEmpty() || order.orderName().toLowerCase(Locale.ROOT).contains(text));
        provider.setFilter(matches);
        long shown = orders.stream().filter(matches).count();
        String total = orders.size() >= LOADED ? "the " + LOADED + " most recent orders"
                : orders.size() == 1 ? "1 order" : orders.size() + " orders";
        count.setText(shown == orders.size() ? capitalised(total) : shown + " of " + total);
    }

    private void open(OrderSummary order) {
        if (tenant == null) {
            return;
        }
        List<String> lines;
        List<JourneyStep> journey;
        try {
            lines = sync.warehouseLines(tenant, order.id());
            journey = sync.journey(tenant, order.id());
        } catch (RuntimeException e) {
            log.warn("Opening order {} failed", order.id(), e);
            Notices.error(FailureMessages.explain(e));
            return;
        }
        detail.removeAll();
        detail.getFooter().removeAll();
        detail.setHeaderTitle("Order " + order.orderName());
        Span state = SyncLabels.statusBadge(order.status());
        state.setId("order-detail-status");
        Span changed = new Span("Changed in the channel " + SyncLabels.when(order.channelUpdatedAt()));
        changed.addClassName("cd-muted");
        HorizontalLayout summary = new HorizontalLayout(state, changed);
        summary.setAlignItems(FlexComponent.Alignment.CENTER);
        summary.addClassName("cd-order-summary");
        detail.add(summary);
        if (!order.holdReasons().isEmpty()) {
            UnorderedList holds = new UnorderedList(order.holdReasons().stream().map(ListItem::new)
                    .toArray(ListItem[]::new));
            holds.setId("order-holds");
            holds.addClassName("cd-holds");
            detail.add(new H4("Why it is held"), holds);
        }
        UnorderedList warehouse = new UnorderedList(lines.stream().map(ListItem::new).toArray(ListItem[]::new));
        warehouse.setId("order-lines");
        warehouse.addClassName("cd-order-lines");
        detail.add(new H4("Warehouse lines"), lines.isEmpty()
                ? new Paragraph("No lines for the warehouse: everything was fulfilled or removed in the channel.")
                : warehouse, new H4("Journey"), timeline(journey));
        Button close = new Button("Close", click -> detail.close());
        close.setId("order-detail-close");
        detail.getFooter().add(close);
        detail.open();
    }

    private static OrderedList timeline(List<JourneyStep> journey) {
        OrderedList steps = new OrderedList();
        steps.setId("order-journey");
        steps.addClassName("cd-timeline");
        for (JourneyStep step : journey) {
            Span at = new Span(SyncLabels.whenExactly(step.at()));
            at.addClassName("cd-timeline-time");
            Span name = new Span(SyncLabels.words(step.step()));
            name.addClassName("cd-timeline-name");
            Span detail = new Span(step.detail());
            detail.addClassName("cd-timeline-detail");
            ListItem item = new ListItem(at, name, detail);
            item.addClassName("cd-timeline-step");
            item.getElement().setAttribute("data-step", step.step());
            steps.add(item);
        }
        return steps;
    }

    private static Span statusOf(OrderSummary order) {
        Span badge = SyncLabels.statusBadge(order.status());
        badge.addClassName("order-status");
        badge.getElement().setAttribute("data-order", order.orderName());
        return badge;
    }

    private static Span holdsOf(OrderSummary order) {
        String reasons = String.join("; ", order.holdReasons());
        Span holds = new Span(reasons.isEmpty() ? "—" : reasons);
        holds.addClassName("cd-clamp-2");
        holds.setTitle(reasons);
        return holds;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
