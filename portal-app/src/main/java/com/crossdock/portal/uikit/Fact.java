package com.crossdock.portal.uikit;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One key fact of a record: a small label above its value; several sit side by side in a {@code .cd-facts} box. */
public final class Fact {

    private Fact() {
    }

    /** A fact whose value carries {@code valueClass}, for tests and styles. */
    public static Div of(String label, String value, String valueClass) {
        Span term = new Span(label);
        term.addClassName("cd-fact-label");
        Span text = new Span(value);
        text.addClassNames("cd-fact-value", valueClass);
        return new Div(term, text);
    }

    /** Facts side by side, wrapping on narrow screens. */
    public static Div row(Div... facts) {
        Div row = new Div(facts);
        row.addClassName("cd-facts");
        return row;
    }
}
