package com.crossdock.portal.tenant.ui;

import com.crossdock.portal.identity.UserSummary;
import com.crossdock.portal.tenant.BrandAdminInvite;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantDetails;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The tenant form. It only collects input and raises save and cancel events; the view calls the service and
 * hands field errors back with {@link #showErrors(Map)}.
 */
class TenantForm extends FormLayout {

    private final TextField name = new TextField("Name");
    private final TextField code = new TextField("Code");
    private final Select<TenantStatus> status = new Select<>();
    private final ComboBox<UserSummary> accountManager = new ComboBox<>("Account manager");
    private final TextField accentColor = new TextField("Accent colour");
    private final Button save = new Button("Save");
    private final Button cancel = new Button("Cancel");
    private final Map<String, HasValidation> fields;
    private final Upload logo = new Upload();
    private final Span logoHelp = new Span();
    private final EmailField brandAdminEmail = new EmailField("Brand admin's e-mail");
    private final TextField brandAdminName = new TextField("Brand admin's name");
    private final boolean asksBrandAdmin;

    /**
     * @param asksBrandAdmin whether a new tenant names its brand admin, who is invited through Keycloak
     */
    TenantForm(List<UserSummary> accountManagers, boolean asksBrandAdmin) {
        this.asksBrandAdmin = asksBrandAdmin;
        setId("tenant-form");
        brandAdminEmail.setId("tenant-brand-admin-email");
        brandAdminEmail.setRequiredIndicatorVisible(true);
        brandAdminEmail.setHelperText("Gets an e-mail with a link to set a password and sign in");
        brandAdminName.setId("tenant-brand-admin-name");
        brandAdminName.setRequiredIndicatorVisible(true);
        brandAdminName.setMaxLength(120);
        brandAdminName.setHelperText("First and last name");
        name.setId("tenant-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(120);
        name.setHelperText("The brand as the 3PL's team knows it");
        code.setId("tenant-code");
        code.setRequiredIndicatorVisible(true);
        code.setHelperText("2–16 letters, digits or hyphens; used on documents and in the WMS");
        status.setId("tenant-status");
        status.setLabel("Status");
        status.setItems(TenantStatus.values());
        status.setItemLabelGenerator(TenantStatus::label);
        status.setValue(TenantStatus.ACTIVE);
        accountManager.setId("tenant-account-manager");
        accountManager.setItems(accountManagers);
        accountManager.setItemLabelGenerator(UserSummary::displayName);
        accountManager.setClearButtonVisible(true);
        accountManager.setHelperText("Who onboards this client; they will see it in their portfolio");
        accentColor.setId("tenant-accent-color");
        accentColor.setPlaceholder("#1f5fbf");
        accentColor.setHelperText("The brand's colour in the portal, as #rrggbb; empty for the default");
        save.setId("save-tenant");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> fireEvent(new SaveEvent(this, command(), invite())));
        cancel.setId("cancel-tenant");
        cancel.addClickListener(click -> fireEvent(new CancelEvent(this)));
        fields = Map.of("name", name, "code", code, "status", status, "accountManager", accountManager,
                "accentColor", accentColor, "brandAdminEmail", brandAdminEmail, "brandAdminName", brandAdminName);
        logo.setId("tenant-logo-upload");
        logo.setAcceptedFileTypes(TenantService.LOGO_TYPES.toArray(String[]::new));
        logo.setMaxFileSize(TenantService.MAX_LOGO_BYTES);
        logo.setMaxFiles(1);
        logo.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() ->
                fireEvent(new LogoEvent(this, bytes, metadata.contentType()))))));
        logo.addFileRejectedListener(rejected -> showErrors(Map.of("logo", rejected.getErrorMessage())));
        logoHelp.addClassName("cd-muted");
        Span logoLabel = new Span("Logo");
        logoLabel.addClassName("cd-field-label");
        logoHelp.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xs)");
        Div logoField = new Div(logoLabel, logo, logoHelp);
        logoField.setId("tenant-logo-field");
        add(name, code, status, accountManager, accentColor, brandAdminEmail, brandAdminName, logoField,
                new HorizontalLayout(save, cancel));
        setColspan(logoField, 2);
        setColspan(getChildren().toList().getLast(), 2);
    }

    void edit(@Nullable TenantDetails details) {
        clearErrors();
        name.setValue(details == null ? "" : details.name());
        code.setValue(details == null ? "" : details.code());
        status.setValue(details == null ? TenantStatus.ACTIVE : details.status());
        accountManager.setValue(details == null || details.accountManagerId() == null ? null
                : accountManager.getListDataView().getItems()
                        .filter(m -> Objects.equals(m.id(), details.accountManagerId())).findFirst().orElse(null));
        accentColor.setValue(details == null || details.accentColor() == null ? "" : details.accentColor());
        logo.setVisible(details != null);
        brandAdminEmail.setVisible(details == null && asksBrandAdmin);
        brandAdminName.setVisible(details == null && asksBrandAdmin);
        brandAdminEmail.clear();
        brandAdminName.clear();
        logo.clearFileList();
        logoHelp.setText(details == null ? "Save the tenant first, then upload its logo."
                : (details.hasLogo() ? "A logo is set; uploading replaces it. " : "")
                        + "PNG, JPEG, SVG or WebP up to 256 KB; shown in the portal for this brand.");
        name.focus();
    }

    void showErrors(Map<String, String> errors) {
        clearErrors();
        if (errors.containsKey("logo")) {
            logoHelp.setText(errors.get("logo"));
            logoHelp.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        errors.forEach((field, message) -> {
            HasValidation target = fields.get(field);
            if (target != null) {
                target.setErrorMessage(message);
                target.setInvalid(true);
            }
        });
    }

    private void clearErrors() {
        fields.values().forEach(field -> field.setInvalid(false));
        logoHelp.getStyle().remove("color");
    }

    void logoSaved() {
        logoHelp.setText("Logo saved. It is shown in the portal for this brand.");
    }

    private TenantCommand command() {
        UserSummary manager = accountManager.getValue();
        return new TenantCommand(name.getValue(), code.getValue(), status.getValue(),
                manager == null ? null : manager.id(), accentColor.getValue());
    }

    private @Nullable BrandAdminInvite invite() {
        return brandAdminEmail.isVisible()
                ? new BrandAdminInvite(brandAdminEmail.getValue(), brandAdminName.getValue()) : null;
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<TenantForm> {
        private final TenantCommand command;
        private final @Nullable BrandAdminInvite invite;

        SaveEvent(TenantForm source, TenantCommand command, @Nullable BrandAdminInvite invite) {
            super(source, false);
            this.command = command;
            this.invite = invite;
        }

        TenantCommand command() {
            return command;
        }

        /** The brand admin to invite, for a new tenant in keycloak mode; null otherwise. */
        @Nullable BrandAdminInvite invite() {
            return invite;
        }
    }

    Registration addLogoListener(ComponentEventListener<LogoEvent> listener) {
        return addListener(LogoEvent.class, listener);
    }

    static final class LogoEvent extends ComponentEvent<TenantForm> {
        private final byte[] bytes;
        private final String contentType;

        LogoEvent(TenantForm source, byte[] bytes, String contentType) {
            super(source, false);
            this.bytes = bytes.clone();
            this.contentType = contentType;
        }

        byte[] bytes() {
            return bytes.clone();
        }

        String contentType() {
            return contentType;
        }
    }

    static final class CancelEvent extends ComponentEvent<TenantForm> {
        CancelEvent(TenantForm source) {
            super(source, false);
        }
    }
}
