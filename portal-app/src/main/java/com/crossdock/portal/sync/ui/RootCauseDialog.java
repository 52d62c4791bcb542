package com.crossdock.portal.sync.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;

/**
 * Asks for the root cause before an exception is resolved; the note is required so the next person to meet the same
 * problem learns what it was. Raises a {@link ResolveEvent} with the note; the view calls the service and hands a
 * refusal back with {@link #showError(String)}.
 */
class RootCauseDialog extends Dialog {

    static final String REQUIRED = "Say what the root cause was and what was done about it, so the next person "
            + "who meets it knows";

    private final TextArea rootCause = new TextArea("Root cause");

    RootCauseDialog(String subject) {
        setId("resolve-dialog");
        setHeaderTitle("Resolve: " + subject);
        setWidth("560px");
        Paragraph intro = new Paragraph("The exception closes with this note, your name and the time. If the "
                + "record still needs to move, retry it first.");
        intro.addClassName("cd-muted");
        rootCause.setId("resolve-root-cause");
        rootCause.setRequiredIndicatorVisible(true);
        rootCause.setWidthFull();
        rootCause.setMaxLength(2000);
        rootCause.setMinHeight("120px");
        rootCause.setPlaceholder("e.g. The hoodie was not in the catalog yet; added HP-HOODIE-GRY-M and retried");
        add(intro, rootCause);
        Button confirm = new Button("Resolve", click -> {
            if (rootCause.getValue().isBlank()) {
                showError(REQUIRED);
                return;
            }
            fireEvent(new ResolveEvent(this, rootCause.getValue().strip()));
        });
        confirm.setId("resolve-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("resolve-cancel");
        getFooter().add(cancel, confirm);
        rootCause.focus();
    }

    void showError(String message) {
        rootCause.setErrorMessage(message);
        rootCause.setInvalid(true);
    }

    Registration addResolveListener(ComponentEventListener<ResolveEvent> listener) {
        return addListener(ResolveEvent.class, listener);
    }

    /** The person asked to resolve with this root cause. */
    static final class ResolveEvent extends ComponentEvent<RootCauseDialog> {

        private final String rootCause;

        ResolveEvent(RootCauseDialog source, String rootCause) {
            super(source, false);
            this.rootCause = rootCause;
        }

        String rootCause() {
            return rootCause;
        }
    }
}
