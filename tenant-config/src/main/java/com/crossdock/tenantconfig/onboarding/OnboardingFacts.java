package com.crossdock.tenantconfig.onboarding;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the portal knows about a tenant's data, from which its onboarding stage follows.
 *
 * @param brandUsersSignedIn  how many of the brand's people have signed in at least once
 * @param connectedChannels   channel connections that passed their connection test
 * @param catalogReady        master data is clean and every active SKU is mapped on every connected channel
 * @param rulesReady          source of truth, ship methods and exception owners are all set
 * @param uatSignedOff        a passing UAT run is signed by the brand admin and the account manager
 * @param liveScope           how much is live
 * @param fullyLiveSince      the day the full scope went live, when it has
 */
public record OnboardingFacts(
        int brandUsersSignedIn,
        int connectedChannels,
        boolean catalogReady,
        boolean rulesReady,
        boolean uatSignedOff,
        GoLiveScope liveScope,
        @Nullable LocalDate fullyLiveSince) {

    public OnboardingFacts {
        if (brandUsersSignedIn < 0 || connectedChannels < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
        Objects.requireNonNull(liveScope, "liveScope");
        if (liveScope == GoLiveScope.FULL && fullyLiveSince == null) {
            throw new IllegalArgumentException("a fully live tenant has a go-live date");
        }
    }

    /** The facts of a tenant that exists and nothing more. */
    public static OnboardingFacts newTenant() {
        return new OnboardingFacts(0, 0, false, false, false, GoLiveScope.NONE, null);
    }

    public OnboardingFacts withBrandUsersSignedIn(int count) {
        return new OnboardingFacts(count, connectedChannels, catalogReady, rulesReady, uatSignedOff, liveScope,
                fullyLiveSince);
    }
}
