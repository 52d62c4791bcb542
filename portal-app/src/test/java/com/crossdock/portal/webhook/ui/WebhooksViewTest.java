package com.crossdock.portal.webhook.ui;

import static com.crossdock.portal.support.ComponentTree.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.webhook.DeliveryView;
import com.crossdock.portal.webhook.SubscriptionView;
import com.crossdock.portal.webhook.WebhookService;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.BeforeEnterEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Webhooks view without a browser: subscriptions, a disabled one's reason, the delivery log of a selection. */
class WebhooksViewTest {

    private static final TenantId BRAND = TenantId.random();

    private final WebhookService webhooks = mock(WebhookService.class);
    private final TenantSelection selection = mock(TenantSelection.class);

    @Test
    void withoutSubscriptionsTheAdminSeesWhatToDo() {
        when(selection.current()).thenReturn(Optional.of(BRAND));
        when(webhooks.canManage()).thenReturn(true);
        when(webhooks.subscriptions(BRAND)).thenReturn(List.of());
        WebhooksView view = entered();
        assertThat(find(view, "webhooks-new").isVisible()).isTrue();
        assertThat(find(view, "webhooks-empty").getElement().getTextRecursively()).contains("New subscription");
        assertThat(find(view, "webhooks-deliveries").isVisible()).isFalse();
    }

    @Test
    void selectingASubscriptionShowsItsDeliveryLog() {
        when(selection.current()).thenReturn(Optional.of(BRAND));
        when(webhooks.canManage()).thenReturn(false);
        SubscriptionView disabled = new SubscriptionView(UUID.randomUUID(), "https://erp.example.com/hook",
                List.of("order.released"), false, 20, "20 delivery attempts in a row failed", "bea", Instant.now(), 10,
                10);
        DeliveryView delivery = new DeliveryView(UUID.randomUUID(), UUID.randomUUID(), "order.released", "PENDING",
                20, 503, null, Instant.now(), Instant.now(), null,
                List.of(new DeliveryView.Attempt(Instant.now(), 503, null, 12)));
        when(webhooks.subscriptions(BRAND)).thenReturn(List.of(disabled));
        when(webhooks.deliveries(BRAND, disabled.id(), 100)).thenReturn(List.of(delivery));
        WebhooksView view = entered();
        assertThat(find(view, "webhooks-new").isVisible()).isFalse();
        @SuppressWarnings("unchecked")
        Grid<SubscriptionView> subscriptions = (Grid<SubscriptionView>) find(view, "webhooks-grid");
        subscriptions.select(disabled);
        @SuppressWarnings("unchecked")
        Grid<DeliveryView> log = (Grid<DeliveryView>) find(view, "webhooks-deliveries");
        assertThat(log.isVisible()).isTrue();
        assertThat(log.getGenericDataView().getItems()).containsExactly(delivery);
    }

    private WebhooksView entered() {
        WebhooksView view = new WebhooksView(webhooks, selection);
        view.beforeEnter(mock(BeforeEnterEvent.class));
        return view;
    }
}
