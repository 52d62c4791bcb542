package com.crossdock.portal.webhook.ui;

import com.crossdock.portal.events.BrandEvent;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.Badge;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.portal.uikit.SecretOnce;
import com.crossdock.portal.webhook.DeliveryView;
import com.crossdock.portal.webhook.NewSubscription;
import com.crossdock.portal.webhook.SubscriptionView;
import com.crossdock.portal.webhook.WebhookService;
import com.crossdock.portal.webhook.WebhookValidationException;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhooks: the brand's subscriptions (URL, events, active or disabled with the reason); a brand admin subscribes
 * (the signing secret is shown once), sends a test, enables a disabled one again, removes one; the delivery log of
 * the selected subscription with each attempt's response, and "Redeliver".
 */
@Route("webhooks")
@PageTitle("Webhooks · Crossdock")
@RolesAllowed({"BRAND_ADMIN", "BRAND_USER", "LEADERSHIP_VIEWER"})
public class WebhooksView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(WebhooksView.class);

    private final WebhookService webhooks;
    private final TenantSelection selection;
    private final Grid<SubscriptionView> subscriptions = new Grid<>();
    private final Grid<DeliveryView> deliveries = new Grid<>();
    private final Div empty = new Div();
    private final H3 logTitle = new H3("Delivery log");
    private final Button create = new Button("New subscription");
    private @Nullable TenantId tenant;
    private @Nullable SubscriptionView selected;

    WebhooksView(WebhookService webhooks, TenantSelection selection) {
        this.webhooks = webhooks;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        setSizeFull();
        create.setId("webhooks-new");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(click -> openForm());
        configureSubscriptions();
        configureDeliveries();
        add(new Paragraph("Crossdock posts each event you subscribe to as JSON, signed with the subscription's secret "
                + "in the Crossdock-Signature header (t=<unix time>,v1=<HMAC-SHA256 of \"t.body\">). A failed "
                + "delivery is tried again with growing waits; after many failures in a row the subscription is "
                + "disabled until you enable it again."), create, empty, subscriptions, logTitle, deliveries);
    }

    private void configureSubscriptions() {
        subscriptions.setId("webhooks-grid");
        subscriptions.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES);
        subscriptions.addColumn(SubscriptionView::url).setHeader("URL").setFlexGrow(2);
        subscriptions.addColumn(s -> String.join(", ", s.events()) + (s.events().contains(BrandEvent.INVENTORY_CHANGED)
                ? " (inventory: " + s.inventoryMinUnits() + " units or " + s.inventoryMinPercent() + " %)" : ""))
                .setHeader("Events").setFlexGrow(2);
        subscriptions.addComponentColumn(this::status).setHeader("Status").setFlexGrow(1);
        subscriptions.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        subscriptions.setAllRowsVisible(true);
        subscriptions.asSingleSelect().addValueChangeListener(change -> {
            selected = change.getValue();
            showLog();
        });
    }

    private void configureDeliveries() {
        deliveries.setId("webhooks-deliveries");
        deliveries.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES);
        deliveries.addColumn(d -> when(d.createdAt())).setHeader("Queued").setAutoWidth(true);
        deliveries.addColumn(DeliveryView::eventType).setHeader("Event").setAutoWidth(true);
        deliveries.addComponentColumn(d -> Badge.of(d.status(), switch (d.status()) {
            case "DELIVERED" -> Badge.Tone.SUCCESS;
            case "FAILED" -> Badge.Tone.ERROR;
            default -> Badge.Tone.WARNING;
        })).setHeader("Status").setAutoWidth(true);
        deliveries.addColumn(DeliveryView::attempts).setHeader("Attempts").setAutoWidth(true);
        deliveries.addColumn(d -> d.log().stream().map(a -> a.statusCode() == null ? "no answer ("
                + a.error() + ")" : "HTTP " + a.statusCode()).reduce((a, b) -> a + " · " + b).orElse("not tried yet"))
                .setHeader("Responses").setFlexGrow(3);
        deliveries.addComponentColumn(this::redeliverButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        deliveries.setAllRowsVisible(true);
        logTitle.setVisible(false);
        deliveries.setVisible(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        reload();
    }

    private void reload() {
        create.setVisible(tenant != null && webhooks.canManage());
        if (tenant == null) {
            showEmpty("No tenant is selected. Pick one in the tenant switcher.");
            return;
        }
        List<SubscriptionView> all = attempt("Loading the webhook subscriptions", () -> webhooks.subscriptions(
                currentTenant()));
        if (all == null) {
            return;
        }
        if (all.isEmpty()) {
            showEmpty(webhooks.canManage() ? "No webhooks yet. Add one with \"New subscription\": the address of "
                    + "your receiver and the events it wants." : "No webhooks yet. A brand admin adds them here.");
            selected = null;
            showLog();
            return;
        }
        empty.setVisible(false);
        subscriptions.setVisible(true);
        subscriptions.setItems(all);
        if (selected != null) {
            all.stream().filter(s -> s.id().equals(selected.id())).findFirst()
                    .ifPresentOrElse(subscriptions::select, () -> selected = null);
        }
        showLog();
    }

    private void showLog() {
        boolean show = selected != null && tenant != null;
        logTitle.setVisible(show);
        deliveries.setVisible(show);
        if (show) {
            SubscriptionView subscription = selected;
            logTitle.setText("Delivery log of " + subscription.url());
            List<DeliveryView> log = attempt("Loading the delivery log", () -> webhooks.deliveries(currentTenant(),
                    subscription.id(), 100));
            deliveries.setItems(log == null ? List.of() : log);
        }
    }

    private void showEmpty(String text) {
        empty.removeAll();
        empty.add(EmptyState.of("webhooks-empty", text));
        empty.setVisible(true);
        subscriptions.setVisible(false);
    }

    private Component status(SubscriptionView subscription) {
        if (subscription.active()) {
            return Badge.of(subscription.consecutiveFailures() == 0 ? "Active" : "Active · "
                    + subscription.consecutiveFailures() + " failed in a row", subscription.consecutiveFailures() == 0
                    ? Badge.Tone.SUCCESS : Badge.Tone.WARNING);
        }
        Span reason = new Span(subscription.disabledReason() == null ? "" : subscription.disabledReason());
        reason.addClassName("webhook-disabled-reason");
        return new VerticalLayout(Badge.of("Disabled", Badge.Tone.ERROR), reason);
    }

    private Component actions(SubscriptionView subscription) {
        if (!webhooks.canManage()) {
            return new Span();
        }
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.add(small("Send test", "webhook-test", () -> {
            webhooks.sendTest(currentTenant(), subscription.id());
            Notices.success("A webhook.test delivery goes out within seconds; see the delivery log");
        }));
        if (!subscription.active()) {
            buttons.add(small("Enable", "webhook-enable", () -> {
                webhooks.enable(currentTenant(), subscription.id());
                Notices.success("Enabled: waiting deliveries go out now");
            }));
        }
        buttons.add(small("Remove", "webhook-remove", () -> {
            webhooks.remove(currentTenant(), subscription.id());
            Notices.success("Removed " + subscription.url());
        }));
        return buttons;
    }

    private Component redeliverButton(DeliveryView delivery) {
        if (!webhooks.canManage() || delivery.status().equals("PENDING")) {
            return new Span();
        }
        return small("Redeliver", "webhook-redeliver", () -> {
            webhooks.redeliver(currentTenant(), delivery.id());
            Notices.success("It goes out again within seconds");
        });
    }

    private Button small(String label, String className, Runnable action) {
        Button button = new Button(label, click -> {
            attempt(label, () -> {
                action.run();
                return Boolean.TRUE;
            });
            reload();
        });
        button.addClassName(className);
        button.addThemeVariants(ButtonVariant.SMALL);
        return button;
    }

    private void openForm() {
        Dialog form = new Dialog();
        form.setId("webhooks-form");
        form.setHeaderTitle("New webhook subscription");
        form.setWidth("560px");
        TextField url = new TextField("Receiver URL");
        url.setId("webhooks-url");
        url.setPlaceholder("https://erp.example.com/crossdock/events");
        url.setWidthFull();
        CheckboxGroup<String> events = new CheckboxGroup<>("Events");
        events.setId("webhooks-events");
        events.setItems(BrandEvent.TYPES);
        IntegerField minUnits = threshold("webhooks-inventory-units", "Inventory: at least units",
                WebhookService.DEFAULT_MIN_UNITS);
        IntegerField minPercent = threshold("webhooks-inventory-percent", "or at least % of available",
                WebhookService.DEFAULT_MIN_PERCENT);
        HorizontalLayout thresholds = new HorizontalLayout(minUnits, minPercent);
        thresholds.setId("webhooks-inventory-threshold");
        thresholds.setVisible(false);
        events.addValueChangeListener(change -> thresholds.setVisible(change.getValue()
                .contains(BrandEvent.INVENTORY_CHANGED)));
        form.add(new VerticalLayout(url, events, thresholds));
        Button save = new Button("Subscribe", click -> {
            try {
                NewSubscription created = webhooks.subscribe(currentTenant(), url.getValue(), events.getValue(),
                        minUnits.getValue() == null ? 0 : minUnits.getValue(),
                        minPercent.getValue() == null ? 0 : minPercent.getValue());
                form.close();
                reload();
                SecretOnce.show("webhooks-secret", "Signing secret", "Copy the secret now: it is shown only this "
                        + "once. Your receiver checks the Crossdock-Signature header with it.", created.secret());
            } catch (WebhookValidationException refused) {
                url.setInvalid(refused.fieldErrors().containsKey("url"));
                url.setErrorMessage(refused.fieldErrors().get("url"));
                events.setInvalid(refused.fieldErrors().containsKey("events"));
                events.setErrorMessage(refused.fieldErrors().get("events"));
                minUnits.setInvalid(refused.fieldErrors().containsKey("inventoryMinUnits"));
                minUnits.setErrorMessage(refused.fieldErrors().get("inventoryMinUnits"));
                minPercent.setInvalid(refused.fieldErrors().containsKey("inventoryMinPercent"));
                minPercent.setErrorMessage(refused.fieldErrors().get("inventoryMinPercent"));
            } catch (RuntimeException e) {
                log.warn("Subscribing a webhook failed", e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        save.setId("webhooks-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        form.getFooter().add(new Button("Cancel", click -> form.close()), save);
        form.open();
    }

    private static IntegerField threshold(String id, String label, int value) {
        IntegerField field = new IntegerField(label);
        field.setId(id);
        field.setMin(1);
        field.setValue(value);
        field.setHelperText("An inventory.changed is sent when a SKU's available units move by either");
        return field;
    }

    private <T> @Nullable T attempt(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            log.warn("{} failed", what, e);
            Notices.error(FailureMessages.explain(e));
            return null;
        }
    }

    private TenantId currentTenant() {
        if (tenant == null) {
            throw new IllegalStateException("No tenant is selected");
        }
        return tenant;
    }

    private static String when(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                .withZone(java.time.ZoneOffset.UTC).format(at);
    }
}
