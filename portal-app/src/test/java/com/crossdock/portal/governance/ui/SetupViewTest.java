package com.crossdock.portal.governance.ui;

import static com.crossdock.portal.support.ComponentTree.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.portal.governance.OwnershipMatrix;
import com.crossdock.portal.governance.ReadinessItem;
import com.crossdock.portal.governance.SetupValidationException;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.truth.DataType;
import com.crossdock.tenantconfig.truth.OwnershipRules;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Setup view and the Overview's readiness card without a browser. */
class SetupViewTest {

    private static final TenantId BRAND = TenantId.random();
    private static final OwnershipMatrix DEFAULTS = new OwnershipMatrix(0, false, Arrays.stream(DataType.values())
            .map(type -> new OwnershipMatrix.Entry(type, OwnershipRules.DEFAULTS.get(type), true, null, null))
            .toList());

    private final GovernanceService governance = mock(GovernanceService.class);
    private final TenantSelection selection = mock(TenantSelection.class);

    @Test
    void aBrandAdminSeesTheDefaultOwnersTheFormAndWhatToDoWithoutMappings() {
        when(governance.canEdit()).thenReturn(true);
        SetupView view = entered();
        assertThat(find(view, "setup-version").getElement().getText()).contains("version 0");
        @SuppressWarnings("unchecked")
        Grid<OwnershipMatrix.Entry> matrix = (Grid<OwnershipMatrix.Entry>) find(view, "setup-matrix");
        assertThat(matrix.getGenericDataView().getItems()).hasSize(DataType.values().length);
        assertThat(matrix.getColumnByKey("enforced").getHeaderText()).isEqualTo("What Crossdock enforces");
        assertThat(matrix.getGenericDataView().getItems().map(OwnershipMatrix.Entry::enforced))
                .as("one line per kind of data, for its owner")
                .contains("Cancellations from the stores are applied; the warehouse is asked to stop the order.")
                .allSatisfy(line -> assertThat(line).isNotBlank());
        assertThat(find(view, "setup-ship-add").isVisible()).isTrue();
        assertThat(find(view, "setup-ship-grid-empty").getElement().getTextRecursively())
                .contains("No ship methods mapped yet. Enter the store's shipping method");
    }

    @Test
    void aRefusedMappingShowsWhatToFixOnEachField() {
        when(governance.canEdit()).thenReturn(true);
        when(governance.saveShipMethod(eq(BRAND), any(), anyLong())).thenThrow(new SetupValidationException(Map.of(
                "carrierScac", "Enter the carrier's SCAC", "serviceCode", "Enter the warehouse's service code")));
        SetupView view = entered();
        ((Button) find(view, "setup-ship-add")).click();
        TextField carrier = (TextField) find(view, "setup-ship-carrier");
        assertThat(carrier.isInvalid()).isTrue();
        assertThat(carrier.getErrorMessage()).isEqualTo("Enter the carrier's SCAC");
        assertThat(((TextField) find(view, "setup-ship-service")).isInvalid()).isTrue();
        assertThat(((TextField) find(view, "setup-ship-level")).isInvalid()).isFalse();
    }

    @Test
    void othersReadWithoutTheForm() {
        when(governance.canEdit()).thenReturn(false);
        SetupView view = entered();
        assertThat(find(view, "setup-ship-add").isVisible()).isFalse();
        assertThat(find(view, "setup-ship-grid-empty").getElement().getTextRecursively())
                .contains("A brand admin maps");
    }

    @Test
    void theReadinessCardListsEachItemWithItsReasonAndWhereItIsFixed() {
        when(governance.readiness(BRAND)).thenReturn(List.of(
                new ReadinessItem("channels", "Channels connected", true, "1 channel connection(s)", "channels"),
                new ReadinessItem("ship-methods", "Ship methods mapped", false, "Not mapped yet: EXPRESS", "setup")));
        var card = new ReadinessCard(governance).card(BRAND);
        assertThat(find(card, "readiness-score").getElement().getText()).isEqualTo("1 of 2 readiness items pass");
        var failing = find(card, "readiness-ship-methods");
        assertThat(failing.getElement().getAttribute("data-passed")).isEqualTo("false");
        assertThat(failing.getElement().getTextRecursively()).contains("Not mapped yet: EXPRESS").contains("Fix");
        assertThat(failing.getElement().getChild(2).getAttribute("href")).isEqualTo("setup");
    }

    private SetupView entered() {
        when(selection.current()).thenReturn(Optional.of(BRAND));
        when(governance.matrix(BRAND)).thenReturn(DEFAULTS);
        when(governance.shipMethods(BRAND)).thenReturn(List.of());
        SetupView view = new SetupView(governance, selection);
        view.beforeEnter(mock(BeforeEnterEvent.class));
        return view;
    }
}
