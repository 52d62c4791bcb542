package com.crossdock.portal.catalog.ui;

import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.Finding;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.EmptyState;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Everything wrong with the selected tenant's catalog, each with how to fix it, before an order finds it. */
@Route("catalog/quality")
@PageTitle("Data quality · Crossdock")
@PermitAll
public class DataQualityView extends VerticalLayout implements BeforeEnterObserver {

    private final CatalogService catalog;
    private final TenantSelection selection;

    DataQualityView(CatalogService catalog, TenantSelection selection) {
        this.catalog = catalog;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        selection.current().ifPresentOrElse(tenant -> show(catalog.findings(tenant)),
                () -> add(EmptyState.of("quality-no-tenant",
                        "No tenant is selected. Pick one in the tenant switcher.")));
    }

    private void show(List<Finding> findings) {
        Span total = new Span(findings.isEmpty() ? "No findings" : findings.size() + " finding(s)");
        total.setId("quality-count");
        total.addClassName("cd-stage");
        add(total);
        if (findings.isEmpty()) {
            Div clean = EmptyState.of("quality-clean", "No duplicate SKUs, alias collisions or pack problems were "
                    + "found. New items and imports are checked again here.");
            add(clean);
            return;
        }
        for (Finding finding : findings) {
            Div card = new Div();
            card.addClassNames("cd-card", "quality-finding");
            card.setWidthFull();
            card.getElement().setAttribute("data-kind", finding.kind().name());
            Paragraph fix = new Paragraph("How to fix: " + finding.fix());
            fix.addClassName("cd-muted");
            Paragraph skus = new Paragraph(new Span("SKUs: "));
            finding.skus().forEach(sku -> skus.add(finding.kind() == Finding.Kind.BUNDLE_MISSING_COMPONENT
                    ? new com.vaadin.flow.router.RouterLink(sku, BundlesView.class) : CatalogView.linkTo(sku),
                    new Span(" ")));
            card.add(new H3(finding.kind().label()), new Paragraph(finding.problem()), fix, skus);
            add(card);
        }
    }
}
