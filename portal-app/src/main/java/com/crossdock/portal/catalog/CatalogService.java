package com.crossdock.portal.catalog;

import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.BundleCycleException;
import com.crossdock.tenantconfig.catalog.BundleDefinition;
import com.crossdock.tenantconfig.catalog.Bundles;
import com.crossdock.tenantconfig.catalog.Gtin;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.prep.PrepAttributes;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.truth.DataType;
import com.crossdock.tenantconfig.truth.OwnershipCheck;
import com.crossdock.tenantconfig.truth.OwnershipConflictException;
import com.crossdock.tenantconfig.truth.OwnershipRules;
import com.crossdock.tenantconfig.truth.SystemKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A tenant's item master: the one entry point of the catalog feature. Every method checks that the caller may
 * open the tenant, then works inside that tenant's scope.
 */
@Service
public class CatalogService {

    private static final String EDITORS = "hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN', 'BRAND_USER')";

    private final CatalogItemRepository items;
    private final CatalogBundleRepository bundles;
    private final TenantService tenants;
    private final TenantTransactions tenantTransactions;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<CatalogOwnership> ownership;

    CatalogService(CatalogItemRepository items, CatalogBundleRepository bundles, TenantService tenants,
            TenantTransactions tenantTransactions, Clock clock,
            org.springframework.beans.factory.ObjectProvider<CatalogOwnership> ownership) {
        this.ownership = ownership;
        this.items = items;
        this.bundles = bundles;
        this.tenants = tenants;
        this.tenantTransactions = tenantTransactions;
        this.clock = clock;
    }

    /** Whether the signed-in person may change catalogs (leadership reads only). */
    @PreAuthorize("isAuthenticated()")
    public boolean canEdit() {
        var user = CurrentUser.require();
        return user.roles().stream().anyMatch(role -> role != com.crossdock.portal.identity.Role.LEADERSHIP_VIEWER);
    }

    /** One page of items whose SKU or description contains {@code text}, sorted by SKU. */
    @PreAuthorize("isAuthenticated()")
    public List<ItemSummary> search(TenantId tenant, String text, int offset, int limit) {
        requireAccess(tenant);
        String filter = text == null ? "" : text.strip();
        PageRequest page = PageRequest.of(offset / Math.max(limit, 1), Math.max(limit, 1), Sort.by("sku"));
        return tenantTransactions.read(tenant, () -> filter.isEmpty() ? items.page(page)
                : items.search(pattern(filter), page));
    }

    /** How many items match {@code text}. */
    @PreAuthorize("isAuthenticated()")
    public long count(TenantId tenant, String text) {
        requireAccess(tenant);
        String filter = text == null ? "" : text.strip();
        return tenantTransactions.read(tenant, () -> filter.isEmpty() ? items.count()
                : items.countMatching(pattern(filter)));
    }

    /** An item with its packs and aliases. */
    @PreAuthorize("isAuthenticated()")
    public ItemDetails item(TenantId tenant, UUID id) {
        requireAccess(tenant);
        return tenantTransactions.read(tenant, () -> items.findById(Objects.requireNonNull(id, "item"))
                .map(CatalogItem::details)
                .orElseThrow(() -> new NoSuchItemException(id)));
    }

    /** Creates an item ({@code id} null) or changes one based on {@code expectedVersion}. */
    @PreAuthorize(EDITORS)
    public ItemSummary save(TenantId tenant, UUID id, ItemCommand command, long expectedVersion) {
        requireAccess(tenant);
        requireOwner(tenant, DataType.MASTER_SKU_DATA, id == null ? "a new item" : "a change to an item");
        return tenantTransactions.write(tenant, () -> {
            CatalogItem item = id == null ? new CatalogItem(clock.instant())
                    : items.findById(id).orElseThrow(() -> new NoSuchItemException(id));
            if (id != null && item.version() != expectedVersion) {
                throw new ObjectOptimisticLockingFailureException(CatalogItem.class, id);
            }
            validate(command, item.id());
            item.clearChildren();
            items.flush();
            item.describe(command, clock.instant(), CurrentUser.actor());
            return items.saveAndFlush(item).summary();
        });
    }

