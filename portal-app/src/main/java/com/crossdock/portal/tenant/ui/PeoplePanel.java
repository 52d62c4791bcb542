package com.crossdock.portal.tenant.ui;

import com.crossdock.portal.provisioning.Person;
import com.crossdock.portal.provisioning.ProvisioningException;
import com.crossdock.portal.provisioning.ProvisioningService;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The people of a tenant's Keycloak organization (keycloak mode, in the tenant dialog): who has finished setting
 * up, with "Re-send invitation" and "Revoke".
 */
class PeoplePanel extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(PeoplePanel.class);

    private final ProvisioningService provisioning;
    private final TenantId tenant;
    private final Grid<Person> grid = new Grid<>();
    private final Paragraph problem = new Paragraph();

    PeoplePanel(ProvisioningService provisioning, TenantId tenant) {
        this.provisioning = provisioning;
        this.tenant = tenant;
        setId("tenant-people");
        setPadding(false);
        grid.setId("people-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.addColumn(Person::name).setHeader("Name").setFlexGrow(1);
        grid.addColumn(Person::email).setHeader("E-mail").setFlexGrow(1);
        grid.addColumn(PeoplePanel::state).setHeader("Set up").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        problem.setId("people-problem");
        problem.addClassName("cd-muted");
        add(new H3("People"), problem, grid);
        refresh();
    }

    private static String state(Person person) {
        if (!person.enabled()) {
            return "Disabled";
        }
        return person.setUpDone() ? "Done" : "Invitation pending";
    }

    private Component actions(Person person) {
        Button resend = new Button("Re-send invitation", click -> act("Invitation sent again to " + person.email(),
                () -> provisioning.resendInvitation(tenant, person.id())));
        resend.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        resend.setEnabled(person.enabled());
        resend.setId("resend-" + idOf(person));
        Button revoke = new Button("Revoke", click -> act(person.name() + " no longer belongs to this tenant",
                () -> provisioning.revoke(tenant, person.id())));
        revoke.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        revoke.setId("revoke-" + idOf(person));
        return new HorizontalLayout(resend, revoke);
    }

    /** Stable ids for tests: the person's e-mail (or username) with anything but letters and digits as '-'. */
    private static String idOf(Person person) {
        return (person.email().isEmpty() ? person.username() : person.email()).replaceAll("[^A-Za-z0-9]", "-");
    }

    private void act(String success, Runnable action) {
        try {
            action.run();
            Notices.success(success);
        } catch (ProvisioningException e) {
            log.warn("A people action on tenant {} failed", tenant, e);
            Notices.error(e.getMessage());
        } catch (RuntimeException e) {
            log.warn("A people action on tenant {} failed", tenant, e);
            Notices.error(FailureMessages.explain(e));
        }
        refresh();
    }

    private void refresh() {
        try {
            grid.setItems(provisioning.people(tenant));
            problem.setText("Members of the brand's organization in Keycloak.");
        } catch (ProvisioningException e) {
            log.warn("Listing the people of tenant {} failed", tenant, e);
            grid.setItems();
            problem.setText(e.getMessage());
        }
    }
}
