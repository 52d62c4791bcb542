package com.crossdock.portal.uikit;

import com.vaadin.flow.component.html.Span;

/** A small coloured label for a status, a mode or a reason code (styled by {@code .cd-badge} in the theme). */
public final class Badge {

    /** The colours a badge comes in; each reads as what it says. */
    public enum Tone { NEUTRAL, PRIMARY, SUCCESS, WARNING, ERROR, CONTRAST }

    private Badge() {
    }

    public static Span of(String text, Tone tone) {
        Span badge = new Span(text);
        badge.addClassName("cd-badge");
        badge.getElement().setAttribute("data-tone", tone.name().toLowerCase(java.util.Locale.ROOT));
        return badge;
    }
}
