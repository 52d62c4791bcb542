package com.crossdock.tenantconfig.onboarding;

/** Where a tenant stands on its way to go-live, in order. Computed by {@link OnboardingStages}. */
public enum OnboardingStage {
    INVITED("Invited"),
    CONNECTING_CHANNELS("Connecting channels"),
    MAPPING_CATALOG("Mapping catalog"),
    RULES_AND_OWNERSHIP("Rules and ownership"),
    UAT("UAT"),
    LIMITED_GO_LIVE("Limited go-live"),
    HYPERCARE("Hypercare"),
    LIVE("Live");

    private final String label;

    OnboardingStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
