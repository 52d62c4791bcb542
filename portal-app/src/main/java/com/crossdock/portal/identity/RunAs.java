package com.crossdock.portal.identity;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Runs work as an already-authenticated principal and restores the previous security context afterwards.
 *
 * <p>Inside a Vaadin request the security context is read from the Vaadin session before the thread's own, so a
 * context set here would not be seen. Then the work runs on a thread of its own that inherits nothing, where it is;
 * there it joins no transaction or tenant scope of the caller, so it must open its own (system work always does).
 */
public final class RunAs {

    private RunAs() {
    }

    public static <T> T call(UserDetails principal, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = contextOf(principal);
        Authentication authentication = context.getAuthentication();
        SecurityContextHolder.setContext(context);
        try {
            if (SecurityContextHolder.getContext().getAuthentication() == authentication) {
                return work.get();
            }
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        return onOwnThread(principal, work);
    }

    private static <T> T onOwnThread(UserDetails principal, Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                SecurityContextHolder.setContext(contextOf(principal));
                try {
                    return work.get();
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }, command -> Thread.ofVirtual()
                    .inheritInheritableThreadLocals(false).name("run-as-" + principal.getUsername()).start(command))
                    .join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw failed;
        }
    }

    private static SecurityContext contextOf(UserDetails principal) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        return context;
    }
}
