package com.crossdock.portal.identity.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A failed Keycloak sign-in (an error from Keycloak, a rejected token, a user that could not be recorded) ends on
 * a short page with a way to try again. Redirecting to the sign-in start instead would loop: Keycloak still has a
 * session, answers at once, and the same failure repeats.
 */
final class SignInFailureHandler implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInFailureHandler.class);

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign-in failed · Crossdock</title></head>
            <body style="font-family: sans-serif; max-width: 36rem; margin: 4rem auto; line-height: 1.5">
            <h1 id="sign-in-failed">Sign-in did not work</h1>
            <p>Crossdock could not complete your sign-in through the company sign-in page. Nothing was changed.</p>
            <p><a href="%s">Try again</a>. If it keeps failing, tell your platform admin the time it happened.</p>
            </body></html>
            """;

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        log.warn("Sign-in through Keycloak failed: {}", exception.getMessage(), exception);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(PAGE.formatted(request.getContextPath() + "/"));
    }
}
