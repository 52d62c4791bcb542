package com.crossdock.portal.shell;

import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.identity.SignedInUser;
import com.crossdock.portal.tenant.ui.OverviewView;
import com.crossdock.portal.tenant.ui.TenantsView;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The root address: sends each person to where their work starts. */
@Route(value = "", autoLayout = false)
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SignedInUser user = CurrentUser.require();
        if (user.hasNoAccess()) {
            event.forwardTo(NoAccessView.class);
        } else if (user.isThreePlStaff()) {
            event.forwardTo(TenantsView.class);
        } else {
            event.forwardTo(OverviewView.class);
        }
    }
}
