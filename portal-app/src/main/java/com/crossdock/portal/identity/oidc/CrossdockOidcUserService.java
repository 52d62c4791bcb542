package com.crossdock.portal.identity.oidc;

import com.crossdock.portal.identity.IdentityService;
import com.crossdock.portal.identity.SignedInUser;
import com.crossdock.portal.identity.SystemActor;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Completes a Keycloak sign-in: loads the OIDC user (ID token and user info), reads the portal user from its
 * claims, records that user in the portal's database (created at the first sign-in, updated and stamped at
 * every one), and returns a principal that carries the result.
 */
final class CrossdockOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OAuth2UserService<OidcUserRequest, OidcUser> keycloak;
    private final KeycloakClaims claims;
    private final IdentityService identity;

    CrossdockOidcUserService(OAuth2UserService<OidcUserRequest, OidcUser> keycloak, KeycloakClaims claims,
            IdentityService identity) {
        this.keycloak = keycloak;
        this.claims = claims;
        this.identity = identity;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidcUser = keycloak.loadUser(request);
        SignedInUser user = record(oidcUser);
        Set<GrantedAuthority> authorities = new LinkedHashSet<>(oidcUser.getAuthorities());
        user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        return new CrossdockOidcUser(user, authorities, oidcUser.getIdToken(), oidcUser.getUserInfo());
    }

    /** Runs as a system actor: nobody is signed in yet while the sign-in itself is being recorded. */
    private SignedInUser record(OidcUser oidcUser) {
        try {
            return SystemActor.call("keycloak-sign-in", () -> identity.syncExternalUser(
                    claims.signedInUser(oidcUser.getClaims()), KeycloakClaims.email(oidcUser.getClaims())));
        } catch (RuntimeException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("crossdock_user_not_recorded"),
                    "Could not record the sign-in of Keycloak user " + oidcUser.getSubject() + ": " + e.getMessage(),
                    e);
        }
    }
}
