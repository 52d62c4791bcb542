package com.crossdock.portal.returns.ui;

import com.crossdock.portal.returns.ReturnSettings;
import com.crossdock.portal.returns.ReturnsService;
import com.crossdock.portal.returns.ReturnsValidationException;
import com.crossdock.portal.returns.RmaStatus;
import com.crossdock.portal.returns.RmaSummary;
import com.crossdock.portal.returns.RmaView;
import com.crossdock.portal.returns.StockByStatus;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.Badge;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Returns: the selected brand's RMAs by status, oldest first with their age; "New RMA" for a return entered by
 * hand; a field that finds an RMA by its number or order (scannable from the parcel's label); the returns bench for
 * the chosen RMA; the tenant's returns rules; and its stock by status per SKU.
 */
@Route("returns")
@PageTitle("Returns · Crossdock")
@PermitAll
public class ReturnsView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(ReturnsView.class);
    private static final String OPEN = "Open (not closed)";
    private static final String ALL = "All";

    private final ReturnsService returns;
    private final TenantSelection selection;
    private final Select<String> filter = new Select<>();
    private final TextField find = new TextField();
    private final Button create = new Button("New RMA");
    private final Button rules = new Button("Returns rules");
    private final Grid<RmaSummary> queue = new Grid<>();
    private final Div queueEmpty = new Div();
    private final Div benchSlot = new Div();
    private final Grid<StockByStatus> stock = new Grid<>();
    private final Div stockEmpty = new Div();
    private @Nullable TenantId tenant;
    private @Nullable ReturnsBench bench;

    ReturnsView(ReturnsService returns, TenantSelection selection) {
        this.returns = returns;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        setSizeFull();
        filter.setId("returns-filter");
        filter.setLabel("Status");
        filter.setItems(statusChoices());
        filter.setValue(OPEN);
        filter.addValueChangeListener(change -> reloadQueue());
        find.setId("returns-find");
        find.setLabel("Find RMA");
        find.setPlaceholder("RMA number or order, then Enter");
        find.addKeyPressListener(Key.ENTER, enter -> findAndOpen());
        create.setId("returns-new");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(click -> openForm());
        rules.setId("returns-rules");
        rules.addClickListener(click -> openRules());
        HorizontalLayout bar = new HorizontalLayout(filter, find, create, rules);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        configureQueue();
        configureStock();
        benchSlot.setWidthFull();
        add(bar, queueEmpty, queue, benchSlot, new H3("Stock by status"), stockEmpty, stock);
    }

    private static List<String> statusChoices() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(OPEN, ALL),
                Arrays.stream(RmaStatus.values()).map(RmaStatus::label)).toList();
    }

    private void configureQueue() {
        queue.setId("returns-grid");
        queue.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES);
        queue.addColumn(RmaSummary::number).setHeader("RMA").setAutoWidth(true);
        queue.addColumn(RmaSummary::orderName).setHeader("Order").setAutoWidth(true);
        queue.addComponentColumn(rma -> {
            Span badge = statusBadge(rma.status());
            badge.getElement().setAttribute("data-rma", rma.number());
            return badge;
        }).setHeader("Status").setAutoWidth(true);
        queue.addColumn(rma -> rma.receivedUnits() + " of " + rma.expectedUnits() + (rma.heldUnits() > 0
                ? " · " + rma.heldUnits() + " held" : "")).setHeader("Units").setAutoWidth(true);
        queue.addColumn(rma -> age(rma.createdAt())).setHeader("Age").setAutoWidth(true);
        queue.addColumn(rma -> !rma.source().equals("CHANNEL") ? "By hand" : rma.channel().isBlank() ? "Store"
                : rma.channel()).setHeader("From")
                .setAutoWidth(true);
        queue.addColumn(rma -> signalText(rma.channelSignal(), "")).setHeader("Store refund").setFlexGrow(1);
        queue.setAllRowsVisible(true);
        queue.addItemClickListener(click -> open(click.getItem().id()));
    }

    private void configureStock() {
        stock.setId("returns-stock-grid");
        stock.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES);
        stock.addColumn(StockByStatus::sku).setHeader("SKU").setAutoWidth(true);
        stock.addColumn(StockByStatus::available).setHeader("Available").setAutoWidth(true);
        stock.addColumn(StockByStatus::bGrade).setHeader("B-grade").setAutoWidth(true);
        stock.addColumn(StockByStatus::onHold).setHeader("On hold").setAutoWidth(true);
        stock.addColumn(StockByStatus::quarantine).setHeader("Quarantine").setAutoWidth(true);
        stock.addColumn(StockByStatus::damaged).setHeader("Damaged").setAutoWidth(true);
        stock.addColumn(row -> row.warehouseOnHand() == null ? "—" : row.warehouseAvailable() + " of "
                + row.warehouseOnHand()).setHeader("Warehouse reports (available of on hand)").setFlexGrow(1);
        stock.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        benchSlot.removeAll();
        bench = null;
        reloadQueue();
        reloadStock();
    }

    private void reloadQueue() {
        boolean editor = returns.canEdit();
        create.setVisible(tenant != null && editor);
        rules.setVisible(tenant != null);
        find.setVisible(tenant != null);
        if (tenant == null) {
            EmptyState.showInstead(queueEmpty, queue, "No tenant is selected. Pick one in the tenant switcher.");
            return;
        }
        List<RmaSummary> rmas;
        try {
            String chosen = filter.getValue();
            rmas = returns.queue(tenant, Arrays.stream(RmaStatus.values())
                    .filter(status -> status.label().equals(chosen)).findFirst().orElse(null));
            if (OPEN.equals(chosen)) {
                rmas = rmas.stream().filter(rma -> rma.status() != RmaStatus.CLOSED).toList();
            }
        } catch (RuntimeException e) {
            log.warn("Loading the returns failed", e);
            Notices.error(FailureMessages.explain(e));
            return;
        }
        if (rmas.isEmpty()) {
            EmptyState.showInstead(queueEmpty, queue,
                    "No returns " + (OPEN.equals(filter.getValue()) || ALL.equals(filter.getValue())
                    ? "" : "in this status ") + "yet. A store's return requests and refunds arrive here by "
                    + "themselves once its Shopify store is connected under Channels"
                    + (editor ? "; a return that comes without one is entered with \"New RMA\"." : "."));
        } else {
            EmptyState.hide(queueEmpty, queue);
            queue.setItems(rmas);
        }
    }

    private void reloadStock() {
        if (tenant == null) {
            EmptyState.showInstead(stockEmpty, stock, "Pick a tenant to see its stock by status.");
            return;
        }
        try {
            List<StockByStatus> rows = returns.stockByStatus(tenant);
            if (rows.isEmpty()) {
                EmptyState.showInstead(stockEmpty, stock,
                        "No stock counted yet. Units show here by status once the warehouse "
                        + "receives an inbound shipment (under Receiving) or a return is received at the bench.");
            } else {
                EmptyState.hide(stockEmpty, stock);
                stock.setItems(rows);
            }
        } catch (RuntimeException e) {
            log.warn("Loading the stock by status failed", e);
            Notices.error(FailureMessages.explain(e));
        }
    }

    private void findAndOpen() {
        String wanted = find.getValue();
        find.clear();
        try {
            Optional<RmaView> found = returns.find(currentTenant(), wanted);
            found.ifPresentOrElse(rma -> open(rma.id()), () -> Notices.error("No RMA " + wanted
                    + ". Check the number on the parcel's label, or enter it with \"New RMA\"."));
        } catch (RuntimeException e) {
            log.warn("Finding RMA {} failed", wanted, e);
            Notices.error(FailureMessages.explain(e));
        }
    }

    private void open(java.util.UUID rmaId) {
        try {
            RmaView rma = returns.rma(currentTenant(), rmaId);
            benchSlot.removeAll();
            bench = new ReturnsBench(returns, currentTenant(), rma, () -> {
                reloadQueue();
                reloadStock();
            });
            benchSlot.add(bench);
            bench.focusScan();
        } catch (RuntimeException e) {
            log.warn("Opening RMA {} failed", rmaId, e);
            Notices.error(FailureMessages.explain(e));
        }
    }

    private void openForm() {
        RmaForm[] form = new RmaForm[1];
        form[0] = new RmaForm(command -> {
            try {
                RmaView created = returns.create(currentTenant(), command);
                form[0].close();
                Notices.success(created.number() + " created; scan its units at the bench when the parcel comes.");
                reloadQueue();
                open(created.id());
            } catch (ReturnsValidationException refused) {
                form[0].showErrors(refused.fieldErrors());
            } catch (RuntimeException e) {
                log.warn("Creating an RMA failed", e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        form[0].open();
    }

    private void openRules() {
        ReturnSettings current = returns.settings(currentTenant());
        Dialog dialog = new Dialog();
        dialog.setId("returns-rules-dialog");
        dialog.setHeaderTitle("Returns rules");
        Checkbox hazmat = new Checkbox("Always hold hazmat items for inspection", current.alwaysInspectHazmat());
        hazmat.setId("rules-hazmat");
        TextArea skus = new TextArea("Restock unopened units of these SKUs at once");
        skus.setId("rules-skus");
        skus.setHelperText("One SKU per line; every other unit waits for inspection");
        skus.setValue(String.join("\n", current.autoRestockSkus()));
        skus.setWidthFull();
        dialog.add(new VerticalLayout(hazmat, skus));
        Button save = new Button("Save rules", click -> {
            try {
                returns.saveSettings(currentTenant(), new ReturnSettings(hazmat.getValue(),
                        Arrays.stream(skus.getValue().split("[\\s,;]+")).filter(sku -> !sku.isBlank()).toList()));
                dialog.close();
                Notices.success("Returns rules saved; they apply to the next units scanned.");
            } catch (ReturnsValidationException refused) {
                skus.setInvalid(true);
                skus.setErrorMessage(String.join("; ", refused.fieldErrors().values()));
            } catch (RuntimeException e) {
                log.warn("Saving the returns rules failed", e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        save.setId("rules-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        boolean maker = returns.canChangeRules();
        save.setVisible(maker);
        hazmat.setReadOnly(!maker);
        skus.setReadOnly(!maker);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    static Span statusBadge(RmaStatus status) {
        Span badge = Badge.of(status.label(), switch (status) {
            case EXPECTED -> Badge.Tone.NEUTRAL;
            case RECEIVED -> Badge.Tone.PRIMARY;
            case ON_HOLD -> Badge.Tone.WARNING;
            case DISPOSITIONED, CLOSED -> Badge.Tone.SUCCESS;
        });
        badge.addClassName("rma-status");
        badge.getElement().setAttribute("data-status", status.name());
        return badge;
    }

    static String signalText(String signal, String refund) {
        return switch (signal) {
            case "WAITING" -> "Store refund waits for every unit's disposition";
            case "QUEUED" -> "Refund goes to the store with the next returns write-back";
            case "TOLD" -> "Store refunded" + (refund.isEmpty() ? "" : " (" + refund + ")");
            default -> "No store to tell";
        };
    }

    private static String age(Instant since) {
        Duration age = Duration.between(since, Instant.now());
        return age.toDays() > 0 ? age.toDays() + " d" : age.toHours() > 0 ? age.toHours() + " h"
                : Math.max(age.toMinutes(), 0) + " min";
    }

    private TenantId currentTenant() {
        if (tenant == null) {
            throw new IllegalStateException("No tenant is selected");
        }
        return tenant;
    }
}
