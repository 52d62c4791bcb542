package com.crossdock.portal.uat.ui;

import com.crossdock.portal.uat.ScenarioEntry;
import com.crossdock.portal.uat.UatService;
import com.crossdock.portal.uat.UatValidationException;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.uat.Expectations;
import com.crossdock.tenantconfig.uat.ScenarioFormat;
import com.crossdock.tenantconfig.uat.ScenarioFormatException;
import com.crossdock.tenantconfig.uat.ScenarioLine;
import com.crossdock.tenantconfig.uat.ScenarioStep;
import com.crossdock.tenantconfig.uat.StepKind;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editor of a custom scenario's steps: one row per step (kind, title, mode, lines as "A×2, unknown×1", shipping
 * method, expectations as JSON), add, remove and move up; saved through the service, which validates with the
 * tenant-config rules, and a refusal is shown on the step and field it names.
 */
final class StepEditor extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(StepEditor.class);

    private final UatService uat;
    private final TenantId tenant;
    private final ScenarioEntry entry;
    private final Runnable saved;
    private final VerticalLayout rows = new VerticalLayout();
    private final List<Row> steps = new ArrayList<>();

    StepEditor(UatService uat, TenantId tenant, ScenarioEntry entry, Runnable saved) {
        this.uat = uat;
        this.tenant = tenant;
        this.entry = entry;
        this.saved = saved;
        setId("uat-editor");
        setHeaderTitle("Steps of \"" + entry.name() + "\"");
        setWidth("min(90rem, 98vw)");
        rows.setPadding(false);
        add(new Paragraph("Items: " + entry.scenario().items().entrySet().stream().map(item -> item.getKey() + " = "
                + item.getValue().description()).toList() + ". Lines name an item and units, e.g. \"A×2, B×1\"; "
                + "\"unknown×1\" is a product the catalog does not know. Expectations are JSON, e.g. "
                + "{\"status\": \"HELD\", \"holdReasonContains\": \"Unknown SKU\"}."), rows);
        entry.scenario().steps().forEach(this::addRow);
        Button add = new Button("Add step", click -> addRow(new ScenarioStep(StepKind.PLACE_ORDER, "New step",
                StepKind.PLACE_ORDER.modes().getFirst(), List.of(), null, Expectations.none())));
        add.setId("uat-editor-add");
        Button save = new Button("Save steps", click -> save());
        save.setId("uat-editor-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(add, new Button("Cancel", click -> close()), save);
    }

    /** One step's fields. */
    private final class Row extends HorizontalLayout {

        final Select<StepKind> kind = new Select<>();
        final TextField title = new TextField("Title");
        final Select<String> mode = new Select<>();
        final TextField lines = new TextField("Lines");
        final TextField shipping = new TextField("Shipping method");
        final TextField expect = new TextField("Expectations");

        Row(ScenarioStep step) {
            kind.setLabel("Kind");
            kind.setItems(StepKind.values());
            kind.setValue(step.kind());
            mode.setLabel("Mode");
            mode.setItems(step.kind().modes());
            mode.setValue(step.mode());
            kind.addValueChangeListener(change -> {
                if (change.getValue() != null) {
                    mode.setItems(change.getValue().modes());
                    mode.setValue(change.getValue().modes().getFirst());
                }
            });
            title.setValue(step.title());
            lines.setValue(String.join(", ", step.lines().stream().map(line -> (line.unknown() ? "unknown"
                    : line.item()) + "×" + line.quantity()).toList()));
            shipping.setValue(step.shippingMethod() == null ? "" : step.shippingMethod());
            shipping.setPlaceholder("MAPPED, or a method");
            expect.setValue(ScenarioFormat.writeExpectations(step.expect()));
            expect.setWidth("28em");
            Button up = new Button("Up", click -> move(this));
            Button remove = new Button("Remove", click -> {
                steps.remove(this);
                rows.remove(this);
                renumber();
            });
            up.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            add(kind, title, mode, lines, shipping, expect, up, remove);
            setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            setWrap(true);
        }

        void number(int number) {
            setId("uat-editor-step-" + number);
            kind.setId("uat-editor-kind-" + number);
            title.setId("uat-editor-title-" + number);
            mode.setId("uat-editor-mode-" + number);
            lines.setId("uat-editor-lines-" + number);
            shipping.setId("uat-editor-shipping-" + number);
            expect.setId("uat-editor-expect-" + number);
        }

        ScenarioStep read(int number) {
            StepKind chosen = kind.getValue() == null ? StepKind.PLACE_ORDER : kind.getValue();
            return new ScenarioStep(chosen, title.getValue().strip(), mode.getValue() == null
                    ? chosen.modes().getFirst() : mode.getValue(), lines(number), shipping.getValue().isBlank()
                    ? null : shipping.getValue().strip(), ScenarioFormat.readExpectations(expect.getValue(), number));
        }

        private List<ScenarioLine> lines(int number) {
            List<ScenarioLine> read = new ArrayList<>();
            for (String part : lines.getValue().split(",")) {
                String text = part.strip();
                if (text.isEmpty()) {
                    continue;
                }
                String[] itemAndUnits = text.split("[×xX*]", 2);
                int units;
                try {
                    units = itemAndUnits.length < 2 ? 1 : Integer.parseInt(itemAndUnits[1].strip());
                } catch (NumberFormatException e) {
                    throw new ScenarioFormatException(number, "lines", "\"" + text + "\": write an item and units, "
                            + "e.g. A×2");
                }
                String item = itemAndUnits[0].strip();
                boolean unknown = item.equalsIgnoreCase("unknown");
                read.add(new ScenarioLine(unknown ? null : item.toUpperCase(Locale.ROOT), units, unknown));
            }
            return read;
        }

        void clearErrors() {
            for (TextField field : new TextField[] {title, lines, shipping, expect}) {
                field.setInvalid(false);
            }
            kind.setInvalid(false);
            mode.setInvalid(false);
        }

        void showError(String field, String message) {
            String root = field.replaceFirst("[.\\[].*$", "");
            switch (root) {
                case "kind" -> {
                    kind.setErrorMessage(message);
                    kind.setInvalid(true);
                }
                case "mode" -> {
                    mode.setErrorMessage(message);
                    mode.setInvalid(true);
                }
                case "title" -> show(title, message);
                case "lines" -> show(lines, message);
                case "shippingMethod" -> show(shipping, message);
                default -> show(expect, message);
            }
        }
    }

    private static void show(TextField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void addRow(ScenarioStep step) {
        Row row = new Row(step);
        steps.add(row);
        rows.add(row);
        renumber();
    }

    private void move(Row row) {
        int at = steps.indexOf(row);
        if (at > 0) {
            steps.remove(at);
            steps.add(at - 1, row);
            rows.removeAll();
            steps.forEach(rows::add);
            renumber();
        }
    }

    private void renumber() {
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).number(i + 1);
        }
    }

    private void save() {
        steps.forEach(Row::clearErrors);
        List<ScenarioStep> read = new ArrayList<>();
        try {
            for (int i = 0; i < steps.size(); i++) {
                read.add(steps.get(i).read(i + 1));
            }
            uat.saveSteps(tenant, entry.key(), read, entry.version());
            Notices.success("Steps of \"" + entry.name() + "\" saved");
            close();
            saved.run();
        } catch (ScenarioFormatException refused) {
            show(refused.step(), refused.field(), refused.getMessage());
        } catch (UatValidationException refused) {
            show(stepOf(refused.getMessage()), refused.field(), refused.getMessage());
        } catch (RuntimeException e) {
            log.warn("Saving UAT steps failed", e);
            Notices.error(FailureMessages.explain(e));
        }
    }

    private void show(@Nullable Integer step, String field, String message) {
        if (step != null && step >= 1 && step <= steps.size()) {
            steps.get(step - 1).showError(field, message);
        }
        Notices.error(message);
    }

    /** The step a refusal's message names ("Step 2, field ..."), if any. */
    private static @Nullable Integer stepOf(String message) {
        var matcher = java.util.regex.Pattern.compile("^Step (\\d+),").matcher(message);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }
}