    /** Removes an item with its packs and aliases. */
    @PreAuthorize(EDITORS)
    public void delete(TenantId tenant, UUID id) {
        requireAccess(tenant);
        requireOwner(tenant, DataType.MASTER_SKU_DATA, "removing an item");
        tenantTransactions.writeAll(tenant, () -> items.delete(items.findById(Objects.requireNonNull(id, "item"))
                .orElseThrow(() -> new NoSuchItemException(id))));
    }

    /**
     * Whether the signed-in caller may change {@code dataType} (master SKU data or bundle definitions) of the
     * tenant: a person works in Crossdock, an API client is the brand's ERP. The views show the refusal instead of
     * letting people edit what another system owns.
     */
    @PreAuthorize("isAuthenticated()")
    public OwnershipCheck ownership(TenantId tenant, DataType dataType) {
        requireAccess(tenant);
        SystemKind source = CurrentUser.require().isApiClient() ? SystemKind.ERP : SystemKind.PORTAL;
        CatalogOwnership answer = ownership.getIfAvailable();
        return answer == null ? new OwnershipCheck(dataType, OwnershipRules.DEFAULTS.get(dataType), source)
                : answer.check(tenant, dataType, source);
    }

    private void requireOwner(TenantId tenant, DataType dataType, String change) {
        OwnershipCheck check = ownership(tenant, dataType);
        if (!check.allowed()) {
            throw new OwnershipConflictException(check, change);
        }
    }

    /** The tenant's bundles and kits, by SKU. */
    @PreAuthorize("isAuthenticated()")
    public List<BundleView> bundles(TenantId tenant) {
        requireAccess(tenant);
        return tenantTransactions.read(tenant, () -> bundles.findAllOrdered().stream()
                .map(bundle -> new BundleView(bundle.id(), bundle.definition(), bundle.version())).toList());
    }

    /** The bundles and kits that are {@code sku} or hold it as a component, by SKU. */
    @PreAuthorize("isAuthenticated()")
    public List<BundleView> bundlesUsing(TenantId tenant, String sku) {
        requireAccess(tenant);
        Sku wanted = Sku.of(Objects.requireNonNull(sku, "sku"));
        return bundles(tenant).stream().filter(bundle -> bundle.definition().sku().equals(wanted)
                || bundle.definition().components().stream().anyMatch(component -> component.sku().equals(wanted)))
                .toList();
    }

    /**
     * Creates a bundle ({@code id} null) or changes one. Refused when the bundles would then contain each other in a
     * loop, naming the loop.
     */
    @PreAuthorize(EDITORS)
    public BundleView saveBundle(TenantId tenant, UUID id, BundleDefinition definition, long expectedVersion) {
        requireAccess(tenant);
        requireOwner(tenant, DataType.BUNDLE_DEFINITION, id == null ? "a new bundle" : "a change to a bundle");
        return tenantTransactions.write(tenant, () -> {
            CatalogBundle bundle = id == null ? new CatalogBundle()
                    : bundles.findById(id).orElseThrow(() -> new NoSuchItemException(id));
            if (id != null && bundle.version() != expectedVersion) {
                throw new ObjectOptimisticLockingFailureException(CatalogBundle.class, id);
            }
            Objects.requireNonNull(definition, "definition");
            bundles.findBySku(definition.sku().value()).filter(other -> !other.id().equals(bundle.id()))
                    .ifPresent(other -> {
                        throw new CatalogValidationException(Map.of("sku", "Bundle " + definition.sku()
                                + " is already defined"));
                    });
            List<BundleDefinition> all = new ArrayList<>(bundles.findAllOrdered().stream()
                    .filter(other -> !other.id().equals(bundle.id())).map(CatalogBundle::definition).toList());
            all.add(definition);
            try {
                Bundles.of(all);
            } catch (BundleCycleException loop) {
                throw new CatalogValidationException(Map.of("components", loop.getMessage()));
            }
            bundle.clearComponents();
            bundles.flush();
            bundle.define(definition, clock.instant(), CurrentUser.actor());
            CatalogBundle saved = bundles.saveAndFlush(bundle);
            return new BundleView(saved.id(), saved.definition(), saved.version());
        });
    }

