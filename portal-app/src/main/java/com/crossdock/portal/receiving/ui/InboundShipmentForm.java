package com.crossdock.portal.receiving.ui;

import com.crossdock.portal.receiving.InboundShipmentCommand;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The "New inbound shipment" dialog: it collects the values and raises save; the view calls the service. */
final class InboundShipmentForm extends Dialog {

    private final TextField reference = new TextField("Reference");
    private final TextField carrier = new TextField("Carrier");
    private final DatePicker expectedOn = new DatePicker("Expected at the warehouse");
    private final VerticalLayout lines = new VerticalLayout();
    private final Span linesError = new Span();
    private final List<Line> rows = new ArrayList<>();

    private record Line(TextField sku, IntegerField quantity, TextField lot, DatePicker expiry) {
    }

    InboundShipmentForm(Consumer<InboundShipmentCommand> onSave) {
        setId("inbound-form");
        setHeaderTitle("New inbound shipment");
        setWidth("760px");
        reference.setId("inbound-reference");
        reference.setHelperText("Your PO or ASN number; the warehouse quotes it back");
        reference.setMaxLength(22);
        reference.setWidthFull();
        carrier.setId("inbound-carrier");
        carrier.setWidthFull();
        expectedOn.setId("inbound-expected");
        lines.setPadding(false);
        lines.setSpacing(false);
        lines.setId("inbound-lines");
        linesError.setId("inbound-lines-error");
        linesError.addClassName("cd-error");
        linesError.setVisible(false);
        Button addLine = new Button("Add line", click -> addLine());
        addLine.setId("inbound-add-line");
        addLine();
        add(new VerticalLayout(reference, carrier, expectedOn, new Span("Lines (SKU and units; lot and expiry where the item tracks them)"), lines, addLine,
                linesError));
        Button save = new Button("Create shipment", click -> onSave.accept(command()));
        save.setId("inbound-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, save);
    }

    /** Shows the service's field errors next to their fields. */
    void showErrors(Map<String, String> errors) {
        reference.setInvalid(errors.containsKey("reference"));
        reference.setErrorMessage(errors.get("reference"));
        carrier.setInvalid(errors.containsKey("carrier"));
        carrier.setErrorMessage(errors.get("carrier"));
        expectedOn.setInvalid(errors.containsKey("expectedOn"));
        expectedOn.setErrorMessage(errors.get("expectedOn"));
        String linesProblem = String.join(" ", java.util.stream.Stream.of("lines", "lots").filter(errors::containsKey)
                .map(errors::get).toList());
        linesError.setText(linesProblem);
        linesError.setVisible(!linesProblem.isEmpty());
    }

    private void addLine() {
        TextField sku = new TextField();
        sku.setPlaceholder("SKU");
        sku.addClassName("inbound-line-sku");
        IntegerField quantity = new IntegerField();
        quantity.setPlaceholder("Units");
        quantity.setMin(1);
        quantity.addClassName("inbound-line-quantity");
        TextField lot = new TextField();
        lot.setPlaceholder("Lot");
        lot.setMaxLength(40);
        lot.addClassName("inbound-line-lot");
        DatePicker expiry = new DatePicker();
        expiry.setPlaceholder("Expiry");
        expiry.addClassName("inbound-line-expiry");
        rows.add(new Line(sku, quantity, lot, expiry));
        HorizontalLayout row = new HorizontalLayout(sku, quantity, lot, expiry);
        row.setWidthFull();
        sku.setWidth("35%");
        quantity.setWidth("15%");
        lot.setWidth("22%");
        expiry.setWidth("28%");
        lines.add(row);
    }

    private InboundShipmentCommand command() {
        List<InboundShipmentCommand.Line> entered = rows.stream()
                .filter(row -> !row.sku().getValue().isBlank() || row.quantity().getValue() != null)
                .map(row -> new InboundShipmentCommand.Line(row.sku().getValue(),
                        row.quantity().getValue() == null ? 0 : row.quantity().getValue(), row.lot().getValue(),
                        row.expiry().getValue()))
                .toList();
        return new InboundShipmentCommand(reference.getValue(), carrier.getValue(), expectedOn.getValue(), entered);
    }
}
