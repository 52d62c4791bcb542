package com.crossdock.portal.channel.ui;

import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.WalmartConnectionCommand;
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
import java.util.List;
import java.util.Map;

/**
 * The "connect a Walmart seller" form. It only collects input and raises save and cancel events; the view calls the
 * service and hands field errors back with {@link #showErrors(Map)}. In sandbox mode the API keys may stay empty:
 * the portal's own Walmart sandbox makes its own.
 */
class WalmartConnectionForm extends FormLayout {

    private final TextField name = new TextField("Connection name");
    private final TextField sellerId = new TextField("Partner id");
    private final TextField shipNodes = new TextField("Ship node ids");
    private final Select<ChannelMode> mode = new Select<>();
    private final TextField clientId = new TextField("Client id");
    private final PasswordField clientSecret = new PasswordField("Client secret");
    private final Map<String, HasValidation> fields;

    WalmartConnectionForm() {
        setId("walmart-form");
        name.setId("walmart-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(100);
        name.setHelperText("How your team will recognise it, e.g. “Walmart US”");
        sellerId.setId("walmart-seller");
        sellerId.setRequiredIndicatorVisible(true);
        sellerId.setHelperText("Seller Center → Settings → Partner profile → Partner ID (digits)");
        shipNodes.setId("walmart-ship-nodes");
        shipNodes.setRequiredIndicatorVisible(true);
        shipNodes.setHelperText("Seller Center → Settings → Shipping → the warehouse's ship node id; the first one "
                + "gets the warehouse's stock. Separate several with commas");
        mode.setId("walmart-mode");
        mode.setLabel("Mode");
        mode.setItems(ChannelMode.values());
        mode.setItemLabelGenerator(ChannelsView::modeLabel);
        mode.setValue(ChannelMode.SANDBOX);
        mode.setHelperText("Sandbox talks to Crossdock's simulated Walmart seller; live to the real one");
        clientId.setId("walmart-client-id");
        clientId.setAutocomplete(Autocomplete.OFF);
        clientId.setHelperText("Live only: Developer Portal → API Keys (the seller's, or the solution provider's "
                + "keys the seller delegated access to)");
        clientSecret.setId("walmart-client-secret");
        clientSecret.setAutocomplete(Autocomplete.OFF);
        clientSecret.setHelperText("Live only: the client secret of the same keys");
        fields = Map.of("name", name, "sellerId", sellerId, "shipNodes", shipNodes, "mode", mode,
                "clientId", clientId, "clientSecret", clientSecret);

        Button save = new Button("Connect seller", click -> fireEvent(new SaveEvent(this, command())));
        save.setId("walmart-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", click -> fireEvent(new CancelEvent(this)));
        cancel.setId("walmart-cancel");
        HorizontalLayout buttons = new HorizontalLayout(save, cancel);
        add(name, sellerId, shipNodes, mode, clientId, clientSecret, buttons);
        setColspan(buttons, 2);
        name.focus();
    }

    void showErrors(Map<String, String> errors) {
        FieldErrors.show(fields, errors);
    }

    WalmartConnectionCommand command() {
        return new WalmartConnectionCommand(name.getValue(), sellerId.getValue(), List.of(shipNodes.getValue()),
                mode.getValue(), clientId.getValue(), clientSecret.getValue());
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /** The person asked to connect the seller as entered. */
    static final class SaveEvent extends ComponentEvent<WalmartConnectionForm> {

        private final WalmartConnectionCommand command;

        SaveEvent(WalmartConnectionForm source, WalmartConnectionCommand command) {
            super(source, false);
            this.command = command;
        }

        WalmartConnectionCommand command() {
            return command;
        }
    }

    /** The person closed the form without connecting. */
    static final class CancelEvent extends ComponentEvent<WalmartConnectionForm> {

        CancelEvent(WalmartConnectionForm source) {
            super(source, false);
        }
    }
}
