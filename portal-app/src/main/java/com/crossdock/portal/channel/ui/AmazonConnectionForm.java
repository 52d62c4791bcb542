package com.crossdock.portal.channel.ui;

import com.crossdock.portal.channel.AmazonConnectionCommand;
import com.crossdock.portal.channel.AmazonRegion;
import com.crossdock.portal.channel.ChannelMode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.HasAutocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;

/**
 * The "connect an Amazon account" form. It only collects input and raises save and cancel events; the view calls
 * the service and hands field errors back with {@link #showErrors(Map)}. In sandbox mode the LWA credentials and
 * the notification queue may stay empty: the portal's own Amazon sandbox makes its own.
 */
class AmazonConnectionForm extends FormLayout {

    private final TextField name = new TextField("Connection name");
    private final TextField sellerId = new TextField("Seller id");
    private final TextField marketplaceIds = new TextField("Marketplace ids");
    private final Select<AmazonRegion> region = new Select<>();
    private final Select<ChannelMode> mode = new Select<>();
    private final TextField lwaClientId = new TextField("LWA client id");
    private final PasswordField lwaClientSecret = new PasswordField("LWA client secret");
    private final PasswordField refreshToken = new PasswordField("Refresh token");
    private final TextField sqsQueueUrl = new TextField("SQS queue URL");
    private final TextField awsRegion = new TextField("Queue's AWS region");
    private final TextField awsAccessKeyId = new TextField("AWS access key id");
    private final PasswordField awsSecretAccessKey = new PasswordField("AWS secret access key");
    private final Map<String, HasValidation> fields;

    AmazonConnectionForm() {
        setId("amazon-form");
        name.setId("amazon-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(100);
        name.setHelperText("How your team will recognise it, e.g. “Amazon US”");
        sellerId.setId("amazon-seller");
        sellerId.setRequiredIndicatorVisible(true);
        sellerId.setHelperText("Seller Central → Settings → Account Info → Merchant Token");
        marketplaceIds.setId("amazon-marketplaces");
        marketplaceIds.setRequiredIndicatorVisible(true);
        marketplaceIds.setValue("ATVPDKIKX0DER");
        marketplaceIds.setHelperText("Separated by commas; ATVPDKIKX0DER is amazon.com, A2EUQ1WTGCTBG2 amazon.ca");
        region.setId("amazon-region");
        region.setLabel("Region");
        region.setItems(AmazonRegion.values());
        region.setItemLabelGenerator(AmazonRegion::label);
        region.setValue(AmazonRegion.NA);
        mode.setId("amazon-mode");
        mode.setLabel("Mode");
        mode.setItems(ChannelMode.values());
        mode.setItemLabelGenerator(ChannelsView::modeLabel);
        mode.setValue(ChannelMode.SANDBOX);
        mode.setHelperText("Sandbox talks to Crossdock's simulated Amazon account; live to the real one");
        liveOnly(lwaClientId, "amazon-client-id", "the app's LWA credentials in Developer Central "
                + "(amzn1.application-oa2-client.…)");
        liveOnly(lwaClientSecret, "amazon-client-secret", "the app's LWA client secret");
        liveOnly(refreshToken, "amazon-refresh-token", "from authorising the app for this seller (starts with Atzr|)");
        liveOnly(sqsQueueUrl, "amazon-sqs-queue-url", "the standard SQS queue your notification destination points "
                + "at (https://sqs.us-east-1.amazonaws.com/123456789012/…)");
        liveOnly(awsRegion, "amazon-aws-region", "blank takes it from the queue URL");
        liveOnly(awsAccessKeyId, "amazon-aws-access-key-id", "an IAM user allowed sqs:ReceiveMessage and "
                + "sqs:DeleteMessage on the queue (AKIA…)");
        liveOnly(awsSecretAccessKey, "amazon-aws-secret-access-key", "shown once when the access key was created");
        fields = Map.ofEntries(Map.entry("name", name), Map.entry("sellerId", sellerId),
                Map.entry("marketplaceIds", marketplaceIds), Map.entry("region", region), Map.entry("mode", mode),
                Map.entry("lwaClientId", lwaClientId), Map.entry("lwaClientSecret", lwaClientSecret),
                Map.entry("refreshToken", refreshToken), Map.entry("sqsQueueUrl", sqsQueueUrl),
                Map.entry("awsRegion", awsRegion), Map.entry("awsAccessKeyId", awsAccessKeyId),
                Map.entry("awsSecretAccessKey", awsSecretAccessKey));

        Button save = new Button("Connect account", click -> fireEvent(new SaveEvent(this, command())));
        save.setId("amazon-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", click -> fireEvent(new CancelEvent(this)));
        cancel.setId("amazon-cancel");
        HorizontalLayout buttons = new HorizontalLayout(save, cancel);
        add(name, sellerId, marketplaceIds, region, mode, lwaClientId, lwaClientSecret, refreshToken, sqsQueueUrl,
                awsRegion, awsAccessKeyId, awsSecretAccessKey, buttons);
        setColspan(buttons, 2);
        name.focus();
    }

    /** A credential only a live connection needs: never filled in by the browser, its help saying so. */
    private static <F extends Component & HasAutocomplete & HasHelper> void liveOnly(F field, String id,
            String help) {
        field.setId(id);
        field.setAutocomplete(Autocomplete.OFF);
        field.setHelperText("Live only: " + help);
    }

    void showErrors(Map<String, String> errors) {
        FieldErrors.show(fields, errors);
    }

    private AmazonConnectionCommand command() {
        return new AmazonConnectionCommand(name.getValue(), sellerId.getValue(), List.of(marketplaceIds.getValue()),
                region.getValue(), mode.getValue(), lwaClientId.getValue(), lwaClientSecret.getValue(),
                refreshToken.getValue(), sqsQueueUrl.getValue(), awsRegion.getValue(), awsAccessKeyId.getValue(),
                awsSecretAccessKey.getValue());
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /** The person asked to connect the account as entered. */
    static final class SaveEvent extends ComponentEvent<AmazonConnectionForm> {

        private final AmazonConnectionCommand command;

        SaveEvent(AmazonConnectionForm source, AmazonConnectionCommand command) {
            super(source, false);
            this.command = command;
        }

        AmazonConnectionCommand command() {
            return command;
        }
    }

    /** The person closed the form without connecting. */
    static final class CancelEvent extends ComponentEvent<AmazonConnectionForm> {

        CancelEvent(AmazonConnectionForm source) {
            super(source, false);
        }
    }
}
