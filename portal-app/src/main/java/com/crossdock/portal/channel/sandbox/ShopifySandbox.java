package com.crossdock.portal.channel.sandbox;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.BundleView;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemDetails;
import com.crossdock.portal.catalog.ItemSummary;
import com.crossdock.portal.channel.sandbox.SandboxStore.CatalogProduct;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The sandbox shops, one per sandbox connection, kept in memory by tenant and connection id. A shop is created on
 * first use with a product variant for each active item of the tenant's catalog (one per Shopify variant SKU alias,
 * else its master SKU) and for each bundle.
 *
 * <p>Nothing is persisted: a restart of the portal empties every sandbox shop (orders, fulfillments, stock,
 * idempotency keys, faults). That is fine for sandbox mode, whose orders live on in the pipeline's own tables once
 * their webhooks were received; generate again after a restart. Ids are drawn from a counter that starts from the
 * clock, so orders made after a restart never reuse the ids of orders the pipeline already holds.
 */
@Component
class ShopifySandbox {

    private static final int CATALOG_PAGE = 500;
    private static final Pattern VARIANT_ID = Pattern.compile("(?:gid://shopify/ProductVariant/)?([0-9]{1,18})");

    private final CatalogService catalog;
    private final SandboxProperties properties;
    private final Clock clock;
    private final AtomicLong ids;
    private final Map<Key, SandboxStore> stores = new ConcurrentHashMap<>();

    ShopifySandbox(CatalogService catalog, SandboxProperties properties, Clock clock) {
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
        // about Shopify's 13-digit ids, and larger after each restart than anything issued before it
        this.ids = new AtomicLong(clock.millis() * 100);
    }

    /**
     * The shop of a connection, created from the catalog on first use. The caller has checked that the connection is
     * the tenant's and in sandbox mode, and runs as someone who may read the tenant's catalog.
     */
    SandboxStore store(TenantId tenant, UUID connectionId, String shopDomain) {
        return stores.computeIfAbsent(new Key(tenant, connectionId), key -> {
            SandboxStore store = new SandboxStore(tenant, connectionId, shopDomain, clock, ids::incrementAndGet,
                    new CostBucket(properties.bucketSize(), properties.restoreRate(), clock));
            store.addProducts(catalogProducts(tenant));
            return store;
        });
    }

    /** The shop of a connection with a variant for every catalog item and bundle added since it was created. */
    SandboxStore refreshedStore(TenantId tenant, UUID connectionId, String shopDomain) {
        Key key = new Key(tenant, connectionId);
        SandboxStore existing = stores.get(key);
        if (existing == null) {
            return store(tenant, connectionId, shopDomain);
        }
        existing.addProducts(catalogProducts(tenant));
        return existing;
    }

    /** The shop of a connection if it was used since the portal started. */
    @Nullable SandboxStore existing(TenantId tenant, UUID connectionId) {
        return stores.get(new Key(tenant, connectionId));
    }

    /** Forgets a connection's shop; the next use starts an empty one. */
    void discard(TenantId tenant, UUID connectionId) {
        stores.remove(new Key(tenant, connectionId));
    }

    /** The tenant's active items (one product each, a variant per Shopify SKU alias) and bundles. */
    private List<CatalogProduct> catalogProducts(TenantId tenant) {
        List<CatalogProduct> products = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        long count = catalog.count(tenant, "");
        for (int offset = 0; offset < count; offset += CATALOG_PAGE) {
            for (ItemSummary item : catalog.search(tenant, "", offset, CATALOG_PAGE)) {
                if (item.status() != ItemStatus.ACTIVE) {
                    continue;
                }
                CatalogProduct product = item.aliases() == 0
                        ? new CatalogProduct(item.sku(), item.description(), List.of(item.sku()), null, false)
                        : product(catalog.item(tenant, item.id()));
                products.add(product);
                skus.addAll(product.variantSkus());
            }
        }
        for (BundleView bundle : catalog.bundles(tenant)) {
            String sku = bundle.definition().sku().value();
            if (skus.add(sku)) {
                products.add(new CatalogProduct(sku, "Bundle " + sku, List.of(sku), null, true));
            }
        }
        return products;
    }

    private static CatalogProduct product(ItemDetails details) {
        List<String> variantSkus = details.item().aliases().stream()
                .filter(alias -> alias.kind() == AliasKind.SHOPIFY_VARIANT_SKU).map(AliasLine::value)
                .map(String::strip).distinct().toList();
        Long variantId = details.item().aliases().stream()
                .filter(alias -> alias.kind() == AliasKind.SHOPIFY_VARIANT_ID)
                .map(alias -> VARIANT_ID.matcher(alias.value().strip())).filter(Matcher::matches)
                .map(matcher -> Long.parseLong(matcher.group(1))).findFirst().orElse(null);
        String sku = details.item().sku();
        return new CatalogProduct(sku, details.item().description(),
                variantSkus.isEmpty() ? List.of(sku) : variantSkus, variantId, false);
    }

    private record Key(TenantId tenant, UUID connectionId) {
    }
}
