package com.crossdock.portal.uikit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/** The card a view shows instead of an empty list: why there is nothing yet and what to do next. */
public final class EmptyState {

    private EmptyState() {
    }

    /** An empty-state card with {@code id} (the test contract), its sentence and any links or buttons after it. */
    public static Div of(String id, String text, Component... next) {
        Div empty = new Div(new Paragraph(text));
        empty.add(next);
        empty.setId(id);
        empty.addClassNames("cd-card", "cd-empty-state");
        empty.setWidthFull();
        return empty;
    }
}
