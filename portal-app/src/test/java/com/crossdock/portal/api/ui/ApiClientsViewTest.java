package com.crossdock.portal.api.ui;

import static com.crossdock.portal.support.ComponentTree.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.crossdock.portal.api.ApiClientService;
import com.crossdock.portal.api.ApiClientView;
import com.crossdock.portal.api.ApiScope;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.BeforeEnterEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The API view without a browser: what a brand admin and a brand user see, with and without clients. */
class ApiClientsViewTest {

    private static final TenantId BRAND = TenantId.random();

    private final ApiClientService clients = mock(ApiClientService.class);
    private final TenantSelection selection = mock(TenantSelection.class);

    @Test
    void withoutClientsTheAdminSeesWhatToDoAndTheCreateButton() {
        when(selection.current()).thenReturn(Optional.of(BRAND));
        when(clients.canManage()).thenReturn(true);
        when(clients.clients(BRAND)).thenReturn(List.of());
        ApiClientsView view = entered();
        assertThat(find(view, "api-new").isVisible()).isTrue();
        assertThat(find(view, "api-empty").getElement().getTextRecursively()).contains("New API client");
        assertThat(find(view, "api-grid").isVisible()).isFalse();
        assertThat(find(view, "api-reference").getElement().getAttribute("href")).isEqualTo("/api/docs");
    }

    @Test
    void aBrandUserSeesTheClientsWithTheirLastUseButCannotCreateOrRevoke() {
        when(selection.current()).thenReturn(Optional.of(BRAND));
        when(clients.canManage()).thenReturn(false);
        ApiClientView erp = new ApiClientView(UUID.randomUUID(), "NetSuite", "cdk_0a1b2c3d…",
                Set.of(ApiScope.ORDERS_READ), "bea", Instant.parse("2026-11-01T10:00:00Z"),
                Instant.parse("2026-11-27T09:30:00Z"), null);
        when(clients.clients(BRAND)).thenReturn(List.of(erp));
        ApiClientsView view = entered();
        assertThat(find(view, "api-new").isVisible()).isFalse();
        @SuppressWarnings("unchecked")
        Grid<ApiClientView> grid = (Grid<ApiClientView>) find(view, "api-grid");
        assertThat(grid.isVisible()).isTrue();
        assertThat(grid.getGenericDataView().getItems()).containsExactly(erp);
        assertThat(ApiClientsView.when(erp.lastUsedAt(), "never")).isEqualTo("2026-11-27 09:30 UTC");
    }

    private ApiClientsView entered() {
        ApiClientsView view = new ApiClientsView(clients, selection);
        view.beforeEnter(mock(BeforeEnterEvent.class));
        return view;
    }
}
