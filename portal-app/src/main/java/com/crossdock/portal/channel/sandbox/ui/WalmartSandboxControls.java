package com.crossdock.portal.channel.sandbox.ui;

import com.crossdock.portal.channel.sandbox.WalmartSandboxService;
import com.crossdock.portal.channel.sandbox.WalmartSandboxStore.Fault;
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
 * The Walmart sandbox's controls on a sandbox Walmart connection's card: place test purchase orders from the
 * tenant's own SKUs (the next order import reads and acknowledges them, or "Run now" under Flows), see what the
 * sandbox seller was told (acknowledgements, shipping updates, stock, feeds, refunds), have buyers return shipped
 * orders, and make the next calls meet
 * Walmart's throttling, an outage, an expired token or a feed processing error.
 */
public class WalmartSandboxControls extends HorizontalLayout {

    public WalmartSandboxControls(WalmartSandboxService sandbox, TenantId tenant, UUID connectionId) {
        Span result = new Span();
        result.addClassName("walmart-sandbox-result");
        Button place = new Button("Place 10 test orders", VaadinIcon.CART.create(), click -> {
            try {
                List<String> ids = sandbox.placeOrders(tenant, connectionId, 10);
                result.setText(ids.size() + " purchase orders placed in the sandbox seller. Run the order import "
                        + "under Flows, or wait for its next run; it acknowledges them.");
                result.getElement().setAttribute("data-orders", Integer.toString(ids.size()));
            } catch (RuntimeException failure) {
                result.setText(FailureMessages.explain(failure));
            }
        });
        place.addClassName("walmart-sandbox-place");
        place.addThemeVariants(ButtonVariant.TERTIARY);
        Button status = new Button("What Walmart was told", VaadinIcon.INFO_CIRCLE_O.create(), click -> {
            try {
                var summary = sandbox.summary(tenant, connectionId);
                result.setText(summary.orders() + " orders, " + summary.acknowledgements().size() + " acknowledged, "
                        + summary.shippingUpdates().size() + " shipping updates, stock for "
                        + summary.inventory().size() + " SKUs (" + summary.feeds() + " bulk feeds), "
                        + summary.throttled() + " calls throttled, " + summary.returns() + " returns, "
                        + summary.refunds().size() + " refunds.");
            } catch (RuntimeException failure) {
                result.setText(FailureMessages.explain(failure));
            }
        });
        status.addClassName("walmart-sandbox-status");
        Button returns = new Button("Return 3 shipped orders", VaadinIcon.ARROW_BACKWARD.create(), click -> {
            try {
                List<String> ids = sandbox.returnShipped(tenant, connectionId, 3);
                result.setText(ids.size() + " Walmart return(s) made from shipped orders. Run the refunds and "
                        + "returns flow under Flows; each becomes an RMA under Returns.");
            } catch (RuntimeException failure) {
                result.setText(FailureMessages.explain(failure));
            }
        });
        returns.addClassName("walmart-sandbox-returns");
        returns.addThemeVariants(ButtonVariant.TERTIARY);
        status.addThemeVariants(ButtonVariant.TERTIARY);
        setAlignItems(FlexComponent.Alignment.CENTER);
        add(place, status, returns,
                faultButton(sandbox, tenant, connectionId, result, "Throttle next 3 calls", Fault.THROTTLE, 3,
                        "The next 3 calls get 429; the flows wait for Walmart's replenish time and go on."),
                faultButton(sandbox, tenant, connectionId, result, "Fail next call", Fault.SERVER_ERROR, 1,
                        "The next call gets 503; the flow tries it again."),
                faultButton(sandbox, tenant, connectionId, result, "Expire token", Fault.EXPIRE_TOKEN, 1,
                        "The access token expired; the flows get a new one once."),
                faultButton(sandbox, tenant, connectionId, result, "Fail next feed", Fault.FEED_ERROR, 1,
                        "The next bulk inventory feed fails for its first SKU: an exception, pushed again next run."),
                result);
    }

    private static Button faultButton(WalmartSandboxService sandbox, TenantId tenant, UUID connectionId, Span result,
            String label, Fault fault, int count, String done) {
        String className = "walmart-sandbox-" + fault.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return FaultButtons.of(label, className, result, () -> sandbox.inject(tenant, connectionId, fault, count), done);
    }
}
