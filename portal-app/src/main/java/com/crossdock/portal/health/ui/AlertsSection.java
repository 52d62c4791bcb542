package com.crossdock.portal.health.ui;

import com.crossdock.portal.health.AlertKind;
import com.crossdock.portal.health.AlertRuleCommand;
import com.crossdock.portal.health.AlertRuleView;
import com.crossdock.portal.health.AlertView;
import com.crossdock.portal.health.HealthService;
import com.crossdock.portal.health.HealthValidationException;
import com.crossdock.portal.uikit.Badge;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.portal.uikit.SecretOnce;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts of a tenant: its rules (lag, error rate, drift, exception age) with where they are sent, a form to add
 * one, and the alert history with what became of each delivery.
 */
class AlertsSection extends Div {

    private static final Logger log = LoggerFactory.getLogger(AlertsSection.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final HealthService health;
    private final Grid<AlertRuleView> rules = new Grid<>();
    private final Grid<AlertView> history = new Grid<>();
    private final Div rulesEmpty = new Div();
    private final Div historyEmpty = new Div();
    private final Select<AlertKind> kind = new Select<>();
    private final IntegerField threshold = new IntegerField("Threshold");
    private final EmailField email = new EmailField("E-mail");
    private final TextField webhook = new TextField("Webhook address");
    private final IntegerField quiet = new IntegerField("Quiet period (minutes)");
    private final HorizontalLayout form;
    private final Span signingKey = new Span();
    private final Button newKey = new Button("Create signing key", click -> newSigningKey());
    private @Nullable TenantId tenant;

    AlertsSection(HealthService health) {
        this.health = health;
        setId("health-alerts");
        addClassName("cd-card");
        setWidthFull();
        kind.setLabel("Alert when");
        kind.setId("alert-kind");
        kind.setItems(AlertKind.values());
        kind.setItemLabelGenerator(AlertsSection::describe);
        kind.setValue(AlertKind.LAG);
        kind.addValueChangeListener(change -> threshold.setSuffixComponent(new com.vaadin.flow.component.html.Span(
                change.getValue() == null ? "" : change.getValue().unit())));
        threshold.setId("alert-threshold");
        threshold.setValue(30);
        threshold.setMin(0);
        email.setId("alert-email");
        webhook.setId("alert-webhook");
        webhook.setPlaceholder("https://");
        quiet.setId("alert-quiet");
        quiet.setValue(60);
        quiet.setMin(0);
        Button add = new Button("Add alert rule", click -> addRule());
        add.setId("alert-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        form = new HorizontalLayout(kind, threshold, email, webhook, quiet, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        configureRules();
        configureHistory();
        signingKey.setId("alert-signing-key");
        newKey.setId("alert-signing-key-new");
        newKey.addThemeVariants(ButtonVariant.SMALL);
        HorizontalLayout keyRow = new HorizontalLayout(signingKey, newKey);
        keyRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H3("Alert rules"), rulesEmpty, rules, form, keyRow, new H3("Alert history"), historyEmpty, history);
    }

    private static String describe(AlertKind kind) {
        return switch (kind) {
            case LAG -> "A flow lags (minutes)";
            case ERROR_RATE -> "Error rate over (%)";
            case DRIFT -> "Stock drift over (units)";
            case EXCEPTION_AGE -> "Exceptions older than (minutes)";
        };
    }

    private void configureRules() {
        rules.setId("alert-rules-grid");
        rules.addThemeVariants(GridVariant.NO_BORDER);
        rules.setAllRowsVisible(true);
        rules.addColumn(AlertRuleView::describe).setHeader("Rule").setFlexGrow(2);
        rules.addColumn(rule -> String.join(" · ", java.util.stream.Stream.of(rule.email(), rule.webhookUrl())
                .filter(java.util.Objects::nonNull).toList())).setHeader("Sent to").setFlexGrow(2);
        rules.addColumn(rule -> rule.quietMinutes() + " min").setHeader("Quiet period").setAutoWidth(true);
        rules.addComponentColumn(this::removeButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
    }

    private void configureHistory() {
        history.setId("alert-history-grid");
        history.addThemeVariants(GridVariant.NO_BORDER, GridVariant.WRAP_CELL_CONTENT);
        history.setAllRowsVisible(true);
        history.addColumn(alert -> WHEN.format(alert.raisedAt())).setHeader("Raised").setAutoWidth(true);
        history.addColumn(AlertView::subject).setHeader("Alert").setFlexGrow(2);
        history.addColumn(AlertView::occurrences).setHeader("Seen").setAutoWidth(true);
        history.addComponentColumn(AlertsSection::delivery).setHeader("Delivery").setAutoWidth(true);
        history.addColumn(alert -> String.join(" · ", java.util.stream.Stream.of(alert.emailResult(),
                alert.webhookResult()).filter(text -> !text.isBlank()).toList())).setHeader("Result").setFlexGrow(2);
        history.addColumn(alert -> alert.clearedAt() == null ? "Open" : "Cleared " + WHEN.format(alert.clearedAt()))
                .setHeader("State").setAutoWidth(true);
    }

    private static Component delivery(AlertView alert) {
        return switch (alert.delivery()) {
            case "SENT" -> Badge.of("Sent", Badge.Tone.SUCCESS);
            case "QUIET" -> Badge.of("Quiet period", Badge.Tone.NEUTRAL);
            case "PARTLY_SENT" -> Badge.of("Partly sent", Badge.Tone.WARNING);
            default -> Badge.of("Not sent", Badge.Tone.ERROR);
        };
    }

    private Component removeButton(AlertRuleView rule) {
        Button remove = new Button("Remove", click -> {
            if (tenant != null) {
                try {
                    health.removeAlertRule(tenant, rule.id());
                    Notices.success("Alert rule removed");
                } catch (RuntimeException e) {
                    log.warn("Removing an alert rule failed", e);
                    Notices.error(FailureMessages.explain(e));
                }
                load(tenant);
            }
        });
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        remove.setVisible(health.canEditAlerts());
        return remove;
    }

    void load(TenantId tenant) {
        this.tenant = tenant;
        form.setVisible(health.canEditAlerts());
        newKey.setVisible(health.canEditAlerts());
        health.alertSigningKey(tenant).ifPresentOrElse(key -> {
            signingKey.setText("Alert webhooks are signed with your key " + key.hint() + ", made by "
                    + key.createdBy() + " on " + WHEN.format(key.createdAt()) + ".");
            newKey.setText("Rotate signing key");
        }, () -> {
            signingKey.setText("No signing key yet: alert webhooks are not sent until you create one and give it to "
                    + "the receiver.");
            newKey.setText("Create signing key");
        });
        List<AlertRuleView> ruleList = health.alertRules(tenant);
        rules.setItems(ruleList);
        rules.setVisible(!ruleList.isEmpty());
        rulesEmpty.removeAll();
        if (ruleList.isEmpty()) {
            rulesEmpty.add(EmptyState.of("alert-rules-empty", "No alert rules yet. Add one below: for example, "
                    + "\"A flow lags\" over 30 minutes, sent to your ops mailbox or a webhook."));
        }
        List<AlertView> alerts = health.alertHistory(tenant);
        history.setItems(alerts);
        history.setVisible(!alerts.isEmpty());
        historyEmpty.removeAll();
        if (alerts.isEmpty()) {
            historyEmpty.add(EmptyState.of("alert-history-empty", "No alerts raised. Rules are checked every "
                    + "minute; what they raise is listed here with its delivery."));
        }
    }

    private void newSigningKey() {
        if (tenant == null) {
            return;
        }
        try {
            var created = health.newAlertSigningKey(tenant);
            load(tenant);
            SecretOnce.show("alert-signing-secret", "Alert signing key", "Copy the key now: it is shown only this "
                    + "once, and the previous key stopped signing. Your receiver checks X-Crossdock-Signature "
                    + "(v1=hex HMAC-SHA256 of timestamp + \".\" + body) with it.", created.secret());
        } catch (RuntimeException e) {
            log.warn("Making an alert signing key failed", e);
            Notices.error(FailureMessages.explain(e));
        }
    }

    private void addRule() {
        if (tenant == null || kind.getValue() == null) {
            return;
        }
        clearErrors();
        try {
            health.addAlertRule(tenant, new AlertRuleCommand(kind.getValue(),
                    threshold.getValue() == null ? -1 : threshold.getValue(), email.getValue(), webhook.getValue(),
                    quiet.getValue() == null ? -1 : quiet.getValue()));
            Notices.success("Alert rule added");
            email.clear();
            webhook.clear();
            load(tenant);
        } catch (HealthValidationException e) {
            showErrors(e.fieldErrors());
        } catch (RuntimeException e) {
            log.warn("Adding an alert rule failed", e);
            Notices.error(FailureMessages.explain(e));
        }
    }

    private void clearErrors() {
        threshold.setInvalid(false);
        email.setInvalid(false);
        webhook.setInvalid(false);
        quiet.setInvalid(false);
    }

    private void showErrors(Map<String, String> errors) {
        errors.forEach((field, message) -> {
            switch (field) {
                case "threshold" -> invalid(threshold, message);
                case "email" -> invalid(email, message);
                case "webhookUrl" -> invalid(webhook, message);
                case "quietMinutes" -> invalid(quiet, message);
                default -> Notices.error(message);
            }
        });
    }

    private static void invalid(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