    /** What the warehouse picks for {@code quantity} of {@code sku}: virtual bundles exploded, SKU → eaches. */
    @PreAuthorize("isAuthenticated()")
    public Map<Sku, Long> explode(TenantId tenant, String sku, long quantity) {
        requireAccess(tenant);
        return tenantTransactions.read(tenant, () -> Bundles.of(bundles.findAllOrdered().stream()
                .map(CatalogBundle::definition).toList()).explode(Sku.of(sku), quantity));
    }

    /**
     * Resolves the lines of one Shopify order in one read: each line's variant SKU through the Shopify SKU aliases,
     * then its variant id through the variant-id aliases, then as a master or bundle SKU itself; a single match is
     * exploded into what the warehouse picks (virtual bundles into their components).
     */
    @PreAuthorize("isAuthenticated()")
    public List<ChannelLine> resolveShopifyLines(TenantId tenant, List<ChannelLine> lines) {
        return resolveChannelLines(tenant, AliasKind.SHOPIFY_VARIANT_SKU, AliasKind.SHOPIFY_VARIANT_ID, lines);
    }

    /**
     * Resolves the lines of one channel order in one read: each line's SKU through the channel's SKU aliases
     * ({@code skuKind}, e.g. Amazon's seller SKUs), then its product id through {@code idKind} (Shopify variant id,
     * Amazon ASIN), then as a master or bundle SKU itself; a single match is exploded into what the warehouse picks.
     */
    @PreAuthorize("isAuthenticated()")
    public List<ChannelLine> resolveChannelLines(TenantId tenant, AliasKind skuKind, AliasKind idKind,
            List<ChannelLine> lines) {
        requireAccess(tenant);
        return tenantTransactions.read(tenant, () -> {
            Map<String, List<String>> bySku = aliases(skuKind,
                    lines.stream().map(ChannelLine::sku).toList());
            Map<String, List<String>> byVariant = aliases(idKind,
                    lines.stream().map(ChannelLine::variantId).filter(Objects::nonNull).toList());
            List<String> candidates = lines.stream().map(line -> line.sku().strip()).filter(sku -> !sku.isEmpty())
                    .distinct().toList();
            Set<String> known = new java.util.HashSet<>(candidates.isEmpty() ? List.of()
                    : items.existingSkus(candidates));
            List<CatalogBundle> allBundles = bundles.findAllOrdered();
            allBundles.stream().map(CatalogBundle::sku).filter(candidates::contains).forEach(known::add);
            Bundles exploder = Bundles.of(allBundles.stream().map(CatalogBundle::definition).toList());
            return lines.stream().map(line -> {
                List<String> masters = bySku.getOrDefault(line.sku().strip(), List.of());
                if (masters.isEmpty() && line.variantId() != null) {
                    masters = byVariant.getOrDefault(line.variantId().strip(), List.of());
                }
                if (masters.isEmpty() && known.contains(line.sku().strip())) {
                    masters = List.of(line.sku().strip());
                }
                Map<Sku, Long> picks = masters.size() == 1
                        ? exploder.explode(Sku.of(masters.getFirst()), line.quantity()) : Map.of();
                return new ChannelLine(line.sku(), line.variantId(), line.quantity(), masters, picks);
            }).toList();
        });
    }

    /**
     * What a Shopify store sells of this catalog, for pushing stock: every active item under its Shopify SKU aliases
     * (or its own SKU when it has none), and every virtual bundle under its SKU, each with the master SKUs and units
     * one sale takes.
     */
    @PreAuthorize("isAuthenticated()")
    public List<ChannelListing> shopifyListings(TenantId tenant) {
        return channelListings(tenant, AliasKind.SHOPIFY_VARIANT_SKU);
    }

