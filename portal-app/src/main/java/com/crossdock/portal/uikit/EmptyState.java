package com.crossdock.portal.uikit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
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

    /** Shows, in {@code slot} and instead of {@code grid}, the card {@code <grid's id>-empty} with its sentence. */
    public static void showInstead(Div slot, Grid<?> grid, String text) {
        slot.removeAll();
        slot.add(of(grid.getId().orElse("grid") + "-empty", text));
        slot.setVisible(true);
        grid.setVisible(false);
    }

    /** Shows {@code grid} again and hides the card in {@code slot}. */
    public static void hide(Div slot, Grid<?> grid) {
        slot.setVisible(false);
        grid.setVisible(true);
    }
}
