package com.crossdock.portal.demo;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.database.NoExternalDatabaseCondition;
import com.crossdock.portal.identity.IdentityService;
import com.crossdock.portal.identity.NewUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.identity.UserSummary;
import com.crossdock.portal.sync.OrderPipeline;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.portal.tenant.TenantSummary;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.Gtin;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.prep.PrepAttributes;
import com.crossdock.tenantconfig.prep.PrepCategory;
import com.crossdock.tenantconfig.prep.PrepOwner;
import com.crossdock.tenantconfig.prep.PrepType;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Two demo tenants (a DTC apparel brand on Shopify, an Amazon-FBA-heavy home-goods brand) and one user per
 * role, created only into an empty database and only when the demo is on. The apparel brand's sandbox Shopify
 * store is connected and has sent three orders through the real pipeline (released, held for an unknown SKU,
 * held for an incomplete address), with two weeks of sync-health history behind it; its Walmart marketplace (a
 * sandbox) is being onboarded, its flows in shadow until the brand switches them live. The home-goods brand has a
 * quiet sandbox store to run UAT on, and a mug set without prep that its admin still has to fix.
 */
@Component
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final TenantService tenants;
    private final IdentityService identity;
    private final CatalogService catalog;
    private final DemoProperties properties;
    private final Environment environment;
    private final DemoShopifyStore shopify;
    private final DemoHealthHistory history;
    private final com.crossdock.portal.governance.GovernanceService governance;
    private final ChannelService channels;
    private final com.crossdock.portal.sync.FlowService flows;
    private final List<String> credentials = new ArrayList<>();

    DemoData(TenantService tenants, IdentityService identity, CatalogService catalog, ChannelService channels,
            OrderPipeline pipeline, com.crossdock.portal.channel.sandbox.ShopifySandboxService sandbox, Clock clock,
            DemoProperties properties, Environment environment,
            com.crossdock.portal.tenancy.TenantTransactions transactions,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            com.crossdock.portal.governance.GovernanceService governance,
            com.crossdock.portal.sync.FlowService flows) {
        this.tenants = tenants;
        this.channels = channels;
        this.flows = flows;
        this.governance = governance;
        this.catalog = catalog;
        this.shopify = new DemoShopifyStore(channels, pipeline, sandbox, clock);
        this.history = new DemoHealthHistory(transactions, jdbc);
        this.identity = identity;
        this.properties = properties;
        this.environment = environment;
    }

    /** Whether the demo is on: as configured, or by default when the database is the embedded one. */
    public boolean enabled() {
        Boolean configured = properties.enabled();
        return configured != null ? configured : !NoExternalDatabaseCondition.usesExternalDatabase(environment);
    }

    /** Creates the demo data if the demo is on and there are no users yet; returns the users created. */
    public List<String> seedIfEmpty() {
        if (!enabled()) {
            return List.of();
        }
        return SystemActor.call("demo", () -> {
            if (!tenants.visibleTenants().isEmpty() || !identity.accountManagers().isEmpty()) {
                log.info("Demo data skipped: the database already holds tenants or users");
                return List.of();
            }
            seed();
            return List.copyOf(credentials);
        });
    }

    private void seed() {
        user("platform.admin", "Priya Admin (3PL)", Set.of(Role.PLATFORM_ADMIN), null);
        UserSummary manager = user("account.manager", "Marco Manager (3PL)", Set.of(Role.ACCOUNT_MANAGER), null);
        user("leadership", "Lena Leader (3PL)", Set.of(Role.LEADERSHIP_VIEWER), null);
        TenantSummary apparel = tenants.create(new TenantCommand("Harbor & Pine Apparel", "HPA", TenantStatus.ACTIVE,
                manager.id(), "#2f6f4f"));
        TenantSummary home = tenants.create(new TenantCommand("Oakline Home", "OAK", TenantStatus.ACTIVE,
                manager.id(), "#9a5b13"));
        user("brand.admin", "Bea Admin (Harbor & Pine)", Set.of(Role.BRAND_ADMIN), apparel.id());
        user("brand.user", "Ben User (Harbor & Pine)", Set.of(Role.BRAND_USER), apparel.id());
        user("oakline.admin", "Olga Admin (Oakline)", Set.of(Role.BRAND_ADMIN), home.id());
        user("pending.user", "Pat Pending (no access)", Set.of(), null);
        apparelCatalog(apparel.id());
        duoAndExpressShipping(apparel.id(), "HP-TEE-DUO-M", "HP-TEE-BLK-M", "HP-TEE-WHT-M");
        homeCatalog(home.id());
        shopify.connectAndSendOrders(apparel.id());
        walmartInShadow(apparel.id());
        shopify.connectQuiet(home.id(), "Oakline Home Shopify (sandbox)", "oakline-home.myshopify.com",
                "oakline-sandbox-webhook-secret-2026");
        duoAndExpressShipping(home.id(), "OAK-CANDLE-DUO", "OAK-CANDLE-CEDAR", "OAK-CANDLE-FIG");
        history.write(apparel.id());
        tenants.recordActivity(apparel.id(), "Brand profile noted",
                "Direct-to-consumer apparel brand selling on Shopify; about 1,200 SKUs in sizes and colours");
        tenants.recordActivity(home.id(), "Brand profile noted",
                "Home-goods brand selling mostly through Amazon FBA; needs FNSKU labels and polybagging prep");
    }

    /** Tees in three colours and four sizes, cased by 24, known to Shopify by variant SKU. */
    private void apparelCatalog(TenantId tenant) {
        int serial = 100;
        for (String colour : List.of("BLK", "WHT", "NVY")) {
            for (String size : List.of("S", "M", "L", "XL")) {
                String sku = "HP-TEE-" + colour + "-" + size;
                // the navy XL also sells on Amazon through FBA: polybagged and labelled by the 3PL for the seller
                boolean fba = sku.equals("HP-TEE-NVY-XL");
                List<AliasLine> aliases = fba ? List.of(new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, sku),
                        new AliasLine(AliasKind.AMAZON_MSKU, sku), new AliasLine(AliasKind.AMAZON_FNSKU, "X00HPA0001"))
                        : List.of(new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, sku));
                catalog.save(tenant, null, new ItemCommand(sku, "Harbor tee " + colour + " " + size, ItemStatus.ACTIVE,
                        false, false, false, false,
                        List.of(new PackLine(PackLevel.EACH, 1, 300, 250, 20, 210, gtin12("81234", serial)),
                                new PackLine(PackLevel.CASE, 24, 600, 400, 300, 5400, null)),
                        aliases, fba ? new PrepAttributes(PrepCategory.TEXTILE, Set.of(PrepType.ITEM_POLYBAGGING,
                                PrepType.ITEM_LABELING), PrepOwner.SELLER, PrepOwner.SELLER) : PrepAttributes.none()), 0);
                serial++;
            }
        }
    }

    /**
     * A virtual pack of two items (exploded into them for the warehouse) and the store's "Express" method mapped to a
     * UPS service, so the UAT scenarios of bundles and ship-method overrides have something to run on. "Standard",
     * which Harbor &amp; Pine's demo orders use, stays unmapped: readiness still has that to show.
     */
    private void duoAndExpressShipping(TenantId tenant, String duo, String first, String second) {
        catalog.saveBundle(tenant, null, new com.crossdock.tenantconfig.catalog.BundleDefinition(
                com.crossdock.tenantconfig.catalog.Sku.of(duo),
                com.crossdock.tenantconfig.catalog.BundleKind.VIRTUAL, List.of(
                        new com.crossdock.tenantconfig.catalog.BundleDefinition.Component(
                                com.crossdock.tenantconfig.catalog.Sku.of(first), 1),
                        new com.crossdock.tenantconfig.catalog.BundleDefinition.Component(
                                com.crossdock.tenantconfig.catalog.Sku.of(second), 1))), 0);
        governance.saveShipMethod(tenant, new com.crossdock.portal.governance.ShipMethodCommand("Express", "UPSN",
                "01"), governance.matrix(tenant).version());
    }

    /**
     * Harbor &amp; Pine's Walmart marketplace, connected to the Walmart sandbox while it is onboarded: every flow in
     * shadow mode, so it reads and compares but sends nothing until the brand switches it live in Go-live.
     */
    private void walmartInShadow(TenantId tenant) {
        UUID walmart = channels.connectWalmart(tenant, new com.crossdock.portal.channel.WalmartConnectionCommand(
                "Harbor & Pine Walmart (sandbox)", "10001234567", List.of("741852963"), ChannelMode.SANDBOX, null,
                null)).id();
        flows.goLive(tenant).flows().stream().filter(entry -> entry.connectionId().equals(walmart))
                .forEach(entry -> flows.switchLive(tenant, walmart, entry.flow(), false, null));
    }

    /**
     * Home goods sold through FBA and on the brand's own store: FNSKU, MSKU and store aliases, prep for FBA; the mug
     * set lacks an each pack and prep.
     */
    private void homeCatalog(TenantId tenant) {
        String[][] goods = {{"OAK-CANDLE-CEDAR", "Cedar candle 8oz", "X00OAK0001"},
            {"OAK-CANDLE-FIG", "Fig candle 8oz", "X00OAK0002"}, {"OAK-THROW-GRY", "Knit throw grey", "X00OAK0003"},
            {"OAK-MUG-SET4", "Stoneware mug set of 4", "X00OAK0004"}};
        int serial = 500;
        for (String[] good : goods) {
            boolean set = good[0].endsWith("SET4");
            List<PackLine> packs = set
                    ? List.of(new PackLine(PackLevel.CASE, 6, null, null, null, null, gtin12("86789", serial)))
                    : List.of(new PackLine(PackLevel.EACH, 1, null, null, null, 450, gtin12("86789", serial)),
                            new PackLine(PackLevel.CASE, 12, null, null, null, null, null));
            PrepAttributes prep = set ? PrepAttributes.none() : good[0].contains("THROW")
                    ? new PrepAttributes(PrepCategory.TEXTILE, Set.of(PrepType.ITEM_POLYBAGGING, PrepType.ITEM_LABELING),
                            PrepOwner.SELLER, PrepOwner.SELLER)
                    : new PrepAttributes(PrepCategory.FRAGILE, Set.of(PrepType.ITEM_BUBBLEWRAP, PrepType.ITEM_LABELING),
                            PrepOwner.SELLER, PrepOwner.SELLER);
            catalog.save(tenant, null, new ItemCommand(good[0], good[1], ItemStatus.ACTIVE, false, false, false,
                    good[0].contains("CANDLE"), packs,
                    List.of(new AliasLine(AliasKind.AMAZON_MSKU, good[0]), new AliasLine(AliasKind.AMAZON_FNSKU, good[2]),
                            new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, good[0])),
                    prep), 0);
            serial++;
        }
    }

    /** A valid GTIN-12 from a company prefix and an item reference. */
    private static String gtin12(String companyPrefix, int item) {
        String body = "0" + companyPrefix + "%05d".formatted(item);
        return body + Gtin.checkDigit(body);
    }

    private UserSummary user(String username, String name, Set<Role> roles, @Nullable TenantId tenant) {
        UserSummary user = identity.createUser(new NewUser(username, name, null, properties.password(), roles, tenant));
        String roleNames = roles.isEmpty() ? "no role" : String.join(", ",
                roles.stream().map(Role::externalName).sorted().toList());
        credentials.add("%-15s %-22s %s".formatted(username, roleNames, name));
        return user;
    }
}