    /**
     * What a channel sells of this catalog, for pushing stock: every active item under its aliases of {@code kind}
     * (e.g. Walmart SKUs; its own SKU when it has none), and every virtual bundle under its SKU, each with the master
     * SKUs and units one sale takes.
     */
    @PreAuthorize("isAuthenticated()")
    public List<ChannelListing> channelListings(TenantId tenant, AliasKind kind) {
        requireAccess(tenant);
        return tenantTransactions.read(tenant, () -> {
            List<ChannelListing> listings = new ArrayList<>();
            for (Object[] row : items.activeSkusWithAliases(kind)) {
                String sku = (String) row[0];
                listings.add(new ChannelListing(row[1] == null ? sku : (String) row[1], Map.of(sku, 1L)));
            }
            List<CatalogBundle> allBundles = bundles.findAllOrdered();
            Bundles exploder = Bundles.of(allBundles.stream().map(CatalogBundle::definition).toList());
            for (CatalogBundle bundle : allBundles) {
                if (bundle.definition().kind() == com.crossdock.tenantconfig.catalog.BundleKind.VIRTUAL) {
                    Map<String, Long> picks = new java.util.TreeMap<>();
                    exploder.explode(Sku.of(bundle.sku()), 1).forEach((sku, units) -> picks.put(sku.value(), units));
                    listings.add(new ChannelListing(bundle.sku(), picks));
                }
            }
            return listings;
        });
    }

    /**
     * What the tenant lists under channel identifiers of {@code kind} (e.g. Amazon seller SKUs): each active item
     * carrying one, under that identifier, one unit a sale.
     */
    @PreAuthorize("isAuthenticated()")
    public List<ChannelListing> aliasListings(TenantId tenant, AliasKind kind) {
        requireAccess(tenant);
        return tenantTransactions.read(tenant, () -> items.activeSkusWithAliases(kind).stream()
                .filter(row -> row[1] != null)
                .map(row -> new ChannelListing(((String) row[1]).strip(), Map.of((String) row[0], 1L))).toList());
    }

    /** The items that ship to Amazon FBA (they have an FNSKU), with their aliases and prep, in SKU order. */
    @PreAuthorize("isAuthenticated()")
    public List<ItemDetails> fbaBoundItems(TenantId tenant) {
        requireAccess(tenant);
        return tenantTransactions.read(tenant, () -> items.fbaBound().stream().map(CatalogItem::details).toList());
    }

    /** The channel identifiers of {@code kind} (e.g. Amazon seller SKUs) the tenant's active items carry. */
    @PreAuthorize("isAuthenticated()")
    public List<String> activeAliases(TenantId tenant, AliasKind kind) {
        requireAccess(tenant);
        return tenantTransactions.read(tenant, () -> items.activeSkusWithAliases(kind).stream()
                .filter(row -> row[1] != null).map(row -> ((String) row[1]).strip()).distinct().toList());
    }

    private Map<String, List<String>> aliases(AliasKind kind, List<String> values) {
        List<String> wanted = values.stream().map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
        Map<String, List<String>> found = new LinkedHashMap<>();
        if (!wanted.isEmpty()) {
            items.aliasMatches(kind, wanted).forEach(row -> found.computeIfAbsent((String) row[0],
                    value -> new ArrayList<>()).add((String) row[1]));
        }
        return found;
    }

    /** Every data-quality problem of the catalog, with how to fix it. */
    @PreAuthorize("isAuthenticated()")
    public List<Finding> findings(TenantId tenant) {
        requireAccess(tenant);
        return tenantTransactions.read(tenant, () -> {
            List<Finding> findings = new ArrayList<>();
            duplicateSkus(findings);
            aliasCollisions(findings);
            List<String> noEach = items.activeWithoutEachPack();
            if (!noEach.isEmpty()) {
                findings.add(new Finding(Finding.Kind.MISSING_EACH_PACK,
                        noEach.size() + " active item(s) have no each pack",
                        "Add an each pack (1 each, with its barcode) so orders and receipts can count units.", noEach));
            }
            inconsistentPacks(findings);
            bundlesWithoutComponents(findings);
            fbaWithoutPrep(findings);
            amazonPrepMismatches(findings);
            return findings;
        });
    }

