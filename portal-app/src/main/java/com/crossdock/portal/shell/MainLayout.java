package com.crossdock.portal.shell;

import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SignedInUser;
import com.crossdock.portal.tenant.Branding;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.portal.tenant.TenantSummary;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;

/**
 * The shell around every signed-in view: navigation by role, the tenant switcher for the 3PL's people, the
 * signed-in user, sign-out, and the selected tenant's branding (accent colour and logo).
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements BeforeEnterObserver, AfterNavigationObserver {

    private final TenantService tenants;
    private final TenantSelection selection;
    private final SignedInUser user;
    private final H1 viewTitle = new H1();
    private final Div brand = new Div();
    private final ComboBox<TenantSummary> switcher = new ComboBox<>();

    MainLayout(TenantService tenants, TenantSelection selection, AuthenticationContext authentication,
            ServerProperties server) {
        this.tenants = tenants;
        this.selection = selection;
        this.user = CurrentUser.require();
        setPrimarySection(Section.DRAWER);

        brand.addClassName("cd-brand");
        addToDrawer(brand, navigation());

        viewTitle.addClassName("cd-header-title");
        Div header = new Div(new DrawerToggle(), viewTitle);
        header.addClassName("cd-header");
        if (Navigation.showsTenantSwitcher(user)) {
            header.add(tenantSwitcher());
        }
        Span name = new Span(user.displayName());
        name.setId("current-user");
        name.addClassName("cd-user");
        Span role = new Span(user.primaryRole().map(Role::label).orElse("No role"));
        role.addClassName("cd-role-badge");
        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.TERTIARY);
        header.add(name, role, signOut);
        addToNavbar(true, header, new IdleWarning(sessionTimeout(server)));
    }

    private static Duration sessionTimeout(ServerProperties server) {
        Duration timeout = server.getServlet().getSession().getTimeout();
        return timeout != null ? timeout : Duration.ofMinutes(30);
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("side-nav");
        for (Navigation.Section section : Navigation.visibleTo(user)) {
            SideNavItem item = new SideNavItem(section.label(), section.view(), section.icon().create());
            item.setId(section.id());
            nav.addItem(item);
        }
        return nav;
    }

    private ComboBox<TenantSummary> tenantSwitcher() {
        switcher.setId("tenant-switcher");
        switcher.setPlaceholder("Choose a tenant");
        switcher.setAriaLabel("Tenant");
        switcher.setItemLabelGenerator(t -> t.name() + " (" + t.code() + ")");
        switcher.setWidth("280px");
        switcher.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                selection.select(change.getValue().id());
                UI.getCurrent().refreshCurrentRoute(false);
            }
        });
        return switcher;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (user.hasNoAccess()) {
            event.forwardTo(NoAccessView.class);
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(currentTitle());
        Optional<TenantId> current = selection.current();
        if (Navigation.showsTenantSwitcher(user)) {
            List<TenantSummary> visible = tenants.visibleTenants();
            switcher.setItems(visible);
            switcher.setValue(current.flatMap(id -> visible.stream().filter(t -> t.id().equals(id)).findFirst())
                    .orElse(null));
        }
        // white-labelling is for the brand's own people; the 3PL's staff keep the Crossdock look
        applyBranding(user.home().map(tenants::branding));
    }

    private String currentTitle() {
        PageTitle title = getContent() == null ? null : getContent().getClass().getAnnotation(PageTitle.class);
        return title == null ? "" : title.value().replace(" · Crossdock", "");
    }

    private void applyBranding(Optional<Branding> branding) {
        brand.removeAll();
        if (branding.isPresent() && branding.get().hasLogo()) {
            Branding b = branding.get();
            Image logo = new Image(DownloadHandler.fromInputStream(download -> new DownloadResponse(
                    new ByteArrayInputStream(b.logo()), "logo", b.logoContentType(), b.logo().length)),
                    b.tenantName() + " logo");
            logo.addClassName("cd-brand-logo");
            logo.setId("tenant-logo");
            brand.add(logo);
        } else {
            Span mark = new Span("CD");
            mark.addClassName("cd-brand-mark");
            brand.add(mark, new Span("Crossdock"));
        }
        String accent = branding.map(Branding::accentColor).orElse(null);
        getElement().executeJs(accent == null
                ? "document.documentElement.style.removeProperty('--crossdock-accent')"
                : "document.documentElement.style.setProperty('--crossdock-accent', $0)", accent);
    }
}
