package com.crossdock.portal.governance.ui;

import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.portal.governance.ReadinessItem;
import com.crossdock.portal.uikit.OverviewSection;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/**
 * The Overview's readiness card: each item worked out from the tenant's data, passed or not, with its reason and a
 * link to where it is fixed.
 */
@org.springframework.stereotype.Component
class ReadinessCard implements OverviewSection {

    private final GovernanceService governance;

    ReadinessCard(GovernanceService governance) {
        this.governance = governance;
    }

    @Override
    public com.vaadin.flow.component.Component card(TenantId tenant) {
        List<ReadinessItem> items = governance.readiness(tenant);
        long passed = items.stream().filter(ReadinessItem::passed).count();
        Div card = new Div();
        card.setId("readiness");
        card.addClassName("cd-card");
        card.setWidthFull();
        Paragraph score = new Paragraph(passed + " of " + items.size() + " readiness items pass");
        score.setId("readiness-score");
        UnorderedList list = new UnorderedList();
        for (ReadinessItem item : items) {
            Span mark = new Span(item.passed() ? "✓ " : "✗ ");
            mark.getElement().setAttribute("aria-label", item.passed() ? "passes" : "fails");
            ListItem line = new ListItem(mark, new Span(item.label() + ": " + item.reason() + " "),
                    new Anchor(item.route(), item.passed() ? "View" : "Fix"));
            if (!item.passed()) {
                Span owner = new Span(" · " + item.owner());
                owner.addClassNames("cd-muted", "readiness-owner");
                line.add(owner);
            }
            line.setId("readiness-" + item.id());
            line.getElement().setAttribute("data-passed", Boolean.toString(item.passed()));
            list.add(line);
        }
        card.add(new H3("Readiness"), score, list);
        return card;
    }
}
