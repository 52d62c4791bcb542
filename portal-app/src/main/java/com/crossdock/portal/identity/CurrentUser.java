package com.crossdock.portal.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user of the running call, read from Spring Security's context (Vaadin keeps it per UI session). */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The signed-in user of a local or a Keycloak sign-in; empty when the call is anonymous. */
    public static Optional<SignedInUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        return switch (authentication.getPrincipal()) {
            case SignedInPrincipal principal -> Optional.of(principal.user());
            case CrossdockUserDetails details -> Optional.of(details.user());
            case null, default -> Optional.empty();
        };
    }

    /** The signed-in user; fails when the call is anonymous. */
    public static SignedInUser require() {
        return find().orElseThrow(() -> new IllegalStateException("This call needs a signed-in user"));
    }

    /** Who to record as the actor of a change: the username, or {@code system} outside a user's call. */
    public static String actor() {
        return find().map(SignedInUser::username).orElse("system");
    }

    /** A Spring Security principal that carries the signed-in user (the principal of a Keycloak sign-in). */
    public interface SignedInPrincipal {

        SignedInUser user();
    }
}
