package com.crossdock.portal.health.ui;

import static com.crossdock.portal.support.ComponentTree.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.crossdock.portal.health.HealthService;
import com.crossdock.portal.health.HypercareReview;
import com.crossdock.portal.provisioning.Provisioning;
import com.crossdock.portal.tenant.TenantSummary;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.tenantconfig.onboarding.OnboardingStage;
import com.crossdock.tenantconfig.tenant.TenantCode;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Hypercare view without a browser: only tenants in limited go-live or hypercare, and what it says without. */
class HypercareViewTest {

    private static final TenantId EARLY = TenantId.random();
    private static final TenantId LIVE_SOON = TenantId.random();

    private final HealthService health = mock(HealthService.class);
    private final TenantSelection selection = mock(TenantSelection.class);

    @Test
    void withoutATenantInGoLiveOrHypercareItSaysTheReviewIsForThoseAndReadsNothing() {
        when(selection.current()).thenReturn(Optional.of(EARLY));
        when(health.hypercareTenants()).thenReturn(List.of());
        HypercareView view = entered();
        assertThat(find(view, "hypercare-empty").getElement().getTextRecursively())
                .contains("limited go-live or hypercare");
        assertThat(find(view, "hypercare-tenant").isVisible()).isFalse();
        assertThat(find(view, "hypercare-grid").isVisible()).isFalse();
        verify(health, never()).hypercare(any(), any());
    }

    @Test
    void theSelectedTenantOutsideHypercareGivesWayToOneInIt() {
        when(selection.current()).thenReturn(Optional.of(EARLY));
        TenantSummary inHypercare = new TenantSummary(LIVE_SOON, "Live Soon", new TenantCode("LIVE"),
                TenantStatus.ACTIVE, null, null, OnboardingStage.HYPERCARE, Provisioning.NOT_REQUIRED);
        when(health.hypercareTenants()).thenReturn(List.of(inHypercare));
        HypercareReview.Line line = new HypercareReview.Line("Orders released to the warehouse", 4, 4, "");
        when(health.hypercare(eq(LIVE_SOON), any(LocalDate.class))).thenReturn(new HypercareReview(LIVE_SOON,
                "Live Soon", LocalDate.now(), List.of(line), List.of()));
        HypercareView view = entered();
        @SuppressWarnings("unchecked")
        Select<TenantSummary> tenants = (Select<TenantSummary>) find(view, "hypercare-tenant");
        assertThat(tenants.getValue()).isEqualTo(inHypercare);
        @SuppressWarnings("unchecked")
        Grid<HypercareReview.Line> lines = (Grid<HypercareReview.Line>) find(view, "hypercare-grid");
        assertThat(lines.isVisible()).isTrue();
        assertThat(lines.getGenericDataView().getItems()).containsExactly(line);
        verify(health, never()).hypercare(eq(EARLY), any());
    }

    private HypercareView entered() {
        HypercareView view = new HypercareView(health, selection);
        view.beforeEnter(mock(BeforeEnterEvent.class));
        return view;
    }
}
