package com.crossdock.portal.identity;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records each successful sign-in: the first one moves a tenant out of "Invited". */
@Component
class SignInRecorder {

    private final UserAccountRepository users;
    private final Clock clock;

    SignInRecorder(UserAccountRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onSignIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CrossdockUserDetails details) {
            users.findById(details.user().id()).ifPresent(account -> account.signedInAt(clock.instant()));
        }
    }
}