    private void duplicateSkus(List<Finding> findings) {
        Map<String, List<String>> byFolded = new LinkedHashMap<>();
        items.skusDuplicatedIgnoringCase().forEach(sku ->
                byFolded.computeIfAbsent(sku.toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(sku));
        byFolded.forEach((folded, skus) -> findings.add(new Finding(Finding.Kind.DUPLICATE_SKU,
                "SKUs " + String.join(", ", skus) + " differ only in upper/lower case",
                "Keep one SKU and move its aliases and barcodes there; channels and WMSs often ignore case.", skus)));
    }

    private void aliasCollisions(List<Finding> findings) {
        Map<String, List<String>> byAlias = new LinkedHashMap<>();
        for (String row : items.collidingAliases()) {
            String[] parts = row.split("\\|", 3);
            byAlias.computeIfAbsent(AliasKind.valueOf(parts[0]).label() + " " + parts[1], k -> new ArrayList<>())
                    .add(parts[2]);
        }
        byAlias.forEach((alias, skus) -> findings.add(new Finding(Finding.Kind.ALIAS_COLLISION,
                alias + " points to " + skus.size() + " items: " + String.join(", ", skus),
                "A channel identifier must name exactly one item: remove it from all but the right one.", skus)));
    }

    private void inconsistentPacks(List<Finding> findings) {
        Map<String, java.util.SortedMap<PackLevel, Integer>> bySku = new LinkedHashMap<>();
        for (Object[] row : items.packLevels()) {
            bySku.computeIfAbsent((String) row[0], sku -> new java.util.TreeMap<>())
                    .put((PackLevel) row[1], ((Number) row[2]).intValue());
        }
        List<String> wrong = bySku.entrySet().stream().filter(entry -> !nests(entry.getValue().values()))
                .map(Map.Entry::getKey).toList();
        if (!wrong.isEmpty()) {
            findings.add(new Finding(Finding.Kind.INCONSISTENT_PACKS,
                    wrong.size() + " item(s) have pack sizes that do not nest",
                    "Each larger pack must hold a whole number of the next smaller one (e.g. inner 6, case 24).",
                    wrong));
        }
    }

    /**
     * The FBA-bound items that carry an Amazon seller SKU, one entry per seller SKU, with their prep attributes: what
     * is compared with, and sent to, Amazon's prep details.
     */
    @PreAuthorize("isAuthenticated()")
    public List<FbaPrepItem> fbaPrepItems(TenantId tenant) {
        requireAccess(tenant);
        return tenantTransactions.read(tenant, () -> items.fbaBound().stream()
                .flatMap(item -> item.details().item().aliases().stream()
                        .filter(alias -> alias.kind() == AliasKind.AMAZON_MSKU)
                        .map(alias -> new FbaPrepItem(item.sku(), alias.value(), item.prep())))
                .toList());
    }

    /** One finding per item whose prep attributes differ from Amazon's, as the last comparison found them. */
    private void amazonPrepMismatches(List<Finding> findings) {
        Map<String, List<String>> bySku = new LinkedHashMap<>();
        for (Object[] row : items.amazonPrepMismatches()) {
            String field = (String) row[2];
            String what = field.equals("NOT_AT_AMAZON") ? "Amazon has no prep details for seller SKU " + row[1]
                    : "seller SKU " + row[1] + ": " + field.toLowerCase(Locale.ROOT).replace('_', ' ') + " is "
                            + row[3] + " here, " + row[4] + " at Amazon";
            bySku.computeIfAbsent((String) row[0], sku -> new ArrayList<>()).add(what);
        }
        bySku.forEach((sku, differences) -> findings.add(new Finding(Finding.Kind.AMAZON_PREP_MISMATCH,
                sku + " (FBA): " + String.join("; ", differences),
                "Correct the item's prep attributes if Amazon is right; otherwise send ours to Amazon (Channels → the "
                        + "Amazon connection → Send our prep to Amazon). Then compare with Amazon again.",
                List.of(sku))));
    }

    private void fbaWithoutPrep(List<Finding> findings) {
        for (CatalogItem item : items.fbaBound()) {
            PrepAttributes prep = item.prep();
            List<String> missing = prep.missingForFba();
            List<String> wrong = prep.problems();
            if (!missing.isEmpty() || !wrong.isEmpty()) {
                String problem = item.sku() + " ships to FBA (it has an FNSKU) but "
                        + (missing.isEmpty() ? String.join("; ", wrong) : "has no " + String.join(", no ", missing));
                findings.add(new Finding(Finding.Kind.MISSING_PREP, problem,
                        "Set the FBA prep attributes on the item: Amazon's prep category, the prep types, and who "
                                + "preps and labels (usually the seller, that is the 3PL).", List.of(item.sku())));
            }
        }
    }

    private void bundlesWithoutComponents(List<Finding> findings) {
        Map<String, List<String>> missingByBundle = new LinkedHashMap<>();
        for (String row : bundles.componentsWithoutActiveItem()) {
            String[] parts = row.split("\\|", 2);
            missingByBundle.computeIfAbsent(parts[0], bundle -> new ArrayList<>()).add(parts[1]);
        }
        missingByBundle.forEach((bundle, missing) -> findings.add(new Finding(Finding.Kind.BUNDLE_MISSING_COMPONENT,
                "Bundle " + bundle + " uses " + String.join(", ", missing) + ", which is not an active item",
                "Add or reactivate the component items, or change the bundle; an order for it cannot be picked.",
                List.of(bundle))));
    }

    /** Whether each pack size, smallest level first, is a larger whole multiple of the one before. */
    private static boolean nests(java.util.Collection<Integer> eachesByLevel) {
        int previous = 0;
        for (int eaches : eachesByLevel) {
            if (previous > 0 && (eaches <= previous || eaches % previous != 0)) {
                return false;
            }
            previous = eaches;
        }
        return true;
    }

    private void validate(ItemCommand command, UUID id) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (command.sku() == null || command.sku().isBlank()) {
            errors.put("sku", "Enter the master SKU");
        } else {
            try {
                Sku sku = Sku.of(command.sku());
                if (items.existsBySkuAndIdNot(sku.value(), id)) {
                    errors.put("sku", "Another item already has this SKU");
                }
            } catch (IllegalArgumentException e) {
                errors.put("sku", e.getMessage());
            }
        }
        if (command.description() == null || command.description().isBlank()) {
            errors.put("description", "Describe the item as the warehouse sees it");
        } else if (command.description().strip().length() > 300) {
            errors.put("description", "A description has at most 300 characters");
        }
        if (command.status() == null) {
            errors.put("status", "Choose a status");
        }
        validatePacks(command.packs(), id, errors);
        if (!command.prep().problems().isEmpty()) {
            errors.put("prep", String.join("; ", command.prep().problems()));
        }
        validateAliases(command.aliases(), errors);
        if (!errors.isEmpty()) {
            throw new CatalogValidationException(errors);
        }
    }

