package com.crossdock.portal.sync.ui;

import com.crossdock.portal.sync.IntegrationException;
import com.crossdock.portal.sync.SyncService;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.Badge;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.Fact;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selected tenant's open exceptions: records that could not move, with the reason, how often and since when,
 * and the raw payload as it arrived. Retry works the record out again (after the catalog was fixed, say); Resolve
 * closes the exception with its root cause.
 */
@Route("exceptions")
@PageTitle("Exceptions · Crossdock")
@PermitAll
public class ExceptionsView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(ExceptionsView.class);
    /** A payload longer than this is cut in the view; the whole one stays with the exception. */
    private static final int SHOWN_PAYLOAD_CHARS = 20_000;

    private final SyncService sync;
    private final TenantSelection selection;
    private final Span count = new Span();
    private final Div list = new Div();
    private @Nullable TenantId tenant;

    ExceptionsView(SyncService sync, TenantSelection selection) {
        this.sync = sync;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        count.setId("exceptions-count");
        count.addClassName("cd-stage");
        list.setId("exceptions-list");
        list.addClassName("cd-exception-list");
        list.setWidthFull();
        add(count, list);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        if (tenant == null) {
            count.setText("");
            list.add(EmptyState.of("exceptions-empty", "No tenant is selected. Pick one in the tenant switcher."));
            return;
        }
        List<IntegrationException> open = sync.openExceptions(tenant);
        count.setText(open.isEmpty() ? "No open exceptions"
                : open.size() == 1 ? "1 open exception" : open.size() + " open exceptions");
        if (open.isEmpty()) {
            list.add(EmptyState.of("exceptions-empty", "Nothing is stuck. When an order or message cannot move "
                    + "(an unknown SKU, a payload that cannot be read), it waits here with its reason and the raw "
                    + "payload until someone retries or resolves it."));
            return;
        }
        boolean canWork = sync.canWorkExceptions();
        open.forEach(exception -> list.add(card(exception, canWork)));
    }

    private Div card(IntegrationException exception, boolean canWork) {
        Div card = new Div();
        card.addClassNames("cd-card", "exception-card");
        card.setId("exception-" + exception.id());
        card.getElement().setAttribute("data-reason", exception.reasonCode());
        Span reason = Badge.of(exception.reasonCode(), Badge.Tone.ERROR);
        reason.addClassName("exception-reason");
        Span subject = new Span(exception.subject());
        subject.addClassName("exception-subject");
        HorizontalLayout title = new HorizontalLayout(reason, subject);
        title.setAlignItems(FlexComponent.Alignment.CENTER);
        title.setWidthFull();
        title.expand(subject);
        if (canWork) {
            title.add(actions(exception));
        }
        Paragraph message = new Paragraph(exception.message());
        message.addClassName("exception-message");
        Div facts = Fact.row(
                Fact.of("Occurrences", Integer.toString(exception.occurrences()), "exception-occurrences"),
                Fact.of("First seen", SyncLabels.when(exception.firstSeen()), "exception-first-seen"),
                Fact.of("Last seen", SyncLabels.when(exception.lastSeen()), "exception-last-seen"),
                Fact.of("Flow", SyncLabels.words(exception.flow()), "exception-flow"));
        card.add(title, message, facts, payload(exception));
        return card;
    }

    private HorizontalLayout actions(IntegrationException exception) {
        Button retry = new Button("Retry", VaadinIcon.ROTATE_LEFT.create(), click -> retry(exception));
        retry.addClassName("exception-retry");
        retry.setTooltipText("Work the record out again against the catalog and settings as they are now");
        Button resolve = new Button("Resolve", VaadinIcon.CHECK.create(), click -> resolve(exception));
        resolve.addClassName("exception-resolve");
        resolve.addThemeVariants(ButtonVariant.PRIMARY);
        return new HorizontalLayout(retry, resolve);
    }

    private static Details payload(IntegrationException exception) {
        String raw = exception.rawPayload();
        Pre text = new Pre(raw.length() > SHOWN_PAYLOAD_CHARS
                ? raw.substring(0, SHOWN_PAYLOAD_CHARS) + "\n… (%,d more characters)"
                        .formatted(raw.length() - SHOWN_PAYLOAD_CHARS) : raw);
        text.addClassName("cd-payload");
        Details details = new Details("Raw payload (as received, %,d characters)".formatted(raw.length()), text);
        details.addClassName("exception-payload");
        details.setWidthFull();
        return details;
    }

    private void retry(IntegrationException exception) {
        if (tenant == null) {
            return;
        }
        try {
            if (sync.retryException(tenant, exception.id())) {
                Notices.success("Retried " + exception.subject() + ". If it still cannot move, the exception "
                        + "counts one more occurrence; once it has moved, resolve it with its root cause.");
            } else {
                Notices.error("There is no kept record to retry for this exception. Fix the cause at its source, "
                        + "then resolve it with the root cause.");
            }
        } catch (RuntimeException e) {
            log.warn("Retrying exception {} failed", exception.id(), e);
            Notices.error(FailureMessages.explain(e));
        }
        refresh();
    }

    private void resolve(IntegrationException exception) {
        RootCauseDialog dialog = new RootCauseDialog(exception.subject());
        dialog.addResolveListener(event -> resolve(dialog, exception, event.rootCause()));
        dialog.open();
    }

    private void resolve(RootCauseDialog dialog, IntegrationException exception, String rootCause) {
        if (tenant == null) {
            return;
        }
        try {
            if (sync.resolveException(tenant, exception.id(), rootCause)) {
                Notices.success("Resolved " + exception.subject() + ".");
            } else {
                Notices.error("This exception was resolved by someone else meanwhile; the list is up to date now.");
            }
            dialog.close();
            refresh();
        } catch (IllegalArgumentException invalid) {
            dialog.showError(invalid.getMessage() == null ? RootCauseDialog.REQUIRED : invalid.getMessage());
        } catch (RuntimeException e) {
            log.warn("Resolving exception {} failed", exception.id(), e);
            Notices.error(FailureMessages.explain(e));
        }
    }
}
