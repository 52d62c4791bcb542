package com.crossdock.portal.uat;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.BundleView;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ChannelListing;
import com.crossdock.portal.catalog.ItemDetails;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.BundleKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.prep.PrepAttributes;
import com.crossdock.tenantconfig.prep.PrepOwner;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.uat.ItemKind;
import com.crossdock.tenantconfig.uat.ScenarioTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks the tenant's own items for a scenario's roles: distinct items where a scenario names several, the first in
 * SKU order that fits, and for "FBA-bound" an item whose prep is incomplete first, since that is what the scenario
 * is there to catch. What cannot be picked is kept with what to set up, for the step that needs it to fail with.
 */
final class ItemPicker {

    private final CatalogService catalog;

    ItemPicker(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** What was picked per role, and per role that could not be picked what to set up. */
    record Picks(Map<String, PickedItem> picked, Map<String, String> missing) {

        List<PickedItem> list() {
            return List.copyOf(picked.values());
        }
    }

    Picks pick(TenantId tenant, ScenarioTemplate scenario) {
        Map<String, PickedItem> picked = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        List<ChannelListing> listings = catalog.shopifyListings(tenant);
        Set<String> bundleSkus = new HashSet<>();
        Map<String, BundleView> virtual = new LinkedHashMap<>();
        for (BundleView bundle : catalog.bundles(tenant)) {
            bundleSkus.add(bundle.definition().sku().value());
            if (bundle.definition().kind() == BundleKind.VIRTUAL) {
                virtual.put(bundle.definition().sku().value(), bundle);
            }
        }
        List<ChannelListing> singles = listings.stream()
                .filter(listing -> !bundleSkus.contains(listing.channelSku()) && listing.perSale().size() == 1)
                .sorted(Comparator.comparing((ChannelListing listing) -> listing.channelSku().equals(only(listing)))
                        .thenComparing(ChannelListing::channelSku)).toList();
        List<ItemDetails> fba = scenario.itemKinds().stream().anyMatch(kind -> kind == ItemKind.FBA_BOUND
                || kind == ItemKind.FBA_WITH_PREP) ? catalog.fbaBoundItems(tenant).stream()
                .filter(item -> item.item().status() == ItemStatus.ACTIVE).toList() : List.of();
        scenario.items().forEach((role, kind) -> {
            PickedItem item = switch (kind) {
                case SELLABLE -> singles.stream().filter(listing -> !used.contains(only(listing)))
                        .findFirst().map(listing -> new PickedItem(role, kind, listing.channelSku(), listing.perSale(),
                                only(listing) + " is active and the Shopify store sells it as "
                                        + listing.channelSku())).orElse(null);
                case VIRTUAL_BUNDLE -> listings.stream().filter(listing -> virtual.containsKey(listing.channelSku()))
                        .filter(listing -> !used.contains(listing.channelSku())).findFirst()
                        .map(listing -> new PickedItem(role, kind, listing.channelSku(), listing.perSale(),
                                listing.channelSku() + " is a virtual bundle of " + new java.util.TreeMap<>(listing.perSale()).entrySet()
                                        .stream().map(e -> e.getKey() + " × " + e.getValue())
                                        .collect(Collectors.joining(", ")))).orElse(null);
                case FBA_BOUND -> fba.stream().filter(candidate -> !used.contains(candidate.item().sku()))
                        .sorted(Comparator.comparing((ItemDetails candidate) -> complete(candidate.item().prep()))
                                .thenComparing(candidate -> candidate.item().sku()))
                        .findFirst().map(candidate -> fbaItem(role, kind, candidate)).orElse(null);
                case FBA_WITH_PREP -> fba.stream().filter(candidate -> !used.contains(candidate.item().sku()))
                        .filter(candidate -> complete(candidate.item().prep())).findFirst()
                        .map(candidate -> fbaItem(role, kind, candidate)).orElse(null);
            };
            if (item == null) {
                missing.put(role, "This scenario needs " + kind.description() + " for its item " + role
                        + (used.isEmpty() ? "" : " (other than " + String.join(", ", used) + ")")
                        + ", and the catalog has none" + (kind == ItemKind.FBA_WITH_PREP && !fba.isEmpty()
                        ? " (its " + fba.size() + " FBA-bound item(s) lack complete seller prep)" : "")
                        + ". Set it up in " + kind.whereToSetUp() + ".");
            } else {
                picked.put(role, item);
                used.add(kind == ItemKind.VIRTUAL_BUNDLE ? item.channelSku() : item.masterSku());
            }
        });
        return new Picks(picked, missing);
    }

    private static PickedItem fbaItem(String role, ItemKind kind, ItemDetails candidate) {
        String sku = candidate.item().sku();
        String fnsku = alias(candidate, AliasKind.AMAZON_FNSKU);
        String shopify = alias(candidate, AliasKind.SHOPIFY_VARIANT_SKU);
        PrepAttributes prep = candidate.item().prep();
        List<String> gaps = new ArrayList<>(prep.missingForFba());
        gaps.addAll(prep.problems());
        return new PickedItem(role, kind, shopify.isEmpty() ? sku : shopify, Map.of(sku, 1L), sku
                + " ships to Amazon FBA (FNSKU " + fnsku + ")" + (complete(prep) ? ", with seller prep "
                + prep.types().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))
                : gaps.isEmpty() ? ", prep not done by the seller" : "; its prep is incomplete (" + String.join("; ",
                gaps) + "), which this scenario checks"));
    }

    /** Complete for FBA, and done by the seller's side, so the warehouse gets instructions. */
    private static boolean complete(PrepAttributes prep) {
        return prep.missingForFba().isEmpty() && prep.problems().isEmpty() && prep.prepOwner() == PrepOwner.SELLER
                && !prep.types().isEmpty();
    }

    private static String alias(ItemDetails item, AliasKind kind) {
        return item.item().aliases().stream().filter(alias -> alias.kind() == kind).map(AliasLine::value)
                .findFirst().orElse("");
    }

    private static String only(ChannelListing listing) {
        return listing.perSale().keySet().iterator().next();
    }
}
