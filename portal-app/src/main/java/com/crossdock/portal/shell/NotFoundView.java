package com.crossdock.portal.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address that does not exist, or that the person may not open (Vaadin answers both the same way, so a page's
 * existence does not leak): says so and offers the way back.
 */
@AnonymousAllowed
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    NotFoundView() {
        addClassName("cd-login");
        Div card = new Div();
        card.setId("not-found");
        card.addClassName("cd-login-card");
        card.getStyle().set("max-width", "480px");
        card.add(new H2("Nothing to show here"),
                new Paragraph("This page does not exist, or your role does not include it. Start again from your "
                        + "start page, or ask your platform admin if you need access."),
                new Anchor("", "Go to your start page"));
        add(card);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
