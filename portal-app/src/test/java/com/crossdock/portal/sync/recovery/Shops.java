package com.crossdock.portal.sync.recovery;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Seeds a tenant with a catalog that knows the stream's SKUs (SHOP-0 to SHOP-4) and a sandbox Shopify store. */
final class Shops {

    private Shops() {
    }

    static Shop open(Portal portal, String name) {
        TenantService tenants = portal.bean(TenantService.class);
        CatalogService catalog = portal.bean(CatalogService.class);
        ChannelService channels = portal.bean(ChannelService.class);
        String code = name.toUpperCase(Locale.ROOT);
        String slug = name.toLowerCase(Locale.ROOT);
        String secret = slug + "-webhook-secret";
        return SystemActor.call("test", () -> {
            TenantId tenant = tenants.create(new TenantCommand(name, code, TenantStatus.ACTIVE, null, null)).id();
            for (int i = 0; i < 5; i++) {
                catalog.save(tenant, null, new ItemCommand("MASTER-" + i, "Item " + i, ItemStatus.ACTIVE, false,
                        false, false, false, List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                        List.of(new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, "SHOP-" + i))), 0);
            }
            UUID store = channels.connectShopify(tenant, new ShopifyConnectionCommand(name, slug + ".myshopify.com",
                    "2026-07", ChannelMode.SANDBOX, "shpat_" + slug + "_token_0000000", secret)).id();
            return new Shop(tenant, store, secret);
        });
    }

    /** A tenant's Shopify store: where its webhooks go and what signs them. */
    record Shop(TenantId tenant, UUID connection, String secret) {
    }
}
