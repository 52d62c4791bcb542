package com.crossdock.tenantconfig.onboarding;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * Computes a tenant's onboarding stage from its data. The stages follow the field guide: a tenant moves on
 * only when the data shows the previous step is done, never because someone set a status.
 */
public final class OnboardingStages {

    /** How long a fully live tenant stays in daily hypercare review before it counts as live. */
    public static final Period HYPERCARE = Period.ofDays(14);

    private OnboardingStages() {
    }

    /** The stage that {@code facts} put a tenant in on {@code today}. */
    public static OnboardingStage stageOf(OnboardingFacts facts, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (facts.liveScope() == GoLiveScope.FULL && facts.fullyLiveSince() != null) {
            boolean stabilised = !today.isBefore(facts.fullyLiveSince().plus(HYPERCARE));
            return stabilised ? OnboardingStage.LIVE : OnboardingStage.HYPERCARE;
        }
        if (facts.liveScope() == GoLiveScope.PARTIAL) {
            return OnboardingStage.LIMITED_GO_LIVE;
        }
        if (facts.brandUsersSignedIn() == 0) {
            return OnboardingStage.INVITED;
        }
        if (facts.connectedChannels() == 0) {
            return OnboardingStage.CONNECTING_CHANNELS;
        }
        if (!facts.catalogReady()) {
            return OnboardingStage.MAPPING_CATALOG;
        }
        if (!facts.rulesReady()) {
            return OnboardingStage.RULES_AND_OWNERSHIP;
        }
        return facts.uatSignedOff() ? OnboardingStage.LIMITED_GO_LIVE : OnboardingStage.UAT;
    }

    /** What the tenant's people should do next to leave {@code stage}, in words for the Overview. */
    public static String nextStep(OnboardingStage stage) {
        return switch (stage) {
            case INVITED -> "Waiting for the brand's team to sign in for the first time. "
                    + "The account manager can resend the invitation.";
            case CONNECTING_CHANNELS -> "Connect your first sales channel (Shopify, Amazon, Walmart or an EDI "
                    + "partner) and run its connection test.";
            case MAPPING_CATALOG -> "Load the item master and map every active SKU on each connected channel.";
            case RULES_AND_OWNERSHIP -> "Choose the owner of each data type, map every shipping method and "
                    + "name an owner for each exception queue.";
            case UAT -> "Run the UAT scenarios on your own SKUs until they pass, then sign off with your "
                    + "account manager.";
            case LIMITED_GO_LIVE -> "Go live on a first channel or a subset of SKUs and watch the shadow "
                    + "comparison before widening the scope.";
            case HYPERCARE -> "Review the daily hypercare report: expected vs imported orders, shipped vs "
                    + "tracking posted, held inventory.";
            case LIVE -> "Watch sync health and work the exceptions your team owns.";
        };
    }
}
