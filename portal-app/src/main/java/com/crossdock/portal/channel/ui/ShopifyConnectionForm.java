package com.crossdock.portal.channel.ui;

import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.Map;

/**
 * The "connect a Shopify store" form. It only collects input and raises save and cancel events; the view calls the
 * service and hands field errors back with {@link #showErrors(Map)}. The token and the secret are typed in, never
 * filled in from what is stored: a new form is empty.
 */
class ShopifyConnectionForm extends FormLayout {

    /** The Admin API version new connections pin unless the person enters another. */
    static final String DEFAULT_API_VERSION = "2026-07";

    private final TextField name = new TextField("Connection name");
    private final TextField shopDomain = new TextField("Store domain");
    private final TextField apiVersion = new TextField("Admin API version");
    private final Select<ChannelMode> mode = new Select<>();
    private final PasswordField accessToken = new PasswordField("Admin API access token");
    private final PasswordField webhookSecret = new PasswordField("Webhook signing secret");
    private final Map<String, HasValidation> fields;

    ShopifyConnectionForm() {
        setId("shopify-form");
        name.setId("shopify-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(100);
        name.setHelperText("How your team will recognise it, e.g. “Main store”");
        shopDomain.setId("shopify-domain");
        shopDomain.setRequiredIndicatorVisible(true);
        shopDomain.setPlaceholder("your-store.myshopify.com");
        shopDomain.setHelperText("The store's myshopify.com domain, not its public domain");
        apiVersion.setId("shopify-api-version");
        apiVersion.setRequiredIndicatorVisible(true);
        apiVersion.setValue(DEFAULT_API_VERSION);
        apiVersion.setHelperText("The version the app's webhooks use (year-month, e.g. 2026-07)");
        mode.setId("shopify-mode");
        mode.setLabel("Mode");
        mode.setItems(ChannelMode.values());
        mode.setItemLabelGenerator(ChannelsView::modeLabel);
        mode.setValue(ChannelMode.SANDBOX);
        mode.setHelperText("Sandbox talks to Crossdock's simulated store; live to the real one");
        accessToken.setId("shopify-token");
        accessToken.setRequiredIndicatorVisible(true);
        accessToken.setAutocomplete(Autocomplete.OFF);
        accessToken.setHelperText("Starts with shpat_; shown once in Shopify when the app is installed");
        webhookSecret.setId("shopify-secret");
        webhookSecret.setRequiredIndicatorVisible(true);
        webhookSecret.setAutocomplete(Autocomplete.OFF);
        webhookSecret.setHelperText("The app's client secret, which Shopify signs webhooks with");
        fields = Map.of("name", name, "shopDomain", shopDomain, "apiVersion", apiVersion, "mode", mode,
                "accessToken", accessToken, "webhookSecret", webhookSecret);

        Button save = new Button("Connect store", click -> fireEvent(new SaveEvent(this, command())));
        save.setId("shopify-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", click -> fireEvent(new CancelEvent(this)));
        cancel.setId("shopify-cancel");
        HorizontalLayout buttons = new HorizontalLayout(save, cancel);
        add(name, shopDomain, apiVersion, mode, accessToken, webhookSecret, buttons);
        setColspan(buttons, 2);
        name.focus();
    }

    void showErrors(Map<String, String> errors) {
        FieldErrors.show(fields, errors);
    }

    private ShopifyConnectionCommand command() {
        return new ShopifyConnectionCommand(name.getValue(), shopDomain.getValue(), apiVersion.getValue(),
                mode.getValue(), accessToken.getValue(), webhookSecret.getValue());
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /** The person asked to connect the store as entered. */
    static final class SaveEvent extends ComponentEvent<ShopifyConnectionForm> {

        private final ShopifyConnectionCommand command;

        SaveEvent(ShopifyConnectionForm source, ShopifyConnectionCommand command) {
            super(source, false);
            this.command = command;
        }

        ShopifyConnectionCommand command() {
            return command;
        }
    }

    /** The person closed the form without connecting. */
    static final class CancelEvent extends ComponentEvent<ShopifyConnectionForm> {

        CancelEvent(ShopifyConnectionForm source) {
            super(source, false);
        }
    }
}
