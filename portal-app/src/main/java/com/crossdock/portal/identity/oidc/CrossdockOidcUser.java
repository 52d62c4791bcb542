package com.crossdock.portal.identity.oidc;

import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.identity.SignedInUser;
import java.util.Collection;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * The Spring Security principal of a Keycloak sign-in: the OIDC user (its ID token is what RP-initiated logout
 * sends back to Keycloak) carrying the same {@link SignedInUser} a local sign-in carries.
 */
final class CrossdockOidcUser extends DefaultOidcUser implements CurrentUser.SignedInPrincipal {

    private final SignedInUser user;

    CrossdockOidcUser(SignedInUser user, Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
            @Nullable OidcUserInfo userInfo) {
        super(authorities, idToken, userInfo, IdTokenClaimNames.SUB);
        this.user = user;
    }

    @Override
    public SignedInUser user() {
        return user;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof CrossdockOidcUser that && super.equals(that) && user.equals(that.user);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), user);
    }
}
