package com.crossdock.portal.api.ui;

import com.crossdock.portal.api.ApiClientService;
import com.crossdock.portal.api.ApiClientValidationException;
import com.crossdock.portal.api.ApiClientView;
import com.crossdock.portal.api.ApiScope;
import com.crossdock.portal.api.NewApiClient;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.Badge;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.portal.uikit.SecretOnce;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API: the brand's API clients with their scopes, when each was last used and whether it still works; a brand
 * admin creates one (its key is shown once) and revokes one. Links the API's reference page.
 */
@Route("api")
@PageTitle("API · Crossdock")
@RolesAllowed({"BRAND_ADMIN", "BRAND_USER", "LEADERSHIP_VIEWER"})
public class ApiClientsView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(ApiClientsView.class);

    private final ApiClientService clients;
    private final TenantSelection selection;
    private final Grid<ApiClientView> grid = new Grid<>();
    private final Div empty = new Div();
    private final Button create = new Button("New API client");
    private @Nullable TenantId tenant;

    ApiClientsView(ApiClientService clients, TenantSelection selection) {
        this.clients = clients;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        setSizeFull();
        create.setId("api-new");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(click -> openForm());
        Anchor reference = new Anchor("/api/docs", "API reference");
        reference.setId("api-reference");
        reference.setTarget("_blank");
        Paragraph about = new Paragraph("Programs of your own (an ERP, an OMS) call the Crossdock API at /api/v1 with "
                + "a key sent as 'Authorization: Bearer cdk_…'. Each key has scopes: what it may read or change.");
        configureGrid();
        add(about, reference, create, empty, grid);
    }

    private void configureGrid() {
        grid.setId("api-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES);
        grid.addColumn(ApiClientView::name).setHeader("Client").setAutoWidth(true);
        grid.addColumn(ApiClientView::keyPrefix).setHeader("Key").setAutoWidth(true);
        grid.addColumn(client -> client.scopes().stream().sorted().map(ApiScope::value)
                .collect(Collectors.joining(", "))).setHeader("Scopes").setFlexGrow(2);
        grid.addColumn(client -> when(client.lastUsedAt(), "never")).setHeader("Last used").setAutoWidth(true);
        grid.addColumn(client -> client.createdBy() + ", " + when(client.createdAt(), "")).setHeader("Created")
                .setAutoWidth(true);
        grid.addComponentColumn(this::status).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        reload();
    }

    private void reload() {
        create.setVisible(tenant != null && clients.canManage());
        if (tenant == null) {
            showEmpty("No tenant is selected. Pick one in the tenant switcher.");
            return;
        }
        List<ApiClientView> all;
        try {
            all = clients.clients(tenant);
        } catch (RuntimeException e) {
            log.warn("Loading the API clients failed", e);
            Notices.error(FailureMessages.explain(e));
            return;
        }
        if (all.isEmpty()) {
            showEmpty(clients.canManage() ? "No API clients yet. Create one with \"New API client\", choose what it "
                    + "may do, and give its key to the program that calls the API."
                    : "No API clients yet. A brand admin creates them here.");
            return;
        }
        empty.setVisible(false);
        grid.setVisible(true);
        grid.setItems(all);
    }

    private void showEmpty(String text) {
        empty.removeAll();
        empty.add(EmptyState.of("api-empty", text));
        empty.setVisible(true);
        grid.setVisible(false);
    }

    private Component status(ApiClientView client) {
        Span badge = client.active() ? Badge.of("Active", Badge.Tone.SUCCESS)
                : Badge.of("Revoked " + when(client.revokedAt(), ""), Badge.Tone.NEUTRAL);
        badge.addClassName("api-status");
        return badge;
    }

    private Component revokeButton(ApiClientView client) {
        if (!client.active() || !clients.canManage()) {
            return new Span();
        }
        Button revoke = new Button("Revoke", click -> confirmRevoke(client));
        revoke.addClassName("api-revoke");
        revoke.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
        return revoke;
    }

    private void confirmRevoke(ApiClientView client) {
        Dialog confirm = new Dialog();
        confirm.setId("api-revoke-dialog");
        confirm.setHeaderTitle("Revoke " + client.name() + "?");
        confirm.add(new Paragraph("Its key stops working at once; programs using it get 401 until they have a new "
                + "key."));
        Button revoke = new Button("Revoke", click -> {
            try {
                clients.revoke(currentTenant(), client.id());
                Notices.success(client.name() + " is revoked");
            } catch (RuntimeException e) {
                log.warn("Revoking API client {} failed", client.id(), e);
                Notices.error(FailureMessages.explain(e));
            }
            confirm.close();
            reload();
        });
        revoke.setId("api-revoke-confirm");
        revoke.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.getFooter().add(new Button("Cancel", click -> confirm.close()), revoke);
        confirm.open();
    }

    private void openForm() {
        Dialog form = new Dialog();
        form.setId("api-form");
        form.setHeaderTitle("New API client");
        form.setWidth("560px");
        TextField name = new TextField("Name");
        name.setId("api-name");
        name.setHelperText("The program or partner that uses it, e.g. \"NetSuite\"");
        name.setWidthFull();
        CheckboxGroup<ApiScope> scopes = new CheckboxGroup<>("Scopes");
        scopes.setId("api-scopes");
        scopes.setItems(ApiScope.values());
        scopes.setItemLabelGenerator(ApiScope::value);
        form.add(new VerticalLayout(name, scopes));
        Button save = new Button("Create", click -> {
            try {
                NewApiClient created = clients.create(currentTenant(), name.getValue(), scopes.getValue());
                form.close();
                reload();
                SecretOnce.show("api-key", "Key of " + created.client().name(), "Copy the key now: it is shown "
                        + "only this once. Crossdock keeps only a hash of it.", created.key());
            } catch (ApiClientValidationException refused) {
                name.setInvalid(refused.fieldErrors().containsKey("name"));
                name.setErrorMessage(refused.fieldErrors().get("name"));
                scopes.setInvalid(refused.fieldErrors().containsKey("scopes"));
                scopes.setErrorMessage(refused.fieldErrors().get("scopes"));
            } catch (RuntimeException e) {
                log.warn("Creating an API client failed", e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        save.setId("api-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        form.getFooter().add(new Button("Cancel", click -> form.close()), save);
        form.open();
    }

    private TenantId currentTenant() {
        if (tenant == null) {
            throw new IllegalStateException("No tenant is selected");
        }
        return tenant;
    }

    static String when(@Nullable Instant at, String never) {
        return at == null ? never : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(java.time.ZoneOffset.UTC).format(at);
    }
}