    private void validatePacks(List<PackLine> packs, UUID id, Map<String, String> errors) {
        Set<PackLevel> seen = EnumSet.noneOf(PackLevel.class);
        for (int i = 0; i < packs.size(); i++) {
            PackLine pack = packs.get(i);
            String field = "packs[" + i + "]";
            if (pack.level() == null || !seen.add(pack.level())) {
                errors.put(field, pack.level() == null ? "Choose a pack level" : pack.level().label() + " is listed twice");
                continue;
            }
            if (pack.eaches() < 1 || (pack.level() == PackLevel.EACH && pack.eaches() != 1)) {
                errors.put(field, pack.level() == PackLevel.EACH ? "An each pack holds exactly 1"
                        : "A pack holds at least 1 each");
            }
            if (pack.gtin() != null && !pack.gtin().isBlank()) {
                String problem = Gtin.problemWith(pack.gtin().strip());
                if (problem != null) {
                    errors.put(field, problem);
                } else {
                    List<String> others = items.skusUsingGtin(Gtin.parse(pack.gtin().strip()).gtin14(), id);
                    if (!others.isEmpty()) {
                        errors.put(field, "Barcode " + pack.gtin().strip() + " is already used by " + others.getFirst());
                    }
                }
            }
        }
    }

    private static void validateAliases(List<AliasLine> aliases, Map<String, String> errors) {
        for (int i = 0; i < aliases.size(); i++) {
            AliasLine alias = aliases.get(i);
            if (alias.kind() == null || alias.value() == null || alias.value().isBlank()) {
                errors.put("aliases[" + i + "]", "Choose the channel identifier and enter its value");
            } else if (alias.value().strip().length() > 100) {
                errors.put("aliases[" + i + "]", "An identifier has at most 100 characters");
            }
        }
    }

    private void requireAccess(TenantId tenant) {
        tenants.requireOpen(tenant);
    }

    private static String pattern(String text) {
        return "%" + text.toUpperCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
