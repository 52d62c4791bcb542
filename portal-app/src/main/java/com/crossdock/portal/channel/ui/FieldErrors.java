package com.crossdock.portal.channel.ui;

import com.vaadin.flow.component.HasValidation;
import java.util.Map;

/** Shows a service's field errors on a form's fields, clearing the ones that are right now. */
final class FieldErrors {

    private FieldErrors() {
    }

    static void show(Map<String, HasValidation> fields, Map<String, String> errors) {
        fields.values().forEach(field -> field.setInvalid(false));
        errors.forEach((field, message) -> {
            HasValidation target = fields.get(field);
            if (target != null) {
                target.setErrorMessage(message);
                target.setInvalid(true);
            }
        });
    }
}
