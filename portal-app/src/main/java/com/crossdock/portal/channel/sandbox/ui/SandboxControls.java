package com.crossdock.portal.channel.sandbox.ui;

import com.crossdock.portal.channel.sandbox.GenerationSummary;
import com.crossdock.portal.channel.sandbox.OrderGeneration;
import com.crossdock.portal.channel.sandbox.SandboxDeliveryException;
import com.crossdock.portal.channel.sandbox.ShopifySandboxService;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.UUID;

/**
 * The sandbox's controls on a sandbox connection's card: generate a batch of test orders in the sandbox shop, sent
 * to the portal as signed webhooks the way a real shop sends them, so a brand can watch them move (Orders) and
 * see what gets stuck (Exceptions) before going live.
 */
public class SandboxControls extends HorizontalLayout {

    /** A realistic mix: some multi-line orders, a bundle, an unknown SKU, a repeated webhook, in shuffled order. */
    static final OrderGeneration TEST_BATCH = OrderGeneration.of(10).withMultiLine(30, 2, 3).withBundles(10)
            .withUnknownSkus(10).withDuplicates(10).shuffle();

    public SandboxControls(ShopifySandboxService sandbox, TenantId tenant, UUID connectionId) {
        Span result = new Span();
        result.addClassName("sandbox-generate-result");
        Button generate = new Button("Send 10 test orders", VaadinIcon.CART.create(), click -> {
            try {
                GenerationSummary summary = sandbox.generateOrders(tenant, connectionId, TEST_BATCH);
                result.setText("%d orders created in the sandbox shop; %d webhooks sent (%d repeated on purpose), "
                        .formatted(summary.ordersCreated(), summary.webhooks(), summary.duplicates())
                        + (summary.refused() == 0 ? "all accepted. Follow them under Orders and Exceptions."
                                : summary.refused() + " refused: " + String.join("; ", summary.problems())));
                result.getElement().setAttribute("data-orders", Integer.toString(summary.ordersCreated()));
            } catch (SandboxDeliveryException unreachable) {
                result.setText(unreachable.getMessage());
            } catch (RuntimeException failure) {
                result.setText(FailureMessages.explain(failure));
                throw failure;
            }
        });
        generate.addClassName("sandbox-generate");
        generate.addThemeVariants(ButtonVariant.TERTIARY);
        setAlignItems(FlexComponent.Alignment.CENTER);
        add(generate, result);
    }
}
