package com.crossdock.portal.returns.ui;

import com.crossdock.portal.returns.RmaCommand;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * "New RMA": a return entered by hand, its order (optional) and one line per SKU as "SKU units reason". Raises the
 * command; the view saves it and hands back the field errors.
 */
final class RmaForm extends Dialog {

    private final TextField order = new TextField("Order");
    private final TextArea lines = new TextArea("Units expected back");
    private final TextArea note = new TextArea("Note");

    RmaForm(Consumer<RmaCommand> onSave) {
        setId("rma-form");
        setHeaderTitle("New RMA");
        setWidth("560px");
        order.setId("rma-order");
        order.setHelperText("The order's name, e.g. #1001; leave blank for a return without an order");
        order.setWidthFull();
        lines.setId("rma-lines");
        lines.setHelperText("One line per SKU: SKU, units and the buyer's reason, e.g. \"HP-TEE-BLK-M 2 too small\"");
        lines.setWidthFull();
        lines.setMinHeight("120px");
        note.setId("rma-note");
        note.setWidthFull();
        add(new VerticalLayout(order, lines, note));
        Button save = new Button("Create RMA", click -> onSave.accept(command()));
        save.setId("rma-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    void showErrors(Map<String, String> errors) {
        order.setInvalid(errors.containsKey("orderName"));
        order.setErrorMessage(errors.get("orderName"));
        lines.setInvalid(errors.containsKey("lines"));
        lines.setErrorMessage(errors.get("lines"));
        note.setInvalid(errors.containsKey("note"));
        note.setErrorMessage(errors.get("note"));
    }

    private RmaCommand command() {
        List<RmaCommand.Line> parsed = new ArrayList<>();
        for (String row : lines.getValue().split("\n")) {
            String[] parts = row.strip().split("[\\s,;]+", 3);
            if (parts.length == 0 || parts[0].isEmpty()) {
                continue;
            }
            int units;
            try {
                units = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
            } catch (NumberFormatException notANumber) {
                units = 0;
            }
            parsed.add(new RmaCommand.Line(parts[0], units, parts.length > 2 ? parts[2] : ""));
        }
        return new RmaCommand(order.getValue(), note.getValue(), parsed);
    }
}
