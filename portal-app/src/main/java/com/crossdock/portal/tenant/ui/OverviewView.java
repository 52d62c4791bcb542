package com.crossdock.portal.tenant.ui;

import com.crossdock.portal.tenant.ActivityEntry;
import com.crossdock.portal.tenant.TenantOverview;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.portal.uikit.OverviewSection;
import com.crossdock.tenantconfig.onboarding.OnboardingStage;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** A tenant at a glance: its onboarding stage computed from data, what to do next, and what happened lately. */
@Route("overview")
@PageTitle("Overview · Crossdock")
@PermitAll
public class OverviewView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final TenantService tenants;
    private final TenantSelection selection;
    private final java.util.List<OverviewSection> sections;

    OverviewView(TenantService tenants, TenantSelection selection, java.util.List<OverviewSection> sections) {
        this.tenants = tenants;
        this.sections = sections;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        selection.current().ifPresentOrElse(tenant -> show(tenants.overview(tenant)), this::showNoTenant);
    }

    private void show(TenantOverview overview) {
        H2 name = new H2(overview.name());
        name.setId("tenant-name");
        Span code = new Span("Code " + overview.code());
        code.addClassName("cd-muted");

        Div stageCard = new Div();
        stageCard.addClassName("cd-card");
        stageCard.setWidthFull();
        Span stageLabel = new Span("Onboarding stage");
        stageLabel.addClassName("cd-muted");
        Div stage = new Div(new Text(overview.stage().label()));
        stage.setId("onboarding-stage");
        stage.addClassName("cd-stage");
        Paragraph next = new Paragraph(overview.nextStep());
        next.setId("next-step");
        stageCard.add(stageLabel, stage, next, stageTrack(overview.stage()));

        Div people = new Div();
        people.addClassName("cd-card");
        people.setWidthFull();
        people.add(new H3("People"), new Paragraph(peopleSummary(overview)),
                new Paragraph("Account manager: " + (overview.accountManagerName() == null
                        ? "not assigned yet" : overview.accountManagerName())));

        add(new Div(name, code), stageCard);
        sections.forEach(section -> add(section.card(overview.id())));
        add(people, activity(overview));
    }

    private static String peopleSummary(TenantOverview overview) {
        if (overview.brandUsers() == 0) {
            return "No one from the brand has an account yet. The account manager invites the brand's team.";
        }
        return "%d of the brand's %d %s signed in so far.".formatted(overview.brandUsersSignedIn(),
                overview.brandUsers(), overview.brandUsers() == 1 ? "person has" : "people have");
    }

    private static FlexLayout stageTrack(OnboardingStage current) {
        FlexLayout track = new FlexLayout();
        track.addClassName("cd-stage-track");
        track.setId("stage-track");
        for (OnboardingStage stage : OnboardingStage.values()) {
            Span step = new Span(stage.label());
            step.addClassName("cd-stage-step");
            step.getElement().setAttribute("data-state", stage.compareTo(current) < 0 ? "done"
                    : stage == current ? "current" : "upcoming");
            track.add(step);
        }
        return track;
    }

    private Div activity(TenantOverview overview) {
        Div card = new Div();
        card.addClassName("cd-card");
        card.setWidthFull();
        card.add(new H3("Recent activity"));
        if (overview.recent().isEmpty()) {
            Paragraph empty = new Paragraph("Nothing has happened here yet. Changes to this tenant will be listed "
                    + "with who made them.");
            empty.addClassName("cd-muted");
            card.add(empty);
            return card;
        }
        Grid<ActivityEntry> grid = new Grid<>();
        grid.setId("activity-grid");
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(entry -> WHEN.format(entry.occurredAt())).setHeader("When").setAutoWidth(true);
        grid.addColumn(ActivityEntry::action).setHeader("What").setAutoWidth(true);
        grid.addColumn(ActivityEntry::detail).setHeader("Details").setFlexGrow(3);
        grid.addColumn(ActivityEntry::actor).setHeader("Who").setAutoWidth(true);
        grid.setItems(overview.recent());
        grid.setAllRowsVisible(true);
        card.add(grid);
        return card;
    }

    private void showNoTenant() {
        Div empty = new Div();
        empty.setId("overview-empty");
        empty.addClassNames("cd-card", "cd-empty-state");
        empty.add(new H3("No tenant to show yet"), new Paragraph(tenants.canManageTenants()
                ? "Create your first client under Tenants, then pick it in the tenant switcher."
                : "No client is assigned to you yet. Ask a platform admin to assign you one."));
        add(empty);
    }
}
