package com.crossdock.portal.shell;

import com.crossdock.portal.api.ui.ApiClientsView;
import com.crossdock.portal.catalog.ui.BundlesView;
import com.crossdock.portal.catalog.ui.CatalogView;
import com.crossdock.portal.catalog.ui.DataQualityView;
import com.crossdock.portal.catalog.ui.ImportView;
import com.crossdock.portal.channel.ui.ChannelsView;
import com.crossdock.portal.governance.ui.SetupView;
import com.crossdock.portal.health.ui.HealthView;
import com.crossdock.portal.health.ui.HypercareView;
import com.crossdock.portal.health.ui.LeadershipView;
import com.crossdock.portal.health.ui.PortfolioView;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SignedInUser;
import com.crossdock.portal.receiving.ui.ReceivingView;
import com.crossdock.portal.returns.ui.ReturnsView;
import com.crossdock.portal.sync.ui.ExceptionsView;
import com.crossdock.portal.sync.ui.FlowsView;
import com.crossdock.portal.sync.ui.GoLiveView;
import com.crossdock.portal.sync.ui.OrdersView;
import com.crossdock.portal.sync.ui.StockView;
import com.crossdock.portal.tenant.ui.AuditView;
import com.crossdock.portal.tenant.ui.OverviewView;
import com.crossdock.portal.tenant.ui.TenantsView;
import com.crossdock.portal.warehouse.ui.DocumentsView;
import com.crossdock.portal.warehouse.ui.WarehouseView;
import com.crossdock.portal.webhook.ui.WebhooksView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.function.Predicate;

/**
 * The sections of the portal and who sees each. A section is listed here only once its view works; the views'
 * own access annotations enforce the same rule on the server.
 */
final class Navigation {

    record Section(String id, String label, VaadinIcon icon, Class<? extends Component> view,
            Predicate<SignedInUser> visibleTo) {
    }

    static final List<Section> SECTIONS = List.of(
            new Section("nav-overview", "Overview", VaadinIcon.DASHBOARD, OverviewView.class,
                    user -> !user.hasNoAccess()),
            new Section("nav-health", "Health", VaadinIcon.HEART, HealthView.class,
                    user -> !user.hasNoAccess()),
            new Section("nav-hypercare", "Hypercare review", VaadinIcon.CLIPBOARD_CHECK, HypercareView.class,
                    user -> !user.hasNoAccess()),
            new Section("nav-channels", "Channels", VaadinIcon.CONNECT, ChannelsView.class,
                    user -> !user.hasNoAccess()),
            new Section("nav-flows", "Flows", VaadinIcon.EXCHANGE, FlowsView.class,
                    user -> !user.hasNoAccess()),
            new Section("nav-catalog", "Catalog", VaadinIcon.PACKAGE, CatalogView.class,
                    user -> !user.hasNoAccess()),
            new Section("nav-bundles", "Bundles", VaadinIcon.CUBES, BundlesView.class,
                    user -> !user.hasNoAccess()),
            new Section("nav-import", "Import & export", VaadinIcon.UPLOAD, ImportView.class,
                    user -> !user.hasNoAccess()),
            new Section("nav-quality", "Data quality", VaadinIcon.CHECK_SQUARE_O, DataQualityView.class,
                    user -> !user.hasNoAccess()),
            new Section("nav-orders", "Orders", VaadinIcon.CART, OrdersView.class,
                    user -> !user.hasNoAccess()),
            new Section("nav-exceptions", "Exceptions", VaadinIcon.WARNING, ExceptionsView.class,
                    user -> !user.hasNoAccess()),
            new Section("nav-stock", "Stock", VaadinIcon.STOCK, StockView.class,
                    user -> !user.hasNoAccess()),
            new Section("nav-receiving", "Receiving", VaadinIcon.TRUCK, ReceivingView.class,
                    user -> !user.hasNoAccess()),
            new Section("nav-returns", "Returns", VaadinIcon.ARROW_BACKWARD, ReturnsView.class,
                    user -> !user.hasNoAccess()),
            new Section("nav-documents", "Documents", VaadinIcon.FILE_TEXT_O, DocumentsView.class,
                    user -> !user.hasNoAccess()),
            new Section("nav-setup", "Setup", VaadinIcon.COG, SetupView.class,
                    user -> !user.hasNoAccess()),
            new Section("nav-uat", "UAT", VaadinIcon.CHECK_CIRCLE_O, com.crossdock.portal.uat.ui.UatView.class,
                    user -> !user.hasNoAccess()),
            new Section("nav-golive", "Go-live", VaadinIcon.ROCKET, GoLiveView.class,
                    user -> !user.hasNoAccess()),
            new Section("nav-api", "API", VaadinIcon.CODE, ApiClientsView.class,
                    user -> !user.hasNoAccess() && user.homeTenant() != null),
            new Section("nav-webhooks", "Webhooks", VaadinIcon.PAPERPLANE, WebhooksView.class,
                    user -> !user.hasNoAccess() && user.homeTenant() != null),
            new Section("nav-portfolio", "Portfolio", VaadinIcon.BRIEFCASE, PortfolioView.class,
                    user -> user.isThreePlStaff() && (user.has(Role.PLATFORM_ADMIN)
                            || user.has(Role.ACCOUNT_MANAGER))),
            new Section("nav-leadership", "Leadership", VaadinIcon.CHART_GRID, LeadershipView.class,
                    user -> !user.hasNoAccess() && (user.has(Role.LEADERSHIP_VIEWER)
                            || (user.isThreePlStaff() && user.has(Role.PLATFORM_ADMIN)))),
            new Section("nav-warehouse", "Warehouse", VaadinIcon.STORAGE, WarehouseView.class,
                    user -> user.isThreePlStaff() && (user.has(Role.PLATFORM_ADMIN)
                            || user.has(Role.ACCOUNT_MANAGER))),
            new Section("nav-tenants", "Tenants", VaadinIcon.BUILDING, TenantsView.class,
                    user -> user.isThreePlStaff() && (user.has(Role.PLATFORM_ADMIN) || user.has(Role.ACCOUNT_MANAGER)
                            || user.has(Role.LEADERSHIP_VIEWER))),
            new Section("nav-audit", "Audit", VaadinIcon.CLIPBOARD_TEXT, AuditView.class,
                    user -> !user.hasNoAccess() && (user.has(Role.PLATFORM_ADMIN) || user.has(Role.ACCOUNT_MANAGER)
                            || (user.homeTenant() != null && user.has(Role.BRAND_ADMIN)))));

    private Navigation() {
    }

    static List<Section> visibleTo(SignedInUser user) {
        return SECTIONS.stream().filter(section -> section.visibleTo().test(user)).toList();
    }

    /** Whether the tenant switcher is shown: to the 3PL's people, never to a brand's. */
    static boolean showsTenantSwitcher(SignedInUser user) {
        return user.isThreePlStaff();
    }
}
