package com.crossdock.portal.identity;

import com.crossdock.tenantconfig.tenant.TenantId;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Local sign-in (the embedded default): users and bcrypt hashes from the database. */
@Service
class LocalUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;

    LocalUserDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = users.findByUsernameIgnoreCase(username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
        return new CrossdockUserDetails(toSignedIn(account), account.passwordHash(), account.enabled());
    }

    static SignedInUser toSignedIn(UserAccount account) {
        return new SignedInUser(account.id(), account.username(), account.displayName(), account.roles(),
                account.tenantId() == null ? null : new TenantId(account.tenantId()));
    }
}
