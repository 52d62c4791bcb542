package com.crossdock.portal.channel.sandbox.ui;

import com.crossdock.portal.channel.sandbox.AmazonSandboxService;
import com.crossdock.portal.channel.sandbox.AmazonSandboxStore.Fault;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The Amazon sandbox's controls on a sandbox Amazon connection's card: place test orders in the sandbox seller
 * account from the tenant's Amazon seller SKUs (the next order import reads them, or "Run now" under Flows), and
 * make the next calls meet Amazon's throttling, an outage or an expired token.
 */
public class AmazonSandboxControls extends HorizontalLayout {

    public AmazonSandboxControls(AmazonSandboxService sandbox, TenantId tenant, UUID connectionId) {
        Span result = new Span();
        result.addClassName("amazon-sandbox-result");
        Button place = new Button("Place 10 test orders", VaadinIcon.CART.create(), click -> {
            try {
                List<String> ids = sandbox.placeOrders(tenant, connectionId, 9, 1);
                result.setText(ids.size() + " orders placed in the sandbox account (one fulfilled by Amazon, which "
                        + "the warehouse does not get). Run the order import under Flows, or wait for its next run.");
                result.getElement().setAttribute("data-orders", Integer.toString(ids.size()));
            } catch (RuntimeException failure) {
                result.setText(FailureMessages.explain(failure));
            }
        });
        place.addClassName("amazon-sandbox-place");
        place.addThemeVariants(ButtonVariant.TERTIARY);
        Button throttle = faultButton(sandbox, tenant, connectionId, result, "Throttle next 3 calls", Fault.THROTTLE, 3,
                "The next 3 calls get 429 QuotaExceeded; the import waits and goes on.");
        Button outage = faultButton(sandbox, tenant, connectionId, result, "Fail next call", Fault.SERVER_ERROR, 1,
                "The next call gets 503; the import tries it again.");
        Button expire = faultButton(sandbox, tenant, connectionId, result, "Expire token", Fault.EXPIRE_TOKEN, 1,
                "The access token expired; the import gets a new one once.");
        Button fatal = faultButton(sandbox, tenant, connectionId, result, "Fail next feed", Fault.FEED_FATAL, 1,
                "The next inventory feed ends FATAL; the inventory push raises an exception and sends it again.");
        Button duplicate = faultButton(sandbox, tenant, connectionId, result, "Deliver next notification twice",
                Fault.DUPLICATE_NOTIFICATION, 1, "The next notification read from the queue comes again after it was "
                        + "deleted, as SQS may deliver it; the order import acts on it once.");
        Button garbled = faultButton(sandbox, tenant, connectionId, result, "Queue a garbled notification",
                Fault.GARBLED_NOTIFICATION, 1, "A notification that is not JSON waits on the queue; the next order "
                        + "import keeps it as an exception with its raw body and takes it off the queue.");
        setAlignItems(FlexComponent.Alignment.CENTER);
        add(place, throttle, outage, expire, fatal, duplicate, garbled, result);
    }

    private static Button faultButton(AmazonSandboxService sandbox, TenantId tenant, UUID connectionId, Span result,
            String label, Fault fault, int count, String done) {
        String className = "amazon-sandbox-" + fault.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return FaultButtons.of(label, className, result, () -> sandbox.inject(tenant, connectionId, fault, count), done);
    }
}
