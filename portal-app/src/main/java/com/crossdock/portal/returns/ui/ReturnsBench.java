package com.crossdock.portal.returns.ui;

import com.crossdock.portal.returns.Disposition;
import com.crossdock.portal.returns.ReturnsService;
import com.crossdock.portal.returns.ReturnsValidationException;
import com.crossdock.portal.returns.RmaStatus;
import com.crossdock.portal.returns.RmaView;
import com.crossdock.portal.returns.ScanResult;
import com.crossdock.portal.returns.UnitCondition;
import com.crossdock.portal.uikit.Badge;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The returns bench for one RMA, made for a person with a scanner and gloves: a scan field that keeps the focus and
 * takes a barcode or SKU ended by Enter, the unit's condition as large buttons (back to "Unopened" after each scan),
 * the result of the last scan only, and each held unit with its five dispositions as large buttons.
 */
final class ReturnsBench extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(ReturnsBench.class);
    private static final String TOUCH = "cd-touch";

    private final ReturnsService returns;
    private final TenantId tenant;
    private final Runnable changed;
    private final H3 title = new H3();
    private final Span status = new Span();
    private final Span expected = new Span();
    private final TextField scan = new TextField("Scan a unit");
    private final Map<UnitCondition, Button> conditions = new EnumMap<>(UnitCondition.class);
    private final FlexLayout conditionButtons = new FlexLayout();
    private final Span conditionLabel = new Span("Condition of the next unit");
    private final Div result = new Div();
    private final VerticalLayout held = new VerticalLayout();
    private final Button finish = new Button("Nothing more is coming");
    private final Button close = new Button("Close RMA");
    private UnitCondition condition = UnitCondition.UNOPENED;
    private RmaView rma;

    ReturnsBench(ReturnsService returns, TenantId tenant, RmaView rma, Runnable changed) {
        this.returns = returns;
        this.tenant = tenant;
        this.rma = rma;
        this.changed = changed;
        setId("returns-bench");
        addClassNames("cd-card", "cd-bench");
        setPadding(true);
        status.setId("bench-status");
        expected.setId("bench-expected");
        scan.setId("returns-scan");
        scan.setWidthFull();
        scan.setClearButtonVisible(true);
        scan.setHelperText("Scan the barcode, or type the SKU and press Enter. One unit per scan.");
        scan.addClassName("cd-bench-scan");
        scan.addKeyPressListener(Key.ENTER, enter -> receive());
        conditionButtons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        conditionButtons.addClassName("cd-bench-buttons");
        for (UnitCondition each : UnitCondition.values()) {
            Button button = new Button(each.label(), click -> choose(each));
            button.setId("condition-" + each.name());
            button.addClassName(TOUCH);
            button.addThemeVariants(ButtonVariant.LARGE);
            conditions.put(each, button);
            conditionButtons.add(button);
        }
        result.setId("returns-result");
        result.addClassName("cd-bench-result");
        held.setId("returns-held");
        held.setPadding(false);
        finish.setId("returns-finish");
        finish.addClassName(TOUCH);
        finish.addClickListener(click -> act(() -> returns.finishReceipt(tenant, this.rma.id()),
                "Receipt finished"));
        close.setId("returns-close");
        close.addClassName(TOUCH);
        close.addClickListener(click -> act(() -> returns.close(tenant, this.rma.id()), "RMA closed"));
        add(title, status, expected, scan, conditionLabel, conditionButtons, result,
                new H3("On inspection hold"), held, new FlexLayout(finish, close));
        choose(UnitCondition.UNOPENED);
        show(rma);
    }

    /** Puts the focus back in the scan field, where the scanner types. */
    void focusScan() {
        scan.focus();
    }

    private void choose(UnitCondition chosen) {
        condition = chosen;
        conditions.forEach((each, button) -> {
            button.removeThemeVariants(ButtonVariant.PRIMARY);
            if (each == chosen) {
                button.addThemeVariants(ButtonVariant.PRIMARY);
            }
        });
        scan.focus();
    }

    private void receive() {
        String code = scan.getValue();
        scan.clear();
        result.removeAll();
        try {
            ScanResult scanned = returns.receiveUnit(tenant, rma.id(), code, condition);
            result.add(outcome(scanned.message(), scanned.disposition() == null ? Badge.Tone.WARNING
                    : Badge.Tone.SUCCESS));
            show(scanned.rma());
            changed.run();
        } catch (ReturnsValidationException refused) {
            result.add(outcome(String.join("; ", refused.fieldErrors().values()), Badge.Tone.ERROR));
        } catch (RuntimeException e) {
            log.warn("Receiving a unit on {} failed", rma.number(), e);
            result.add(outcome(FailureMessages.explain(e), Badge.Tone.ERROR));
        }
        choose(UnitCondition.UNOPENED);
    }

    private static Div outcome(String message, Badge.Tone tone) {
        Div line = new Div(Badge.of(message, tone));
        line.getElement().setAttribute("data-tone", tone.name());
        return line;
    }

    private void decide(RmaView.Unit unit, Disposition disposition) {
        act(() -> returns.disposition(tenant, unit.id(), disposition, null), "1 × " + unit.sku() + ": "
                + disposition.label());
    }

    private void act(java.util.function.Supplier<RmaView> action, String done) {
        try {
            RmaView now = action.get();
            show(now);
            result.removeAll();
            result.add(outcome(done, Badge.Tone.SUCCESS));
            changed.run();
        } catch (ReturnsValidationException refused) {
            Notices.error(String.join("; ", refused.fieldErrors().values()));
        } catch (RuntimeException e) {
            log.warn("Working on {} failed", rma.number(), e);
            Notices.error(FailureMessages.explain(e));
        }
        scan.focus();
    }

    private void show(RmaView shown) {
        rma = shown;
        boolean editor = returns.canEdit();
        boolean receiving = shown.status() == RmaStatus.EXPECTED || shown.status() == RmaStatus.RECEIVED
                || (shown.status() == RmaStatus.ON_HOLD && !shown.receiptComplete()
                        && shown.units().size() < shown.expectedUnits());
        title.setText(shown.number() + (shown.orderName().isEmpty() ? "" : " · order " + shown.orderName()));
        status.removeAll();
        status.add(ReturnsView.statusBadge(shown.status()), new Span(" " + ReturnsView.signalText(
                shown.channelSignal(), shown.channelRefund())));
        expected.setText("Expected: " + String.join(", ", shown.lines().stream().map(line -> line.received() + " of "
                + line.expected() + " × " + line.sku() + (line.reason().isEmpty() ? "" : " (" + line.reason() + ")"))
                .toList()));
        scan.setEnabled(editor && receiving);
        // with nothing left to scan, the bench shows only what waits for inspection
        conditionLabel.setVisible(editor && receiving);
        conditionButtons.setVisible(editor && receiving);
        finish.setVisible(editor && receiving);
        close.setVisible(editor && shown.status() == RmaStatus.DISPOSITIONED
                && (shown.channelSignal().equals("NONE") || shown.channelSignal().equals("TOLD")));
        held.removeAll();
        java.util.Optional<String> notTheOwner = editor ? returns.dispositionRefusal(tenant)
                : java.util.Optional.empty();
        notTheOwner.filter(reason -> shown.heldUnits() > 0).ifPresent(reason -> {
            Span owner = new Span(reason);
            owner.setId("returns-owner");
            owner.addClassName("cd-muted");
            held.add(owner);
        });
        shown.units().stream().filter(RmaView.Unit::held)
                .forEach(unit -> held.add(heldUnit(unit, editor && notTheOwner.isEmpty())));
        if (shown.heldUnits() == 0) {
            held.add(new Span("No unit waits for inspection."));
        }
        if (editor && receiving) {
            scan.focus();
        }
    }

    private Div heldUnit(RmaView.Unit unit, boolean editor) {
        Div card = new Div();
        card.setId("held-" + unit.id());
        card.addClassNames("cd-card", "cd-held-unit");
        card.add(new Span(unit.sku() + " · " + unit.condition().label() + (unit.rule().isEmpty() ? ""
                : " · " + unit.rule())));
        if (editor) {
            FlexLayout buttons = new FlexLayout();
            buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            buttons.addClassName("cd-bench-buttons");
            for (Disposition disposition : Disposition.values()) {
                Button button = new Button(disposition.label(), click -> decide(unit, disposition));
                button.setId("disposition-" + unit.id() + "-" + disposition.name());
                button.addClassNames(TOUCH, "disposition-" + disposition.name());
                button.addThemeVariants(ButtonVariant.LARGE);
                if (disposition == Disposition.DISPOSE) {
                    button.addThemeVariants(ButtonVariant.ERROR);
                }
                buttons.add(button);
            }
            card.add(buttons);
        }
        return card;
    }
}
