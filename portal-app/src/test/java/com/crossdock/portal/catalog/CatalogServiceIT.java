package com.crossdock.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.identity.IdentityService;
import com.crossdock.portal.identity.NewUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.AsUser;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenancy.NoSuchTenantException;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.BundleDefinition;
import com.crossdock.tenantconfig.catalog.BundleKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.prep.PrepAttributes;
import com.crossdock.tenantconfig.prep.PrepCategory;
import com.crossdock.tenantconfig.prep.PrepOwner;
import com.crossdock.tenantconfig.prep.PrepType;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The item master of two brands side by side: rules on save, data-quality findings, isolation. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogServiceIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, CatalogServiceIT.class);
    }

    @Autowired CatalogService catalog;
    @Autowired TenantService tenants;
    @Autowired IdentityService identity;
    @Autowired UserDetailsService users;

    TenantId apparel;
    TenantId home;

    @BeforeAll
    void seedTwoTenants() {
        SystemActor.call("test", () -> {
            apparel = tenants.create(new TenantCommand("Apparel", "APP", TenantStatus.ACTIVE, null, null)).id();
            home = tenants.create(new TenantCommand("Home", "HOME", TenantStatus.ACTIVE, null, null)).id();
            identity.createUser(new NewUser("apparel.ops", "A", null, "long-password-1", Set.of(Role.BRAND_USER),
                    apparel));
            identity.createUser(new NewUser("home.ops", "H", null, "long-password-2", Set.of(Role.BRAND_USER), home));
            return null;
        });
        AsUser.run(users, "apparel.ops", () -> {
            catalog.save(apparel, null, item("TEE-BLK-M", "Tee black M", "416000336108",
                    new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, "TEE-BLK-M")), 0);
            catalog.save(apparel, null, item("tee-blk-m ", "Tee black M (old code)", null,
                    new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, "TEE-BLK-M")), 0);
        });
        AsUser.run(users, "home.ops", () -> catalog.save(home, null, item("CANDLE-01", "Candle", "1234567890128",
                new AliasLine(AliasKind.AMAZON_FNSKU, "X00ABCDEF1")), 0));
    }

    @Test
    void eachBrandSeesOnlyItsOwnItems() {
        List<ItemSummary> apparelItems = AsUser.call(users, "apparel.ops", () -> catalog.search(apparel, "", 0, 50));
        List<ItemSummary> homeItems = AsUser.call(users, "home.ops", () -> catalog.search(home, "", 0, 50));
        assertThat(apparelItems).extracting(ItemSummary::sku).containsExactly("TEE-BLK-M", "tee-blk-m");
        assertThat(homeItems).extracting(ItemSummary::sku).containsExactly("CANDLE-01");
        assertThatThrownBy(() -> AsUser.call(users, "apparel.ops", () -> catalog.search(home, "", 0, 50)))
                .isInstanceOf(NoSuchTenantException.class);
        assertThatThrownBy(() -> AsUser.call(users, "home.ops", () ->
                catalog.item(home, apparelItems.getFirst().id()))).isInstanceOf(NoSuchItemException.class);
    }

    @Test
    void searchMatchesSkuOrDescriptionAndCountsAgree() {
        AsUser.run(users, "apparel.ops", () -> {
            assertThat(catalog.search(apparel, "old code", 0, 10)).extracting(ItemSummary::sku)
                    .containsExactly("tee-blk-m");
            assertThat(catalog.count(apparel, "tee")).isEqualTo(2);
            assertThat(catalog.count(apparel, "%")).isZero();
            ItemSummary first = catalog.search(apparel, "TEE-BLK-M", 0, 10).getFirst();
            assertThat(first.eachGtin()).isEqualTo("00416000336108");
            assertThat(first.packs()).isEqualTo(2);
            assertThat(first.aliases()).isEqualTo(1);
        });
    }

    @Test
    void invalidItemsAreRefusedLineByLineAndNothingIsWritten() {
        AsUser.run(users, "apparel.ops", () -> {
            long before = catalog.count(apparel, "");
            ItemCommand bad = new ItemCommand("", " ", ItemStatus.ACTIVE, false, false, false, false,
                    List.of(new PackLine(PackLevel.EACH, 2, null, null, null, null, "416000336109"),
                            new PackLine(PackLevel.CASE, 12, null, null, null, null, "416000336108")),
                    List.of(new AliasLine(AliasKind.WALMART_SKU, " ")));
            assertThatThrownBy(() -> catalog.save(apparel, null, bad, 0))
                    .isInstanceOfSatisfying(CatalogValidationException.class, e -> assertThat(e.fieldErrors())
                            .containsEntry("sku", "Enter the master SKU")
                            .containsEntry("description", "Describe the item as the warehouse sees it")
                            .containsEntry("packs[0]", "The check digit is 9 but should be 8 (mistyped or outdated barcode?)")
                            .containsEntry("packs[1]", "Barcode 416000336108 is already used by TEE-BLK-M")
                            .containsEntry("aliases[0]", "Choose the channel identifier and enter its value"));
            assertThat(catalog.count(apparel, "")).isEqualTo(before);
        });
    }

    @Test
    void findingsNameDuplicateSkusAliasCollisionsAndPackProblems() {
        AsUser.run(users, "apparel.ops", () -> catalog.save(apparel, null, new ItemCommand("SOCKS", "Socks 3-pack",
                ItemStatus.ACTIVE, false, false, false, false,
                List.of(new PackLine(PackLevel.INNER, 6, null, null, null, null, null),
                        new PackLine(PackLevel.CASE, 20, null, null, null, null, null)), List.of()), 0));

        List<Finding> findings = AsUser.call(users, "apparel.ops", () -> catalog.findings(apparel));

        assertThat(findings).extracting(Finding::kind).containsExactly(Finding.Kind.DUPLICATE_SKU,
                Finding.Kind.ALIAS_COLLISION, Finding.Kind.MISSING_EACH_PACK, Finding.Kind.INCONSISTENT_PACKS);
        assertThat(findings.get(0).skus()).containsExactly("TEE-BLK-M", "tee-blk-m");
        assertThat(findings.get(1).problem()).startsWith("Shopify variant SKU TEE-BLK-M points to 2 items");
        assertThat(findings.get(2).skus()).containsExactly("SOCKS");
        assertThat(findings.get(3).skus()).containsExactly("SOCKS");
        assertThat(AsUser.call(users, "home.ops", () -> catalog.findings(home))).extracting(Finding::kind)
                .doesNotContain(Finding.Kind.DUPLICATE_SKU, Finding.Kind.ALIAS_COLLISION,
                        Finding.Kind.MISSING_EACH_PACK, Finding.Kind.INCONSISTENT_PACKS);
    }

    @Test
    void bundlesExplodeIntoComponentsRefuseLoopsAndReportMissingComponents() {
        AsUser.run(users, "home.ops", () -> {
            BundleView gift = catalog.saveBundle(home, null, new BundleDefinition(Sku.of("GIFT-BOX"), BundleKind.VIRTUAL,
                    List.of(new BundleDefinition.Component(Sku.of("CANDLE-01"), 2),
                            new BundleDefinition.Component(Sku.of("MATCHES-01"), 1))), 0);

            assertThat(catalog.explode(home, "GIFT-BOX", 3))
                    .isEqualTo(Map.of(Sku.of("CANDLE-01"), 6L, Sku.of("MATCHES-01"), 3L));
            assertThatThrownBy(() -> catalog.saveBundle(home, null, new BundleDefinition(Sku.of("MATCHES-01"),
                    BundleKind.PHYSICAL, List.of(new BundleDefinition.Component(Sku.of("GIFT-BOX"), 1))), 0))
                    .isInstanceOfSatisfying(CatalogValidationException.class, e -> assertThat(e.fieldErrors())
                            .containsEntry("components",
                                    "Bundles contain each other in a loop: GIFT-BOX → MATCHES-01 → GIFT-BOX"));
            assertThat(catalog.findings(home)).filteredOn(f -> f.kind() == Finding.Kind.BUNDLE_MISSING_COMPONENT)
                    .singleElement().satisfies(finding -> assertThat(finding.problem()).contains("MATCHES-01"));
            assertThat(catalog.bundles(home)).extracting(BundleView::id).containsExactly(gift.id());
        });
        assertThat(AsUser.call(users, "apparel.ops", () -> catalog.bundles(apparel))).isEmpty();
        assertThatThrownBy(() -> AsUser.call(users, "apparel.ops", () -> catalog.explode(home, "GIFT-BOX", 1)))
                .isInstanceOf(NoSuchTenantException.class);
    }

    @Test
    void catalogChangesAppearInTheTenantsAuditTrailWithBeforeAndAfter() {
        AsUser.run(users, "home.ops", () -> {
            ItemSummary saved = catalog.save(home, null, item("LAMP-01", "Desk lamp", null,
                    new AliasLine(AliasKind.WALMART_SKU, "W-LAMP-01")), 0);
            ItemDetails details = catalog.item(home, saved.id());
            catalog.save(home, saved.id(), new ItemCommand("LAMP-01", "Desk lamp, brass", ItemStatus.INACTIVE, false,
                    false, false, true, details.item().packs(), details.item().aliases()), details.version());
        });
        SystemActor.call("test", () -> {
            List<com.crossdock.portal.audit.AuditEntry> trail = tenants.auditTrail(home,
                    new com.crossdock.portal.audit.AuditFilter(null, "Catalog", null, null));
            assertThat(trail).filteredOn(entry -> entry.entityLabel().equals("LAMP-01")).hasSize(2)
                    .first().satisfies(change -> {
                        assertThat(change.actor()).isEqualTo("home.ops");
                        assertThat(change.changes()).contains(
                                new com.crossdock.portal.audit.FieldChange("description", "Desk lamp", "Desk lamp, brass"),
                                new com.crossdock.portal.audit.FieldChange("status", "Active", "Inactive"),
                                new com.crossdock.portal.audit.FieldChange("handling", "none", "hazmat"));
                    });
            assertThat(tenants.auditTrail(apparel, com.crossdock.portal.audit.AuditFilter.ALL))
                    .noneSatisfy(entry -> assertThat(entry.entityLabel()).isEqualTo("LAMP-01"));
            return null;
        });
    }

    @Test
    void anFbaBoundItemNeedsConsistentPrepAttributes() {
        AsUser.run(users, "home.ops", () -> {
            ItemSummary vase = catalog.save(home, null, new ItemCommand("VASE-01", "Glass vase", ItemStatus.ACTIVE,
                    false, false, false, false, List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                    List.of(new AliasLine(AliasKind.AMAZON_FNSKU, "X00VASE001"))), 0);
            assertThat(catalog.findings(home)).filteredOn(f -> f.kind() == Finding.Kind.MISSING_PREP)
                    .anySatisfy(f -> assertThat(f.problem())
                            .isEqualTo("VASE-01 ships to FBA (it has an FNSKU) but has no prep category, no label "
                                    + "owner, no prep owner"));

            ItemDetails details = catalog.item(home, vase.id());
            ItemCommand amazonOnly = withPrep(details.item(), new PrepAttributes(PrepCategory.FC_PROVIDED, Set.of(),
                    PrepOwner.SELLER, PrepOwner.SELLER));
            assertThatThrownBy(() -> catalog.save(home, vase.id(), amazonOnly, details.version()))
                    .isInstanceOfSatisfying(CatalogValidationException.class, e -> assertThat(e.fieldErrors())
                            .containsEntry("prep", "Prep category FC_PROVIDED only comes from Amazon; choose the "
                                    + "item's real category"));

            PrepAttributes fragile = new PrepAttributes(PrepCategory.FRAGILE,
                    Set.of(PrepType.ITEM_BUBBLEWRAP, PrepType.ITEM_LABELING), PrepOwner.SELLER, PrepOwner.SELLER);
            catalog.save(home, vase.id(), withPrep(details.item(), fragile), details.version());
            assertThat(catalog.item(home, vase.id()).item().prep()).isEqualTo(fragile);
            assertThat(catalog.findings(home)).noneSatisfy(f -> assertThat(f.skus()).contains("VASE-01"));
        });
    }

    private static ItemCommand withPrep(ItemCommand item, PrepAttributes prep) {
        return new ItemCommand(item.sku(), item.description(), item.status(), item.lotTracked(), item.expiryTracked(),
                item.serialTracked(), item.hazmat(), item.packs(), item.aliases(), prep);
    }

    static ItemCommand item(String sku, String description, @Nullable String eachGtin, AliasLine alias) {
        return new ItemCommand(sku, description, ItemStatus.ACTIVE, false, false, false, false,
                List.of(new PackLine(PackLevel.EACH, 1, null, null, null, 180, eachGtin),
                        new PackLine(PackLevel.CASE, 24, null, null, null, null, null)),
                List.of(alias));
    }
}
