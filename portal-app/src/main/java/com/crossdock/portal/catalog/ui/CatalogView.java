package com.crossdock.portal.catalog.ui;

import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.CatalogValidationException;
import com.crossdock.portal.catalog.ItemDetails;
import com.crossdock.portal.catalog.ItemSummary;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The item master of the selected tenant: a lazy list with search, and the item editor. */
@Route("catalog")
@PageTitle("Catalog · Crossdock")
@PermitAll
public class CatalogView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(CatalogView.class);
    private static final String SKU_PARAMETER = "sku";

    private final CatalogService catalog;
    private final Span ownerNotice = new Span();
    private final TenantSelection selection;
    private final TextField search = new TextField();
    private final Span count = new Span();
    private final Grid<ItemSummary> grid = new Grid<>();
    private final Div empty = new Div();
    private final Dialog dialog = new Dialog();
    private @Nullable TenantId tenant;
    private @Nullable ItemDetails editing;

    CatalogView(CatalogService catalog, TenantSelection selection) {
        this.catalog = catalog;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        setSizeFull();

        search.setId("catalog-search");
        search.setPlaceholder("Search SKU or description");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setWidth("320px");
        search.addValueChangeListener(change -> refresh());
        count.setId("catalog-count");
        count.addClassName("cd-muted");
        HorizontalLayout header = new HorizontalLayout(search, count);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(count);
        if (catalog.canEdit()) {
            Button create = new Button("New item", VaadinIcon.PLUS.create(), click -> open(null));
            create.setId("new-item");
            create.addThemeVariants(ButtonVariant.PRIMARY);
            header.add(create);
        }

        grid.setId("catalog-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES);
        grid.addColumn(ItemSummary::sku).setHeader("SKU").setAutoWidth(true);
        grid.addColumn(ItemSummary::description).setHeader("Description").setFlexGrow(2);
        grid.addColumn(item -> item.status().label()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(item -> item.eachGtin() == null ? "—" : item.eachGtin()).setHeader("Each GTIN")
                .setAutoWidth(true);
        grid.addColumn(ItemSummary::packs).setHeader("Packs").setAutoWidth(true);
        grid.addColumn(ItemSummary::aliases).setHeader("Channel ids").setAutoWidth(true);
        grid.addItemClickListener(click -> open(click.getItem().id()));
        grid.setSizeFull();

        empty.setId("catalog-empty");
        empty.addClassNames("cd-card", "cd-empty-state");
        dialog.setWidth("900px");
        ownerNotice.setId("catalog-owner-notice");
        ownerNotice.addClassName("cd-muted");
        ownerNotice.setVisible(false);
        add(header, ownerNotice, empty, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        // who owns the data decides where it changes: say so before someone edits in vain
        var ownership = tenant == null ? null : catalog.ownership(tenant,
                com.crossdock.tenantconfig.truth.DataType.MASTER_SKU_DATA);
        ownerNotice.setVisible(ownership != null && !ownership.allowed());
        ownerNotice.setText(ownership == null ? "" : ownership.notice());
        String sku = event.getLocation().getQueryParameters().getSingleParameter(SKU_PARAMETER).orElse("");
        if (sku.isBlank() || tenant == null) {
            refresh();
            return;
        }
        search.setValue(sku); // refreshes the grid, filtered to the SKU a link named
        catalog.search(tenant, sku, 0, 20).stream().filter(item -> item.sku().equals(sku)).findFirst()
                .ifPresent(item -> open(item.id()));
    }

    /** A link to the catalog filtered to {@code sku}, opening that item when it exists. */
    static RouterLink linkTo(String sku) {
        RouterLink link = new RouterLink(sku, CatalogView.class);
        link.setQueryParameters(com.vaadin.flow.router.QueryParameters.of(SKU_PARAMETER, sku));
        link.addClassName("cd-sku-link");
        return link;
    }

    private void refresh() {
        if (tenant == null) {
            showEmpty("No tenant is selected. Pick one in the tenant switcher.");
            return;
        }
        TenantId current = tenant;
        String text = search.getValue();
        long total = catalog.count(current, text);
        count.setText(total == 1 ? "1 item" : total + " items");
        if (total == 0 && text.isBlank()) {
            showEmpty(catalog.canEdit() ? "The catalog is empty. Load it from a workbook: download the template, "
                    + "fill in your items, packs with barcodes, channel identifiers, bundles and FBA prep, and upload "
                    + "it under Import & export. Or add a first item by hand with “New item”."
                    : "The catalog is empty. The brand's team loads it under Import & export.");
            RouterLink toImport = new RouterLink("Go to Import & export (template download)", ImportView.class);
            toImport.setId("catalog-empty-import");
            empty.add(toImport);
            return;
        }
        empty.setVisible(false);
        grid.setVisible(true);
        CallbackDataProvider<ItemSummary, Void> provider = DataProvider.fromCallbacks(
                query -> catalog.search(current, text, query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, catalog.count(current, text)));
        grid.setDataProvider(provider);
    }

    private void showEmpty(String text) {
        empty.removeAll();
        empty.add(new com.vaadin.flow.component.html.Paragraph(text));
        empty.setVisible(true);
        grid.setVisible(false);
    }

    private void open(@Nullable UUID id) {
        if (tenant == null) {
            return;
        }
        try {
            editing = id == null ? null : catalog.item(tenant, id);
        } catch (RuntimeException e) {
            log.warn("Could not open item {}", id, e);
            Notices.error(FailureMessages.explain(e));
            return;
        }
        ItemForm form = new ItemForm(catalog.canEdit());
        form.edit(editing == null ? null : editing.item());
        if (editing != null) {
            form.showBundles(editing.item().sku(), catalog.bundlesUsing(tenant, editing.item().sku()));
        }
        form.addSaveListener(save -> save(form, save));
        form.addCancelListener(cancel -> dialog.close());
        dialog.removeAll();
        dialog.setHeaderTitle(editing == null ? "New item" : editing.item().sku());
        dialog.add(form);
        dialog.open();
    }

    private void save(ItemForm form, ItemForm.SaveEvent save) {
        if (tenant == null) {
            return;
        }
        try {
            ItemSummary saved = catalog.save(tenant, editing == null ? null : editing.id(), save.command(),
                    editing == null ? 0 : editing.version());
            dialog.close();
            refresh();
            Notices.success("Saved " + saved.sku());
        } catch (CatalogValidationException invalid) {
            form.showErrors(invalid.fieldErrors());
        } catch (RuntimeException e) {
            log.warn("Saving an item failed", e);
            Notices.error(FailureMessages.explain(e));
        }
    }
}
