package com.crossdock.portal.catalog.ui;

import com.crossdock.portal.catalog.BundleView;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.CatalogValidationException;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.catalog.BundleDefinition;
import com.crossdock.tenantconfig.catalog.BundleKind;
import com.crossdock.tenantconfig.catalog.Sku;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The selected tenant's bundles and kits, and an editor that refuses loops with the loop named. */
@Route("catalog/bundles")
@PageTitle("Bundles · Crossdock")
@PermitAll
public class BundlesView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(BundlesView.class);

    private final CatalogService catalog;
    private final Span ownerNotice = new Span();
    private final TenantSelection selection;
    private final Grid<BundleView> grid = new Grid<>();
    private final Div empty = new Div();
    private final Dialog dialog = new Dialog();
    private com.crossdock.tenantconfig.tenant.@Nullable TenantId tenant;

    BundlesView(CatalogService catalog, TenantSelection selection) {
        this.catalog = catalog;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        setSizeFull();
        Paragraph intro = new Paragraph("Virtual bundles are exploded into their components when an order arrives; "
                + "physical kits are built ahead and stocked as their own SKU.");
        intro.addClassName("cd-muted");
        HorizontalLayout header = new HorizontalLayout(intro);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(intro);
        if (catalog.canEdit()) {
            Button create = new Button("New bundle", VaadinIcon.PLUS.create(), click -> open(null));
            create.setId("new-bundle");
            create.addThemeVariants(ButtonVariant.PRIMARY);
            header.add(create);
        }
        grid.setId("bundles-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES);
        grid.addColumn(bundle -> bundle.definition().sku().value()).setHeader("Bundle SKU").setAutoWidth(true);
        grid.addColumn(bundle -> bundle.definition().kind() == BundleKind.VIRTUAL ? "Virtual" : "Physical kit")
                .setHeader("Kind").setAutoWidth(true);
        grid.addColumn(bundle -> bundle.definition().components().stream()
                        .map(c -> c.quantity() + " × " + c.sku().value()).collect(Collectors.joining(", ")))
                .setHeader("Components").setFlexGrow(2);
        grid.addItemClickListener(click -> open(click.getItem()));
        empty.setId("bundles-empty");
        dialog.setWidth("720px");
        ownerNotice.setId("bundles-owner-notice");
        ownerNotice.addClassName("cd-muted");
        ownerNotice.setVisible(false);
        add(header, ownerNotice, empty, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        // who owns the data decides where it changes: say so before someone edits in vain
        var ownership = tenant == null ? null : catalog.ownership(tenant,
                com.crossdock.tenantconfig.truth.DataType.BUNDLE_DEFINITION);
        ownerNotice.setVisible(ownership != null && !ownership.allowed());
        ownerNotice.setText(ownership == null ? "" : ownership.notice());
        refresh();
    }

    private void refresh() {
        List<BundleView> bundles = tenant == null ? List.of() : catalog.bundles(tenant);
        grid.setItems(bundles);
        grid.setVisible(!bundles.isEmpty());
        empty.removeAll();
        empty.add(EmptyState.of("bundles-empty-text", tenant == null
                ? "No tenant is selected. Pick one in the tenant switcher."
                : "No bundles yet. Define one with “New bundle”: its SKU, whether it is virtual or a physical kit, "
                        + "and how many of each component one bundle holds."));
        empty.setVisible(bundles.isEmpty());
    }

    private void open(@Nullable BundleView bundle) {
        VerticalLayout form = new VerticalLayout();
        form.setId("bundle-form");
        form.setPadding(false);
        TextField sku = new TextField("Bundle SKU");
        sku.setId("bundle-sku");
        Select<BundleKind> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setItems(BundleKind.values());
        kind.setItemLabelGenerator(k -> k == BundleKind.VIRTUAL ? "Virtual (exploded on orders)" : "Physical kit");
        kind.setValue(bundle == null ? BundleKind.VIRTUAL : bundle.definition().kind());
        kind.setWidth("280px");
        sku.setValue(bundle == null ? "" : bundle.definition().sku().value());
        VerticalLayout rows = new VerticalLayout();
        rows.setPadding(false);
        rows.setSpacing(false);
        List<ComponentRow> components = new ArrayList<>();
        Runnable addRow = () -> {
            ComponentRow row = new ComponentRow();
            components.add(row);
            row.remove.addClickListener(click -> {
                components.remove(row);
                rows.remove(row);
            });
            rows.add(row);
        };
        if (bundle == null) {
            addRow.run();
        } else {
            bundle.definition().components().forEach(c -> {
                addRow.run();
                components.getLast().sku.setValue(c.sku().value());
                components.getLast().quantity.setValue(c.quantity());
            });
        }
        Button add = new Button("Add component", VaadinIcon.PLUS.create(), click -> addRow.run());
        add.addThemeVariants(ButtonVariant.TERTIARY);
        Paragraph error = new Paragraph();
        error.setId("bundle-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button("Save", click -> save(bundle, sku, kind, components, error));
        save.setId("save-bundle");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setVisible(catalog.canEdit());
        Button cancel = new Button("Cancel", click -> dialog.close());
        form.add(new HorizontalLayout(sku, kind), rows, add, error, new HorizontalLayout(save, cancel));
        dialog.removeAll();
        dialog.setHeaderTitle(bundle == null ? "New bundle" : bundle.definition().sku().value());
        dialog.add(form);
        dialog.open();
    }

    private void save(@Nullable BundleView bundle, TextField sku, Select<BundleKind> kind,
            List<ComponentRow> components, Paragraph error) {
        if (tenant == null) {
            return;
        }
        BundleDefinition definition;
        try {
            definition = new BundleDefinition(Sku.of(sku.getValue()), kind.getValue(), components.stream()
                    .map(row -> new BundleDefinition.Component(Sku.of(row.sku.getValue()),
                            row.quantity.getValue() == null ? 0 : row.quantity.getValue()))
                    .toList());
        } catch (IllegalArgumentException | NullPointerException invalid) {
            error.setText(invalid.getMessage() == null ? "Fill in the bundle SKU and every component" : invalid.getMessage());
            return;
        }
        try {
            catalog.saveBundle(tenant, bundle == null ? null : bundle.id(), definition,
                    bundle == null ? 0 : bundle.version());
            dialog.close();
            refresh();
            Notices.success("Saved bundle " + definition.sku());
        } catch (CatalogValidationException invalid) {
            error.setText(String.join(" ", invalid.fieldErrors().values()));
        } catch (RuntimeException e) {
            log.warn("Saving a bundle failed", e);
            Notices.error(FailureMessages.explain(e));
        }
    }

    /** One component line: SKU and quantity in the component's unit. */
    private static final class ComponentRow extends HorizontalLayout {
        private final TextField sku = new TextField("Component SKU");
        private final IntegerField quantity = new IntegerField("Quantity (eaches)");
        private final Button remove = new Button(VaadinIcon.TRASH.create());

        ComponentRow() {
            quantity.setValue(1);
            quantity.setMin(1);
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.setAriaLabel("Remove component");
            setDefaultVerticalComponentAlignment(Alignment.BASELINE);
            add(sku, quantity, remove);
        }
    }
}
