package com.crossdock.portal.governance.ui;

import com.crossdock.portal.governance.ExceptionOwner;
import com.crossdock.portal.governance.SetupValidationException;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exception queues of the Setup view: each reason with the side that answers it and how fast, editable in place
 * for editors; a change goes through {@link Save} (the view's call to its service), which says what went wrong.
 */
final class ExceptionOwnersGrid extends Grid<ExceptionOwner> {

    private static final Logger log = LoggerFactory.getLogger(ExceptionOwnersGrid.class);

    /** Saves one queue's side and response time in minutes; throws what the service throws. */
    interface Save {
        void save(ExceptionOwner queue, String party, int responseMinutes);
    }

    private final boolean editor;
    private final Save save;

    ExceptionOwnersGrid(boolean editor, Save save) {
        this.editor = editor;
        this.save = save;
        setId("setup-exception-owners");
        addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        addComponentColumn(ExceptionOwnersGrid::queue).setHeader("Exception queue").setWidth("24em").setFlexGrow(3);
        addColumn(queue -> queue.follows() == null ? "Fixed side" : "Owner of " + queue.follows())
                .setHeader("Follows").setWidth("13em").setFlexGrow(1);
        addComponentColumn(this::party).setHeader("Answered by").setAutoWidth(true);
        addComponentColumn(this::response).setHeader("Within (hours)").setAutoWidth(true);
        addColumn(queue -> queue.confirmed() ? "Confirmed by " + queue.changedBy() : "Default, not confirmed")
                .setHeader("Set").setAutoWidth(true);
    }

    /** The queue's meaning, with its reason code underneath as exceptions show it. */
    private static Component queue(ExceptionOwner queue) {
        Span code = new Span(queue.code());
        code.addClassName("cd-muted");
        com.vaadin.flow.component.html.Div cell = new com.vaadin.flow.component.html.Div(new Span(queue.label()),
                new com.vaadin.flow.component.html.Div(code));
        return cell;
    }

    void show(List<ExceptionOwner> queues) {
        setItems(queues);
    }

    private Component party(ExceptionOwner queue) {
        if (!editor) {
            return new Span(queue.party());
        }
        Select<String> party = new Select<>();
        party.setId("setup-exception-party-" + queue.code());
        party.setItems("Brand", "3PL");
        party.setValue(queue.party());
        party.setWidth("8em");
        party.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                apply(queue, change.getValue(), (int) queue.response().toMinutes());
            }
        });
        return party;
    }

    private Component response(ExceptionOwner queue) {
        long hours = Math.max(1, queue.response().toHours());
        if (!editor) {
            return new Span(String.valueOf(hours));
        }
        IntegerField field = new IntegerField();
        field.setId("setup-exception-hours-" + queue.code());
        field.setMin(1);
        field.setMax(168);
        field.setStepButtonsVisible(true);
        field.setValue((int) hours);
        field.setWidth("8em");
        field.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                apply(queue, queue.party(), change.getValue() * 60);
            }
        });
        return field;
    }

    private void apply(ExceptionOwner queue, String party, int minutes) {
        try {
            save.save(queue, party, minutes);
            Notices.success(queue.code() + ": answered by " + party + " within " + minutes / 60 + " h");
        } catch (SetupValidationException refused) {
            Notices.error(String.join("; ", refused.fieldErrors().values()));
        } catch (RuntimeException e) {
            log.warn("Saving the owner of {} failed", queue.code(), e);
            Notices.error(FailureMessages.explain(e));
        }
    }
}
