package com.crossdock.portal.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** For a signed-in person who belongs to no tenant and has no 3PL role yet: what it means, what to do. */
@Route(value = "no-access", autoLayout = false)
@PageTitle("No access yet · Crossdock")
@PermitAll
public class NoAccessView extends Div {

    NoAccessView(AuthenticationContext authentication) {
        addClassName("cd-login");
        Div card = new Div();
        card.setId("no-access");
        card.addClassName("cd-login-card");
        card.getStyle().set("max-width", "480px");
        Button signOut = new Button("Sign out", click -> authentication.logout());
        signOut.setId("sign-out");
        card.add(new H2("No access yet"),
                new Paragraph("You are signed in, but you do not belong to a brand and have no role at the 3PL "
                        + "yet, so there is nothing to show."),
                new Paragraph("Ask your account manager (for brand teams) or your platform admin (for 3PL "
                        + "staff) to give you access, then sign in again."),
                signOut);
        add(card);
    }
}
