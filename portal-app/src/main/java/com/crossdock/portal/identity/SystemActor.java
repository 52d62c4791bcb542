package com.crossdock.portal.identity;

import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs start-up and scheduled work as a named system actor with the platform-admin role, so services keep
 * their method security and audit fields name who acted (for example {@code system:demo}).
 */
public final class SystemActor {

    private SystemActor() {
    }

    public static <T> T call(String purpose, Supplier<T> work) {
        SignedInUser system = new SignedInUser(new UUID(0L, 1L), "system:" + purpose, "Crossdock (" + purpose + ")",
                Set.of(Role.PLATFORM_ADMIN), null);
        return RunAs.call(new CrossdockUserDetails(system, "", true), work);
    }
}
