package com.crossdock.portal.shell;

import com.crossdock.portal.identity.oidc.IdentityProperties;
import com.crossdock.portal.identity.oidc.KeycloakSignIn;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Local sign-in (the embedded default). */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Crossdock")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    LoginView(IdentityProperties identity) {
        addClassName("cd-login");
        login.setId("login-form");
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in to Crossdock");
        i18n.getErrorMessage().setTitle("Wrong username or password");
        i18n.getErrorMessage().setMessage("Check both and try again. Demo users are listed in the console "
                + "where Crossdock was started.");
        login.setI18n(i18n);
        Paragraph hint = new Paragraph("The 3PL integration portal: onboard brands, connect channels, "
                + "prove the setup, watch sync health.");
        hint.addClassName("cd-muted");
        hint.getStyle().set("max-width", "320px").set("margin", "0 var(--lumo-space-l)");
        Div card = new Div();
        card.addClassName("cd-login-card");
        if (identity.keycloak()) {
            // single sign-on: the portal's own form cannot sign anyone in here
            Anchor sso = new Anchor(KeycloakSignIn.SIGN_IN_PATH.substring(1), "Sign in with single sign-on");
            sso.setId("sso-sign-in");
            sso.setRouterIgnore(true);
            sso.addClassName("cd-sso-button");
            card.add(new H2("Sign in to Crossdock"), sso, hint);
        } else {
            card.add(login, hint);
        }
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
