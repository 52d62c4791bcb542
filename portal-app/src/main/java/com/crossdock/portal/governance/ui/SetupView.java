package com.crossdock.portal.governance.ui;

import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.portal.governance.OwnershipMatrix;
import com.crossdock.portal.governance.SetupValidationException;
import com.crossdock.portal.governance.ShipMethodCommand;
import com.crossdock.portal.governance.ShipMethodMapping;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.truth.SystemKind;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Setup: the selected brand's source of truth (one owner per kind of data; an owner that cannot work is refused with
 * its reason on the field) with the configuration version, the "hold unmapped ship methods" switch and the
 * ship-method mappings. Brand admins change; everyone else reads.
 */
@Route("setup")
@PageTitle("Setup · Crossdock")
@PermitAll
public class SetupView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(SetupView.class);
    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private final GovernanceService governance;
    private final TenantSelection selection;
    private final Span version = new Span();
    private final Grid<OwnershipMatrix.Entry> matrix = new Grid<>();
    private final Div matrixEmpty = new Div();
    private final Checkbox requireMapped = new Checkbox("Hold orders whose ship method has no mapping");
    private final TextField serviceLevel = new TextField("Store shipping method (code or title)");
    private final TextField carrier = new TextField("Carrier SCAC");
    private final TextField service = new TextField("Warehouse service code");
    private final Button map = new Button("Map ship method");
    private final Grid<ShipMethodMapping> shipMethods = new Grid<>();
    private final Div shipMethodsEmpty = new Div();
    private final ExceptionOwnersGrid exceptionOwners;
    private final Button confirmOwners = new Button("Confirm every queue's owner");
    private final Button confirmMatrix = new Button("Confirm these owners");
    private @Nullable TenantId tenant;
    private long configVersion;

    SetupView(GovernanceService governance, TenantSelection selection) {
        this.governance = governance;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        version.setId("setup-version");
        configureMatrix();
        requireMapped.setId("setup-require-ship-methods");
        requireMapped.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                change(() -> governance.requireMappedShipMethods(currentTenant(), change.getValue(), configVersion),
                        "Saved");
            }
        });
        serviceLevel.setId("setup-ship-level");
        carrier.setId("setup-ship-carrier");
        service.setId("setup-ship-service");
        map.setId("setup-ship-add");
        map.addThemeVariants(ButtonVariant.PRIMARY);
        map.addClickListener(click -> mapShipMethod());
        HorizontalLayout form = new HorizontalLayout(serviceLevel, carrier, service, map);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        form.setId("setup-ship-form");
        configureShipMethods();
        exceptionOwners = new ExceptionOwnersGrid(governance.canEdit(), (queue, party, minutes) -> {
            governance.saveExceptionOwner(currentTenant(), queue.code(), party, minutes, configVersion);
            reload();
        });
        confirmMatrix.setId("setup-owners-confirm");
        confirmMatrix.addClickListener(click -> change(() -> governance.confirmOwners(currentTenant(),
                configVersion), "The owner of every kind of data is confirmed"));
        confirmOwners.setId("setup-exception-confirm");
        confirmOwners.addClickListener(click -> change(() -> governance.confirmExceptionOwners(currentTenant(),
                configVersion), "Every exception queue's owner is confirmed"));
        Span queuesHint = new Span("Who answers each kind of exception, and how fast. A queue of owned data "
                + "follows the owner in the source of truth until you choose otherwise.");
        queuesHint.addClassName("cd-muted");
        add(new H3("Source of truth"), version, confirmMatrix, matrixEmpty, matrix, new H3("Ship methods"), requireMapped, form,
                shipMethodsEmpty, shipMethods, new H3("Exception owners"), queuesHint, confirmOwners,
                exceptionOwners);
    }

    private void configureMatrix() {
        matrix.setId("setup-matrix");
        matrix.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        matrix.setAllRowsVisible(true);
        // the fixed columns keep their width; what the choice means gets the rest of the row
        matrix.addColumn(entry -> entry.dataType().label()).setHeader("Data").setAutoWidth(true).setFlexGrow(0);
        matrix.addComponentColumn(this::ownerField).setHeader("Owner").setAutoWidth(true).setFlexGrow(0);
        matrix.addColumn(entry -> entry.isDefault() || entry.changedAt() == null ? "Default" : "Chosen by "
                + entry.changedBy() + " at " + WHEN.format(entry.changedAt())).setHeader("Set").setWidth("10em")
                .setFlexGrow(1);
        matrix.addColumn(OwnershipMatrix.Entry::enforced).setHeader("What Crossdock enforces").setWidth("18em")
                .setFlexGrow(3).setKey("enforced");
    }

    private Component ownerField(OwnershipMatrix.Entry entry) {
        if (!governance.canEdit()) {
            return new Span(entry.owner().label());
        }
        Select<SystemKind> owner = new Select<>();
        owner.setId("setup-owner-" + entry.dataType().name());
        owner.setWidth("14em");
        owner.setItems(SystemKind.values());
        owner.setItemLabelGenerator(SystemKind::label);
        owner.setValue(entry.owner());
        owner.addValueChangeListener(change -> {
            if (!change.isFromClient() || change.getValue() == null) {
                return;
            }
            try {
                governance.changeOwner(currentTenant(), entry.dataType(), change.getValue(), configVersion);
                Notices.success(entry.dataType().label() + " is now owned by " + change.getValue().label());
                reload();
            } catch (SetupValidationException refused) {
                owner.setInvalid(true);
                owner.setErrorMessage(String.join("; ", refused.fieldErrors().values()));
            } catch (RuntimeException e) {
                log.warn("Changing the owner of {} failed", entry.dataType(), e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        return owner;
    }

    private void configureShipMethods() {
        shipMethods.setId("setup-ship-grid");
        shipMethods.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES);
        shipMethods.setAllRowsVisible(true);
        shipMethods.addColumn(ShipMethodMapping::serviceLevel).setHeader("Store shipping method").setAutoWidth(true);
        shipMethods.addColumn(ShipMethodMapping::carrierScac).setHeader("Carrier").setAutoWidth(true);
        shipMethods.addColumn(ShipMethodMapping::serviceCode).setHeader("Service").setAutoWidth(true);
        shipMethods.addColumn(mapping -> mapping.changedBy() + " at " + WHEN.format(mapping.changedAt())).setHeader("Set")
                .setAutoWidth(true);
        shipMethods.addComponentColumn(mapping -> {
            Button remove = new Button("Remove", click -> change(() -> {
                governance.removeShipMethod(currentTenant(), mapping.id(), configVersion);
                return null;
            }, mapping.serviceLevel() + " is no longer mapped"));
            remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            remove.addClassName("setup-ship-remove");
            remove.getElement().setAttribute("data-level", mapping.serviceLevel());
            remove.setVisible(governance.canEdit());
            return remove;
        }).setAutoWidth(true);
    }

    private void mapShipMethod() {
        for (TextField field : new TextField[] {serviceLevel, carrier, service}) {
            field.setInvalid(false);
        }
        try {
            ShipMethodMapping saved = governance.saveShipMethod(currentTenant(), new ShipMethodCommand(
                    serviceLevel.getValue(), carrier.getValue(), service.getValue()), configVersion);
            Notices.success(saved.serviceLevel() + " ships as " + saved.carrierScac() + " " + saved.serviceCode());
            serviceLevel.clear();
            carrier.clear();
            service.clear();
            reload();
        } catch (SetupValidationException refused) {
            Map<String, String> errors = refused.fieldErrors();
            show(serviceLevel, errors.get("serviceLevel"));
            show(carrier, errors.get("carrierScac"));
            show(service, errors.get("serviceCode"));
            if (errors.containsKey("version")) {
                Notices.error(errors.get("version"));
            }
        } catch (RuntimeException e) {
            log.warn("Mapping a ship method failed", e);
            Notices.error(FailureMessages.explain(e));
        }
    }

    private static void show(TextField field, @Nullable String error) {
        if (error != null) {
            field.setErrorMessage(error);
            field.setInvalid(true);
        }
    }

    private void change(java.util.function.Supplier<?> work, String done) {
        try {
            work.get();
            Notices.success(done);
        } catch (SetupValidationException refused) {
            Notices.error(String.join("; ", refused.fieldErrors().values()));
        } catch (RuntimeException e) {
            log.warn("Changing the setup failed", e);
            Notices.error(FailureMessages.explain(e));
        }
        reload();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        reload();
    }

    private void reload() {
        boolean editor = governance.canEdit();
        requireMapped.setReadOnly(!editor);
        for (Component field : new Component[] {serviceLevel, carrier, service, map, confirmOwners, confirmMatrix}) {
            field.setVisible(tenant != null && editor);
        }
        if (tenant == null) {
            version.setText("");
            EmptyState.showInstead(matrixEmpty, matrix, "No tenant is selected. Pick one in the tenant switcher.");
            EmptyState.showInstead(shipMethodsEmpty, shipMethods, "Pick a tenant to see its ship methods.");
            return;
        }
        try {
            OwnershipMatrix current = governance.matrix(tenant);
            configVersion = current.version();
            version.setText(current.version() == 0 ? "Configuration version 0: the default owners, nobody changed "
                    + "them yet" : "Configuration version " + current.version());
            matrix.setItems(current.entries());
            confirmMatrix.setEnabled(current.entries().stream().anyMatch(OwnershipMatrix.Entry::isDefault));
            EmptyState.hide(matrixEmpty, matrix);
            requireMapped.setValue(current.requireMappedShipMethods());
            var queues = governance.exceptionOwners(tenant);
            exceptionOwners.show(queues);
            confirmOwners.setEnabled(queues.stream().anyMatch(queue -> !queue.confirmed()));
            var mappings = governance.shipMethods(tenant);
            if (mappings.isEmpty()) {
                EmptyState.showInstead(shipMethodsEmpty, shipMethods, editor
                        ? "No ship methods mapped yet. Enter the store's shipping method and the warehouse's carrier "
                                + "and service code above; until then the warehouse gets the method as the store "
                                + "names it."
                        : "No ship methods mapped yet. A brand admin maps the store's shipping methods to the "
                                + "warehouse's carriers here.");
            } else {
                shipMethods.setItems(mappings);
                EmptyState.hide(shipMethodsEmpty, shipMethods);
            }
        } catch (RuntimeException e) {
            log.warn("Loading the setup failed", e);
            Notices.error(FailureMessages.explain(e));
        }
    }

    private TenantId currentTenant() {
        if (tenant == null) {
            throw new IllegalStateException("No tenant is selected");
        }
        return tenant;
    }
}
