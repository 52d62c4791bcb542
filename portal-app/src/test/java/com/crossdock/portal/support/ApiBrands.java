package com.crossdock.portal.support;

import com.crossdock.portal.api.ApiClientService;
import com.crossdock.portal.api.ApiScope;
import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.identity.IdentityService;
import com.crossdock.portal.identity.NewUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.sync.InventoryPosition;
import com.crossdock.portal.sync.WarehouseFeedback;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A brand for API tests: a tenant with a brand admin, catalog items, a sandbox Shopify connection, the warehouse's
 * stock, and an API client with every scope whose key the test keeps.
 */
public record ApiBrands(TenantId tenant, String admin, UUID connection, String key) {

    /** Seeds a brand through the services of {@code context}. */
    public static ApiBrands seed(ApplicationContext context, String name, List<String> skus) {
        TenantService tenants = context.getBean(TenantService.class);
        IdentityService identity = context.getBean(IdentityService.class);
        CatalogService catalog = context.getBean(CatalogService.class);
        ChannelService channels = context.getBean(ChannelService.class);
        WarehouseFeedback warehouse = context.getBean(WarehouseFeedback.class);
        ApiClientService clients = context.getBean(ApiClientService.class);
        UserDetailsService users = context.getBean(UserDetailsService.class);
        String code = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        String admin = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + ".admin";
        record Seeded(TenantId tenant, UUID connection) {
        }
        Seeded seeded = SystemActor.call("test", () -> {
            TenantId tenant = tenants.create(new TenantCommand(name, code, TenantStatus.ACTIVE, null, null)).id();
            identity.createUser(new NewUser(admin, name + " admin", null, "long-password-" + code, Set.of(
                    Role.BRAND_ADMIN), tenant));
            for (String sku : skus) {
                catalog.save(tenant, null, new ItemCommand(sku, sku + " item", ItemStatus.ACTIVE, false, false, false,
                        false, List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                        List.<AliasLine>of()), 0);
            }
            UUID connection = channels.connectShopify(tenant, new ShopifyConnectionCommand(name + " store",
                    code.toLowerCase(Locale.ROOT) + "-api.myshopify.com", "2026-07", ChannelMode.SANDBOX,
                    "shpat_0123456789abcdef" + code.toLowerCase(Locale.ROOT), "secret-" + code)).id();
            warehouse.recordInventory(tenant, skus.stream().map(sku -> new InventoryPosition(sku, 10, 8)).toList(),
                    "TEST", Instant.now());
            return new Seeded(tenant, connection);
        });
        String key = AsUser.call(users, admin, () -> clients.create(seeded.tenant(), name + " ERP",
                EnumSet.allOf(ApiScope.class)).key());
        return new ApiBrands(seeded.tenant(), admin, seeded.connection(), key);
    }
}
