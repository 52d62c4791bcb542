package com.crossdock.portal.uat.ui;

import static com.crossdock.portal.support.ComponentTree.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uat.PickedItem;
import com.crossdock.portal.uat.RunStatus;
import com.crossdock.portal.uat.RunSummary;
import com.crossdock.portal.uat.RunView;
import com.crossdock.portal.uat.ScenarioEntry;
import com.crossdock.portal.uat.SignOffRole;
import com.crossdock.portal.uat.StepOutcome;
import com.crossdock.portal.uat.StepView;
import com.crossdock.portal.uat.UatService;
import com.crossdock.portal.uat.UatStatus;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.uat.ItemKind;
import com.crossdock.tenantconfig.uat.ScenarioLibrary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.BeforeEnterEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UAT view without a browser: the library, what to do without runs, a failed step's reason and sign-off. */
class UatViewTest {

    private static final TenantId BRAND = TenantId.random();
    private static final UUID RUN = UUID.randomUUID();

    private final UatService uat = mock(UatService.class);
    private final TenantSelection selection = mock(TenantSelection.class);

    /** Held here: the current UI is only weakly referenced, and notifications need one. */
    private final UI ui = new UI();

    @BeforeEach
    void aUi() {
        UI.setCurrent(ui);
    }

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
    }

    @Test
    void aRunnerSeesTheLibraryRunAllAndWhatToDoBeforeTheFirstRun() {
        when(uat.canRun()).thenReturn(true);
        when(uat.runs(BRAND, 100)).thenReturn(List.of());
        UatView view = entered();

        @SuppressWarnings("unchecked")
        Grid<ScenarioEntry> scenarios = (Grid<ScenarioEntry>) find(view, "uat-scenarios");
        assertThat(scenarios.getGenericDataView().getItems()).hasSize(ScenarioLibrary.templates().size());
        assertThat(find(view, "uat-run-all").isVisible()).isTrue();
        assertThat(find(view, "uat-runs-empty").getElement().getTextRecursively())
                .contains("No runs yet. Press \"Run\" on a scenario, or \"Run all\"");
        assertThat(find(view, "uat-status").getElement().getTextRecursively()).contains("Not run")
                .contains("run the scenarios in UAT");
    }

    @Test
    void readersSeeRunsButNoRunAll() {
        when(uat.canRun()).thenReturn(false);
        when(uat.runs(BRAND, 100)).thenReturn(List.of());
        UatView view = entered();

        assertThat(find(view, "uat-run-all").isVisible()).isFalse();
        assertThat(find(view, "uat-runs-empty").getElement().getTextRecursively())
                .contains("The brand admin or the account manager runs the scenarios here");
    }

    @Test
    void aStartedRunShowsItsStepsWithAFailedStepsReasonAndNoSignOff() {
        when(uat.canRun()).thenReturn(true);
        when(uat.canSignAs(SignOffRole.BRAND_ADMIN)).thenReturn(true);
        when(uat.startAll(BRAND)).thenReturn(List.of(RUN));
        when(uat.runs(BRAND, 100)).thenReturn(List.of(summary(RunStatus.FAILED)));
        when(uat.run(BRAND, RUN)).thenReturn(run(RunStatus.FAILED, StepOutcome.FAILED,
                "Expected #1001 RELEASED, it is HELD (Unknown SKU X)."));
        UatView view = entered();

        ((Button) find(view, "uat-run-all")).click();

        @SuppressWarnings("unchecked")
        Grid<StepView> steps = (Grid<StepView>) find(view, "uat-steps");
        assertThat(steps.getGenericDataView().getItems()).singleElement().satisfies(step -> {
            assertThat(step.outcome()).isEqualTo(StepOutcome.FAILED);
            assertThat(step.reason()).contains("it is HELD");
            assertThat(step.evidence()).containsKey("Webhook body");
        });
        assertThat(find(view, "uat-picked").getElement().getTextRecursively()).contains("TEE-0 is active");
        assertThat(find(view, "uat-rerun").isVisible()).isTrue();
        assertThat(find(view, "uat-report").getElement().getText()).isEqualTo("Export report");
        assertThat(find(view, "uat-report-pdf").getElement().getText()).isEqualTo("Download PDF");
        assertThatThrownBy(() -> find(view, "uat-sign-brand-admin")).as("a failed run is not signed")
                .hasMessageContaining("no component");
    }

    @Test
    void aBrandAdminSignsAPassingRunInTheirOwnRoleOnly() {
        when(uat.canRun()).thenReturn(true);
        when(uat.canSignAs(SignOffRole.BRAND_ADMIN)).thenReturn(true);
        when(uat.startAll(BRAND)).thenReturn(List.of(RUN));
        when(uat.runs(BRAND, 100)).thenReturn(List.of(summary(RunStatus.PASSED)));
        when(uat.run(BRAND, RUN)).thenReturn(run(RunStatus.PASSED, StepOutcome.PASSED, "As expected: status "
                + "RELEASED."));
        UatView view = entered();
        ((Button) find(view, "uat-run-all")).click();

        ((Button) find(view, "uat-sign-brand-admin")).click();

        verify(uat).signOff(BRAND, RUN, SignOffRole.BRAND_ADMIN);
        assertThatThrownBy(() -> find(view, "uat-sign-account-manager")).hasMessageContaining("no component");
    }

    private UatView entered() {
        when(selection.current()).thenReturn(Optional.of(BRAND));
        when(uat.status(BRAND)).thenReturn(new UatStatus(UatStatus.State.NOT_RUN,
                "No UAT run yet: run the scenarios in UAT", null, List.of()));
        when(uat.library(BRAND)).thenReturn(ScenarioLibrary.templates().stream()
                .map(template -> new ScenarioEntry(template, false, "", 0, null)).toList());
        UatView view = new UatView(uat, selection);
        view.beforeEnter(mock(BeforeEnterEvent.class));
        return view;
    }

    private static RunSummary summary(RunStatus status) {
        return new RunSummary(RUN, "multi-line-order", "Multi-line order", status, 3, "", "uat.admin",
                Instant.now(), Instant.now(), 0);
    }

    private static RunView run(RunStatus status, StepOutcome outcome, String reason) {
        return new RunView(RUN, "multi-line-order", "Multi-line order", status, 3,
                List.of(new PickedItem("A", ItemKind.SELLABLE, "SHOP-TEE-0", Map.of("TEE-0", 1L),
                        "TEE-0 is active and the Shopify store sells it as SHOP-TEE-0")), "Step 1: " + reason,
                "uat.admin", Instant.now(), Instant.now(), Instant.now(), List.of(new StepView(1,
                "Buyer orders three items", "PLACE_ORDER", outcome, List.of("status RELEASED"), reason,
                Map.of("Webhook body", "{\"id\": 1}"), Instant.now(), Instant.now())), List.of());
    }
}
