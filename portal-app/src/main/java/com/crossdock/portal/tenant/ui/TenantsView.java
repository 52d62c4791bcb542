package com.crossdock.portal.tenant.ui;

import com.crossdock.portal.provisioning.ProvisioningService;
import com.crossdock.portal.provisioning.ProvisioningStatus;
import com.crossdock.portal.tenant.BrandAdminInvite;
import com.crossdock.portal.tenant.TenantDetails;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.portal.tenant.TenantSummary;
import com.crossdock.portal.tenant.TenantValidationException;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The 3PL's list of brand clients, with the form to create and edit them. */
@Route("tenants")
@PageTitle("Tenants · Crossdock")
@RolesAllowed({"PLATFORM_ADMIN", "ACCOUNT_MANAGER", "LEADERSHIP_VIEWER"})
public class TenantsView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(TenantsView.class);

    private final TenantService tenants;
    private final ProvisioningService provisioning;
    private final Grid<TenantSummary> grid = new Grid<>();
    private final Div emptyState = new Div();
    private final Dialog dialog = new Dialog();
    private @Nullable TenantForm form;
    private @Nullable TenantDetails editing;

    TenantsView(TenantService tenants, ProvisioningService provisioning) {
        this.tenants = tenants;
        this.provisioning = provisioning;
        addClassName("cd-page");
        setPadding(false);
        setSizeFull();

        Paragraph title = new Paragraph(tenants.canManageTenants()
                ? "The 3PL's brand clients. Open one to change its details, account manager or branding."
                : "The 3PL's brand clients and where each stands in onboarding.");
        title.addClassName("cd-muted");
        HorizontalLayout header = new HorizontalLayout(title);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        if (tenants.canManageTenants()) {
            Button create = new Button("New tenant", VaadinIcon.PLUS.create(), click -> open(null));
            create.setId("new-tenant");
            create.addThemeVariants(ButtonVariant.PRIMARY);
            header.add(create);
        }

        grid.setId("tenants-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES);
        grid.addColumn(TenantSummary::name).setHeader("Name").setSortable(true).setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(t -> t.code().value()).setHeader("Code").setSortable(true).setAutoWidth(true);
        grid.addColumn(t -> t.status().label()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(t -> t.accountManagerName() == null ? "Not assigned" : t.accountManagerName())
                .setHeader("Account manager").setAutoWidth(true);
        grid.addColumn(t -> t.stage().label()).setHeader("Stage").setAutoWidth(true);
        grid.addComponentColumn(this::provisioningCell).setHeader("Provisioning").setWidth("14em")
                .setFlexGrow(1);
        if (tenants.canManageTenants()) {
            grid.addItemClickListener(click -> open(click.getItem()));
        }

        emptyState.setId("tenants-empty");
        emptyState.addClassNames("cd-card", "cd-empty-state");
        emptyState.add(new Paragraph(tenants.canManageTenants()
                ? "No tenants yet. Create your first brand client with “New tenant”; its people can then be invited."
                : "No tenants are visible to you yet."));

        dialog.setHeaderTitle("Tenant");
        dialog.setWidth("640px");
        add(header, emptyState, grid);
        refresh();
    }

    private void refresh() {
        List<TenantSummary> visible = tenants.visibleTenants();
        grid.setItems(visible);
        grid.setVisible(!visible.isEmpty());
        emptyState.setVisible(visible.isEmpty());
    }

    private void open(@Nullable TenantSummary summary) {
        try {
            editing = summary == null ? null : tenants.details(summary.id());
        } catch (RuntimeException e) {
            log.warn("Could not open tenant {}", summary, e);
            Notices.error(FailureMessages.explain(e));
            return;
        }
        TenantForm tenantForm = new TenantForm(tenants.assignableAccountManagers(), tenants.provisioningRequired());
        tenantForm.addSaveListener(save -> save(tenantForm, save.command(), save.invite()));
        tenantForm.addCancelListener(cancel -> dialog.close());
        tenantForm.addLogoListener(upload -> changeLogo(tenantForm, upload));
        tenantForm.edit(editing);
        form = tenantForm;
        dialog.removeAll();
        dialog.setHeaderTitle(editing == null ? "New tenant" : "Edit " + editing.name());
        dialog.add(tenantForm);
        if (editing != null && provisioning.required()) {
            dialog.add(new PeoplePanel(provisioning, editing.id()));
        }
        dialog.open();
    }

    /** "Done", "Pending", or "Failed: reason" with a Retry button for those who may change the tenant. */
    private Component provisioningCell(TenantSummary tenant) {
        Span label = new Span(tenant.provisioning().label());
        label.setId("provisioning-" + tenant.code().value());
        // a failure's reason is a sentence: two lines in the list, all of it on hover
        label.addClassName("cd-clamp-2");
        label.getElement().setAttribute("title", tenant.provisioning().label());
        HorizontalLayout cell = new HorizontalLayout();
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        if (tenant.provisioning().status() == ProvisioningStatus.FAILED && tenants.canManageTenants()) {
            Button retry = new Button("Retry", click -> retry(tenant));
            retry.setId("retry-provisioning-" + tenant.code().value());
            retry.addThemeVariants(ButtonVariant.SMALL);
            cell.add(retry);
        }
        cell.add(label);
        return cell;
    }

    private void retry(TenantSummary tenant) {
        try {
            TenantSummary after = tenants.retryProvisioning(tenant.id());
            refresh();
            if (after.provisioning().status() == ProvisioningStatus.PROVISIONED) {
                Notices.success(after.name() + " is set up in Keycloak; the brand admin was invited");
            } else {
                Notices.error("Provisioning " + after.name() + " failed again: " + after.provisioning().problem());
            }
        } catch (RuntimeException e) {
            log.warn("Retrying the provisioning of {} failed", tenant.code(), e);
            Notices.error(FailureMessages.explain(e));
            refresh();
        }
    }

    private void changeLogo(TenantForm tenantForm, TenantForm.LogoEvent upload) {
        if (editing == null) {
            return;
        }
        try {
            tenants.changeLogo(editing.id(), upload.bytes(), upload.contentType());
            editing = tenants.details(editing.id());
            tenantForm.logoSaved();
            Notices.success("Logo saved for " + editing.name());
        } catch (TenantValidationException invalid) {
            tenantForm.showErrors(invalid.fieldErrors());
        } catch (RuntimeException e) {
            log.warn("Saving a logo failed", e);
            Notices.error(FailureMessages.explain(e));
        }
    }

    private void save(TenantForm tenantForm, com.crossdock.portal.tenant.TenantCommand command,
            @Nullable BrandAdminInvite invite) {
        try {
            TenantSummary saved = editing == null ? tenants.create(command, invite)
                    : tenants.update(editing.id(), command, editing.version());
            dialog.close();
            refresh();
            grid.select(saved);
            if (saved.provisioning().status() == ProvisioningStatus.FAILED) {
                Notices.error("Created " + saved.name() + ", but setting it up in Keycloak failed: "
                        + saved.provisioning().problem() + ". Retry from the list once that is fixed.");
            } else {
                Notices.success((editing == null ? "Created " : "Saved ") + saved.name());
            }
        } catch (TenantValidationException invalid) {
            tenantForm.showErrors(invalid.fieldErrors());
        } catch (RuntimeException e) {
            log.warn("Saving a tenant failed", e);
            Notices.error(FailureMessages.explain(e));
        }
    }
}
