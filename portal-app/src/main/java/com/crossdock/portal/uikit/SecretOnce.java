package com.crossdock.portal.uikit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/** The dialog that shows a new key or secret the one time it can be seen, with a button that copies it. */
public final class SecretOnce {

    private SecretOnce() {
    }

    /** Opens the dialog; {@code id} names it and its field ({@code id}-value) for tests. */
    public static Dialog show(String id, String title, String explanation, String secret) {
        Dialog dialog = new Dialog();
        dialog.setId(id);
        dialog.setHeaderTitle(title);
        dialog.setWidth("640px");
        TextField value = new TextField();
        value.setId(id + "-value");
        value.setValue(secret);
        value.setReadOnly(true);
        value.setWidthFull();
        Button copy = new Button("Copy", click -> {
            value.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", secret);
            Notices.success("Copied");
        });
        copy.setId(id + "-copy");
        Button done = new Button("I have stored it", click -> dialog.close());
        done.setId(id + "-done");
        done.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(new Paragraph(explanation), value);
        dialog.getFooter().add(copy, done);
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
        return dialog;
    }
}
