package com.crossdock.portal.support;

import com.crossdock.portal.identity.RunAs;
import java.util.function.Supplier;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Runs test code as a real user loaded from the database, the way a sign-in would. */
public final class AsUser {

    private AsUser() {
    }

    public static <T> T call(UserDetailsService users, String username, Supplier<T> work) {
        return RunAs.call(users.loadUserByUsername(username), work);
    }

    public static void run(UserDetailsService users, String username, Runnable work) {
        call(users, username, () -> {
            work.run();
            return Boolean.TRUE;
        });
    }
}
