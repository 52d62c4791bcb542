package com.crossdock.portal.identity.oidc;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * What the web security configuration needs for Keycloak sign-in (only present in {@code keycloak} mode): where
 * sign-in starts, how the signed-in user is loaded, what a failure shows, and where Keycloak returns people after
 * they signed out.
 */
public final class KeycloakSignIn {

    /** The id of the one client registration, part of the sign-in and callback paths. */
    static final String REGISTRATION_ID = "keycloak";

    /** The path that starts a sign-in through Keycloak. */
    public static final String SIGN_IN_PATH =
            OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/" + REGISTRATION_ID;

    /**
     * Where Keycloak sends people after RP-initiated logout: the portal's root, which starts a new sign-in.
     * Keycloak accepts it because the client's post-logout redirect URIs follow its redirect URIs ({@code +}).
     */
    public static final String POST_LOGOUT_REDIRECT_URI = "{baseUrl}/";

    private final OAuth2UserService<OidcUserRequest, OidcUser> users;
    private final AuthenticationFailureHandler failures;

    KeycloakSignIn(OAuth2UserService<OidcUserRequest, OidcUser> users, AuthenticationFailureHandler failures) {
        this.users = users;
        this.failures = failures;
    }

    /** The path that starts a sign-in: it redirects to Keycloak's sign-in page. */
    public String loginPage() {
        return SIGN_IN_PATH;
    }

    /** Loads the portal user at sign-in and shows a page instead of looping when sign-in fails. */
    public void configure(OAuth2LoginConfigurer<HttpSecurity> login) {
        login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
                .failureHandler(failures);
    }
}
