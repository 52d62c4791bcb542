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
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
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
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selected tenant's open exceptions: records that could not move, with the reason, how often and since when,
 * who owns it, and the raw payload as it arrived. Filtered by reason, owner and age. Retry works the record out
 * again (after the catalog was fixed, say); Resolve closes the exception with its root cause; both, and taking
 * ownership, also work on a selection of exceptions at once.
 */
@Route("exceptions")
@PageTitle("Exceptions · Crossdock")
@PermitAll
public class ExceptionsView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(ExceptionsView.class);
    /** A payload longer than this is cut in the view; the whole one stays with the exception. */
    private static final int SHOWN_PAYLOAD_CHARS = 20_000;

    /** How old an exception is, by when it was first seen. */
    enum Age {
        ANY("Any age", Duration.ZERO), HOUR("Older than an hour", Duration.ofHours(1)),
        DAY("Older than a day", Duration.ofDays(1)), WEEK("Older than a week", Duration.ofDays(7));

        private final String label;
        private final Duration atLeast;

        Age(String label, Duration atLeast) {
            this.label = label;
            this.atLeast = atLeast;
        }
    }

    private static final String ANY_REASON = "All reasons";
    private static final String ANYONE = "Anyone";
    private static final String MINE = "Mine";
    private static final String NOBODY = "Nobody yet";

    private final SyncService sync;
    private final TenantSelection selection;
    private final Span count = new Span();
    private final Select<String> reason = new Select<>();
    private final Select<String> owner = new Select<>();
    private final Select<Age> age = new Select<>();
    private final Checkbox all = new Checkbox("Select all shown");
    private final Span selectedCount = new Span();
    private final Button takeSelected = new Button("Take", VaadinIcon.USER_CHECK.create());
    private final Button retrySelected = new Button("Retry", VaadinIcon.ROTATE_LEFT.create());
    private final Button resolveSelected = new Button("Resolve…", VaadinIcon.CHECK.create());
    private final HorizontalLayout bulk;
    private final Div list = new Div();
    private final Set<UUID> selected = new LinkedHashSet<>();
    private List<IntegrationException> open = List.of();
    private List<IntegrationException> shown = List.of();
    private @Nullable TenantId tenant;

    ExceptionsView(SyncService sync, TenantSelection selection) {
        this.sync = sync;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        count.setId("exceptions-count");
        count.addClassName("cd-stage");
        reason.setId("exceptions-reason");
        reason.setAriaLabel("Reason");
        reason.addValueChangeListener(change -> show());
        owner.setId("exceptions-owner");
        owner.setAriaLabel("Owner");
        owner.setItems(ANYONE, MINE, NOBODY);
        owner.setValue(ANYONE);
        owner.setItemLabelGenerator(choice -> choice.equals(ANYONE) ? "Any owner" : choice.equals(MINE) ? "Mine"
                : "Nobody's");
        owner.addValueChangeListener(change -> show());
        age.setId("exceptions-age");
        age.setAriaLabel("Age");
        age.setItems(Age.values());
        age.setValue(Age.ANY);
        age.setItemLabelGenerator(choice -> choice.label);
        age.addValueChangeListener(change -> show());
        HorizontalLayout filters = new HorizontalLayout(count, reason, owner, age);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWidthFull();
        filters.expand(count);

        all.setId("exceptions-select-all");
        all.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                selected.clear();
                if (change.getValue()) {
                    shown.forEach(exception -> selected.add(exception.id()));
                }
                show();
            }
        });
        selectedCount.setId("exceptions-selected");
        selectedCount.addClassName("cd-muted");
        takeSelected.setId("exceptions-take");
        takeSelected.setTooltipText("Make yourself the owner of the selected exceptions");
        takeSelected.addClickListener(click -> take());
        retrySelected.setId("exceptions-retry");
        retrySelected.addClickListener(click -> retrySelection());
        resolveSelected.setId("exceptions-resolve");
        resolveSelected.addThemeVariants(ButtonVariant.PRIMARY);
        resolveSelected.addClickListener(click -> resolveSelection());
        bulk = new HorizontalLayout(all, selectedCount, takeSelected, retrySelected, resolveSelected);
        bulk.setAlignItems(FlexComponent.Alignment.CENTER);
        bulk.addClassName("cd-bulk-bar");

        list.setId("exceptions-list");
        list.addClassName("cd-exception-list");
        list.setWidthFull();
        add(filters, bulk, list);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        refresh();
    }

    private void refresh() {
        if (tenant == null) {
            open = List.of();
            count.setText("");
            list.removeAll();
            list.add(EmptyState.of("exceptions-empty", "No tenant is selected. Pick one in the tenant switcher."));
            bulk.setVisible(false);
            return;
        }
        open = sync.openExceptions(tenant);
        selected.retainAll(open.stream().map(IntegrationException::id).toList());
        List<String> reasons = open.stream().map(IntegrationException::reasonCode).distinct().sorted().toList();
        String wanted = reason.getValue();
        reason.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of(ANY_REASON), reasons.stream())
                .toList());
        reason.setValue(wanted != null && reasons.contains(wanted) ? wanted : ANY_REASON);
        show();
    }

    /** The open exceptions the filters let through, with the selection bar. */
    private void show() {
        list.removeAll();
        if (tenant == null) {
            return;
        }
        count.setText(open.isEmpty() ? "No open exceptions"
                : open.size() == 1 ? "1 open exception" : open.size() + " open exceptions");
        if (open.isEmpty()) {
            bulk.setVisible(false);
            list.add(EmptyState.of("exceptions-empty", "Nothing is stuck. When an order or message cannot move "
                    + "(an unknown SKU, a payload that cannot be read), it waits here with its reason and the raw "
                    + "payload until someone retries or resolves it."));
            return;
        }
        String me = com.crossdock.portal.identity.CurrentUser.actor();
        Instant now = Instant.now();
        shown = open.stream()
                .filter(exception -> reason.getValue() == null || ANY_REASON.equals(reason.getValue())
                        || exception.reasonCode().equals(reason.getValue()))
                .filter(exception -> switch (Objects.requireNonNullElse(owner.getValue(), ANYONE)) {
                    case MINE -> me.equals(exception.owner());
                    case NOBODY -> exception.owner() == null;
                    default -> true;
                })
                .filter(exception -> !exception.firstSeen().isAfter(now.minus(
                        Objects.requireNonNullElse(age.getValue(), Age.ANY).atLeast)))
                .toList();
        boolean canWork = sync.canWorkExceptions();
        bulk.setVisible(canWork);
        long picked = shown.stream().filter(exception -> selected.contains(exception.id())).count();
        selectedCount.setText(picked == 0 ? "None selected" : picked + " selected");
        all.setValue(picked > 0 && picked == shown.size());
        takeSelected.setEnabled(picked > 0);
        retrySelected.setEnabled(picked > 0);
        resolveSelected.setEnabled(picked > 0);
        if (shown.isEmpty()) {
            list.add(EmptyState.of("exceptions-none-shown", "No open exception matches these filters. Choose "
                    + "\"All reasons\", \"Any owner\" and \"Any age\" to see all " + open.size() + "."));
            return;
        }
        shown.forEach(exception -> list.add(card(exception, canWork)));
    }

    private List<UUID> selection() {
        return shown.stream().map(IntegrationException::id).filter(selected::contains).toList();
    }

    private void take() {
        if (tenant == null) {
            return;
        }
        try {
            int taken = sync.takeExceptions(tenant, selection(), true);
            Notices.success(taken == 1 ? "You own 1 exception now" : "You own " + taken + " exceptions now");
        } catch (RuntimeException e) {
            log.warn("Taking exceptions failed", e);
            Notices.error(FailureMessages.explain(e));
        }
        selected.clear();
        refresh();
    }

    private void retrySelection() {
        if (tenant == null) {
            return;
        }
        List<UUID> ids = selection();
        try {
            int retried = sync.retryExceptions(tenant, ids);
            Notices.success("Retried " + retried + " of " + ids.size() + " selected"
                    + (retried < ids.size() ? "; the others have no kept record to retry: fix them at their source "
                            + "and resolve them" : "") + ".");
        } catch (RuntimeException e) {
            log.warn("Retrying exceptions failed", e);
            Notices.error(FailureMessages.explain(e));
        }
        selected.clear();
        refresh();
    }

    private void resolveSelection() {
        List<UUID> ids = selection();
        RootCauseDialog dialog = new RootCauseDialog(ids.size() == 1 ? "1 exception" : ids.size() + " exceptions");
        dialog.addResolveListener(event -> {
            if (tenant == null) {
                return;
            }
            try {
                int resolved = sync.resolveExceptions(tenant, ids, event.rootCause());
                Notices.success("Resolved " + resolved + " of " + ids.size() + " selected.");
                dialog.close();
                selected.clear();
                refresh();
            } catch (IllegalArgumentException invalid) {
                dialog.showError(invalid.getMessage() == null ? RootCauseDialog.REQUIRED : invalid.getMessage());
            } catch (RuntimeException e) {
                log.warn("Resolving exceptions failed", e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        dialog.open();
    }

    private Div card(IntegrationException exception, boolean canWork) {
        Div card = new Div();
        card.addClassNames("cd-card", "exception-card");
        card.setId("exception-" + exception.id());
        card.getElement().setAttribute("data-reason", exception.reasonCode());
        Span reasonBadge = Badge.of(exception.reasonCode(), Badge.Tone.ERROR);
        reasonBadge.addClassName("exception-reason");
        Span subject = new Span(exception.subject());
        subject.addClassName("exception-subject");
        Checkbox pick = new Checkbox(selected.contains(exception.id()));
        pick.addClassName("exception-select");
        pick.setAriaLabel("Select " + exception.subject());
        pick.setVisible(canWork);
        pick.addValueChangeListener(change -> {
            if (change.getValue()) {
                selected.add(exception.id());
            } else {
                selected.remove(exception.id());
            }
            show();
        });
        HorizontalLayout title = new HorizontalLayout(pick, reasonBadge, subject);
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
                Fact.of("Flow", SyncLabels.words(exception.flow()), "exception-flow"),
                Fact.of("Owner", exception.owner() == null ? "Nobody yet" : exception.owner(), "exception-owner"));
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
