package com.crossdock.portal.api;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The API client of the running call, set by {@link ApiKeyFilter}. */
final class Callers {

    private Callers() {
    }

    static ApiCaller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ApiCaller caller) {
            return caller;
        }
        throw new IllegalStateException("An API endpoint ran without an API client");
    }
}
