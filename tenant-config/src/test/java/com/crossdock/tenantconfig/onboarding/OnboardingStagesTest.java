package com.crossdock.tenantconfig.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OnboardingStagesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void aTenantNobodyHasSignedIntoIsInvited() {
        assertThat(OnboardingStages.stageOf(OnboardingFacts.newTenant(), TODAY)).isEqualTo(OnboardingStage.INVITED);
    }

    @Test
    void onceABrandUserSignsInTheTenantIsConnectingChannels() {
        var facts = OnboardingFacts.newTenant().withBrandUsersSignedIn(1);
        assertThat(OnboardingStages.stageOf(facts, TODAY)).isEqualTo(OnboardingStage.CONNECTING_CHANNELS);
    }

    @Test
    void eachCompletedStepMovesTheTenantOn() {
        assertThat(stage(new OnboardingFacts(1, 1, false, false, false, GoLiveScope.NONE, null)))
                .isEqualTo(OnboardingStage.MAPPING_CATALOG);
        assertThat(stage(new OnboardingFacts(1, 1, true, false, false, GoLiveScope.NONE, null)))
                .isEqualTo(OnboardingStage.RULES_AND_OWNERSHIP);
        assertThat(stage(new OnboardingFacts(1, 1, true, true, false, GoLiveScope.NONE, null)))
                .isEqualTo(OnboardingStage.UAT);
        assertThat(stage(new OnboardingFacts(1, 1, true, true, true, GoLiveScope.NONE, null)))
                .isEqualTo(OnboardingStage.LIMITED_GO_LIVE);
    }

    @Test
    void aFullyLiveTenantIsInHypercareForFourteenDaysThenLive() {
        var liveTenDaysAgo = new OnboardingFacts(2, 1, true, true, true, GoLiveScope.FULL, TODAY.minusDays(10));
        var liveFourteenDaysAgo = new OnboardingFacts(2, 1, true, true, true, GoLiveScope.FULL, TODAY.minusDays(14));
        assertThat(stage(liveTenDaysAgo)).isEqualTo(OnboardingStage.HYPERCARE);
        assertThat(stage(liveFourteenDaysAgo)).isEqualTo(OnboardingStage.LIVE);
    }

    @Test
    void aFullyLiveTenantNeedsAGoLiveDate() {
        assertThatThrownBy(() -> new OnboardingFacts(1, 1, true, true, true, GoLiveScope.FULL, null))
                .hasMessageContaining("go-live date");
    }

    @Test
    void everyStageTellsWhatToDoNext() {
        for (OnboardingStage stage : OnboardingStage.values()) {
            assertThat(OnboardingStages.nextStep(stage)).isNotBlank();
        }
    }

    private static OnboardingStage stage(OnboardingFacts facts) {
        return OnboardingStages.stageOf(facts, TODAY);
    }
}
