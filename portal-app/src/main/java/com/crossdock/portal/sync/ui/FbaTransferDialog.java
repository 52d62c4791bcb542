package com.crossdock.portal.sync.ui;

import com.crossdock.portal.order.Address;
import com.crossdock.portal.sync.ManualOrderCommand;
import com.crossdock.portal.sync.OrderState;
import com.crossdock.portal.sync.OrderValidationException;
import com.crossdock.portal.sync.SyncService;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;

/**
 * "New FBA transfer": the brand's own stock sent to an Amazon fulfilment centre, as an order the warehouse ships
 * with the prep and FNSKU labelling of each item (see {@link SyncService#submitFbaTransfer}).
 */
class FbaTransferDialog extends Dialog {

    private final TextField shipment = field("Amazon shipment id", "fba-shipment-id", "e.g. FBA15ABCDE12");
    private final TextField centre = field("Fulfilment centre", "fba-centre", "e.g. FBA ONT8");
    private final TextField street = field("Street", "fba-street", "");
    private final TextField city = field("City", "fba-city", "");
    private final TextField state = field("State or region", "fba-state", "e.g. CA");
    private final TextField postal = field("Postal code", "fba-postal", "");
    private final TextField country = field("Country", "fba-country", "e.g. US");
    private final TextArea lines = new TextArea("SKUs and units");

    FbaTransferDialog(SyncService sync, TenantId tenant, Runnable created) {
        setId("fba-transfer-dialog");
        setHeaderTitle("New FBA transfer");
        lines.setId("fba-lines");
        lines.setHelperText("One line per SKU: the SKU, a comma, the units (e.g. TEE-RED-M, 24)");
        lines.setWidthFull();
        country.setValue("US");
        Paragraph how = new Paragraph("Only items with an FNSKU and an Amazon seller SKU whose prep attributes are "
                + "complete can go; the warehouse gets their prep and labelling work with each line.");
        how.addClassName("cd-muted");
        FormLayout form = new FormLayout(shipment, centre, street, city, state, postal, country);
        add(how, form, lines);
        Button send = new Button("Send to the warehouse", click -> {
            try {
                OrderState order = sync.submitFbaTransfer(tenant, null, shipment.getValue(), new Address(
                        "Amazon.com Services LLC", blank(centre.getValue()), blank(street.getValue()), null,
                        blank(city.getValue()), blank(state.getValue()), blank(postal.getValue()),
                        blank(country.getValue()), null), parse(lines.getValue()));
                Notices.success("Transfer " + order.orderName() + " is " + order.status().name().toLowerCase(
                        java.util.Locale.ROOT) + ".");
                close();
                created.run();
            } catch (OrderValidationException refused) {
                Notices.error(String.join(" · ", refused.fieldErrors().values()));
            } catch (RuntimeException failure) {
                Notices.error(FailureMessages.explain(failure));
            }
        });
        send.setId("fba-send");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), send);
    }

    /** "SKU, units" per line; a line that is not is passed on with 0 units, which the check names. */
    static List<ManualOrderCommand.Line> parse(String text) {
        List<ManualOrderCommand.Line> parsed = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(",", 2);
            int units;
            try {
                units = parts.length < 2 ? 0 : Integer.parseInt(parts[1].strip());
            } catch (NumberFormatException notANumber) {
                units = 0;
            }
            parsed.add(new ManualOrderCommand.Line(parts[0].strip(), units));
        }
        return parsed;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static TextField field(String label, String id, String placeholder) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setPlaceholder(placeholder);
        return field;
    }
}
