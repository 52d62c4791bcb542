package com.crossdock.portal.channel.sandbox.ui;

import com.crossdock.portal.uikit.FailureMessages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;

/** A sandbox card's fault button: injects its fault and says in {@code result} what the next calls will meet. */
final class FaultButtons {

    private FaultButtons() {
    }

    static Button of(String label, String className, Span result, Runnable inject, String done) {
        Button button = new Button(label, click -> {
            try {
                inject.run();
                result.setText(done);
            } catch (RuntimeException failure) {
                result.setText(FailureMessages.explain(failure));
            }
        });
        button.addClassName(className);
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        return button;
    }
}
