package com.crossdock.portal.channel;

import java.util.List;

/**
 * What "Test connection" found: whether the store answered with the token, the access scopes the app has, and
 * those Crossdock needs that it lacks.
 *
 * @param message what to do next, in words
 */
public record ConnectionTest(boolean reached, List<String> grantedScopes, List<String> missingScopes, String message) {

    public ConnectionTest {
        grantedScopes = List.copyOf(grantedScopes);
        missingScopes = List.copyOf(missingScopes);
    }

    /** Reached, with every scope Crossdock needs. */
    public boolean ok() {
        return reached && missingScopes.isEmpty();
    }
}
