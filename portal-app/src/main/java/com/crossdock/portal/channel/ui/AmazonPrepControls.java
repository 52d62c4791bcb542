package com.crossdock.portal.channel.ui;

import com.crossdock.portal.channel.AmazonPrepService;
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
 * An Amazon connection's FBA prep actions: compare the catalog's prep attributes with Amazon's prep details (the
 * differences show in Catalog → Data quality), and send ours to Amazon.
 */
class AmazonPrepControls extends HorizontalLayout {

    AmazonPrepControls(AmazonPrepService prep, TenantId tenant, UUID connectionId) {
        Span result = new Span();
        result.setId("amazon-prep-result-" + connectionId);
        result.addClassName("amazon-prep-result");
        Button compare = new Button("Compare prep with Amazon", VaadinIcon.SCALE.create(), click -> {
            try {
                AmazonPrepService.Comparison comparison = prep.compare(tenant, connectionId);
                result.setText(comparison.compared() == 0 ? "No FBA-bound item (one with an FNSKU) has an Amazon "
                        + "seller SKU yet: add both aliases in the catalog, then compare."
                        : comparison.differing() == 0 ? "All " + comparison.compared() + " FBA seller SKUs match "
                                + "Amazon's prep details."
                        : comparison.differing() + " of " + comparison.compared() + " FBA seller SKUs differ from "
                                + "Amazon's prep details: see Catalog → Data quality.");
            } catch (RuntimeException failure) {
                result.setText(FailureMessages.explain(failure));
            }
        });
        compare.setId("amazon-prep-compare-" + connectionId);
        compare.addThemeVariants(ButtonVariant.TERTIARY);
        Button send = new Button("Send our prep to Amazon", VaadinIcon.UPLOAD.create(), click -> {
            try {
                AmazonPrepService.Sent sent = prep.sendOurs(tenant, connectionId);
                result.setText(sent.sent() + " seller SKU(s) sent to Amazon" + (sent.heldBack().isEmpty() ? "."
                        : "; held back until their prep attributes are complete: " + String.join(" · ",
                                sent.heldBack())) + " Compare again to check.");
            } catch (RuntimeException failure) {
                result.setText(FailureMessages.explain(failure));
            }
        });
        send.setId("amazon-prep-send-" + connectionId);
        send.addThemeVariants(ButtonVariant.TERTIARY);
        setAlignItems(FlexComponent.Alignment.CENTER);
        add(compare, send, result);
    }
}
