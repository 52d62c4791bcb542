package com.crossdock.tenantconfig.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class OnboardingStagesPropertyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Property
    void completingAnotherStepNeverMovesATenantBack(@ForAll("preLiveFacts") OnboardingFacts facts) {
        OnboardingStage before = OnboardingStages.stageOf(facts, TODAY);
        OnboardingFacts more = new OnboardingFacts(facts.brandUsersSignedIn() + 1, facts.connectedChannels() + 1,
                facts.catalogReady(), facts.rulesReady(), facts.uatSignedOff(), facts.liveScope(), null);
        assertThat(OnboardingStages.stageOf(more, TODAY)).isGreaterThanOrEqualTo(before);
    }

    @Property
    void withoutAnyoneSigningInNothingBeforeGoLiveCounts(@ForAll("preLiveFacts") OnboardingFacts facts) {
        OnboardingFacts nobody = new OnboardingFacts(0, facts.connectedChannels(), facts.catalogReady(),
                facts.rulesReady(), facts.uatSignedOff(), GoLiveScope.NONE, null);
        assertThat(OnboardingStages.stageOf(nobody, TODAY)).isEqualTo(OnboardingStage.INVITED);
    }

    @Provide
    Arbitrary<OnboardingFacts> preLiveFacts() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as((users, channels, catalog, rules, uat) ->
                        new OnboardingFacts(users, channels, catalog, rules, uat, GoLiveScope.NONE, null));
    }
}
