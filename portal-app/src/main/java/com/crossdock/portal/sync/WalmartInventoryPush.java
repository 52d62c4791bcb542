package com.crossdock.portal.sync;

import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ChannelListing;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.channel.walmart.WalmartApiException;
import com.crossdock.portal.channel.walmart.WalmartClient;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.FeedItem;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.FeedStatus;
import com.crossdock.portal.channel.walmart.WalmartPayloadException;
import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inventory push of a Walmart connection: what Walmart may sell of each listing (its Walmart SKU aliases, or the
 * master SKU), worked out from the warehouse's available units like the Shopify push, set at the connection's
 * first ship node (the 3PL's warehouse) where it differs from what was last pushed, and only while the warehouse
 * owns available inventory in the tenant's source of truth. A few changes go as one inventory update per SKU; more
 * than {@link #SINGLE_UPDATES} go as one multi-node bulk {@code MP_INVENTORY} feed while the hour's feed allowance
 * lasts. A feed is processed by Walmart later: its SKUs wait as {@code feed:<id>} until a run reads the feed's
 * status, then each SKU Walmart could not take becomes an {@code INVENTORY_REFUSED} exception and is pushed again.
 */
@Component
class WalmartInventoryPush implements FlowWork {

    /** Up to this many changed SKUs are updated one by one; more go as one bulk feed. */
    static final int SINGLE_UPDATES = 10;

    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final ChannelService channels;
    private final CatalogService catalog;
    private final ExceptionLog exceptions;
    private final GovernanceService governance;
    private final Clock clock;

    WalmartInventoryPush(TenantTransactions transactions, JdbcClient jdbc, ChannelService channels,
            CatalogService catalog, ExceptionLog exceptions, GovernanceService governance, Clock clock) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.channels = channels;
        this.catalog = catalog;
        this.exceptions = exceptions;
        this.governance = governance;
        this.clock = clock;
    }

    @Override
    public Flow flow() {
        return Flow.INVENTORY_PUSH;
    }

    @Override
    public String channel() {
        return "WALMART";
    }

    private record Pushed(@Nullable Integer quantity, @Nullable String key) {
    }

    @Override
    public FlowResult run(TenantId tenant, UUID connectionId) {
        var notOwned = InventoryPush.notTheWarehouses(governance, tenant);
        if (notOwned.isPresent()) {
            return notOwned.get();
        }
        var account = channels.walmartAccount(tenant, connectionId)
                .orElseThrow(() -> new NoSuchConnectionException(connectionId));
        WalmartClient client = account.client();
        String shipNode = account.shipNodes().getFirst();
        int failed = 0;
        int done = 0;
        Map<String, Integer> changed = new TreeMap<>();
        try {
            failed += settleFeeds(tenant, connectionId, client);
            Map<String, Pushed> pushed = new HashMap<>();
            WarehouseStock stock = transactions.read(tenant, () -> {
                jdbc.sql("""
                        SELECT channel_sku, pushed_quantity, idempotency_key FROM channel_inventory
                        WHERE connection_id = :connection""").param("connection", connectionId)
                        .query((rs, n) -> pushed.put(rs.getString(1), new Pushed((Integer) rs.getObject(2),
                                rs.getString(3)))).list();
                return WarehouseStock.read(jdbc);
            });
            Map<String, Integer> available = stock.available();
            if (available.isEmpty()) {
                return new FlowResult(0, 0, failed, null, false, "The warehouse has not reported stock yet; nothing "
                        + "to push");
            }
            List<ChannelListing> listings = catalog.channelListings(tenant, AliasKind.WALMART_SKU);
            for (ChannelListing listing : listings) {
                Pushed last = pushed.get(listing.channelSku());
                if (!available.keySet().containsAll(listing.perSale().keySet())
                        || last != null && last.key() != null && last.key().startsWith("feed:")) {
                    // not every component reported yet, or a feed with this SKU is still being processed
                    continue;
                }
                int sellable = listing.sellable(available);
                if (last == null || last.quantity() == null || last.quantity() != sellable) {
                    changed.put(listing.channelSku(), sellable);
                }
            }
            if (changed.isEmpty()) {
                return FlowResult.of(listings.size(), 0, failed);
            }
            if (changed.size() > SINGLE_UPDATES && client.tryFeed()) {
                Map<String, Map<String, Integer>> feed = new LinkedHashMap<>();
                changed.forEach((sku, quantity) -> feed.put(sku, Map.of(shipNode, quantity)));
                String feedId = client.submitInventoryFeed(feed);
                transactions.writeAll(tenant, () -> changed.forEach((sku, quantity) -> remember(connectionId, sku,
                        quantity, "feed:" + feedId)));
                failed += settleFeeds(tenant, connectionId, client);
                return new FlowResult(changed.size(), changed.size(), failed, null, false, changed.size()
                        + " SKU(s) sent in bulk inventory feed " + feedId);
            }
            for (var change : changed.entrySet()) {
                try {
                    client.updateInventory(change.getKey(), Map.of(shipNode, change.getValue()));
                } catch (WalmartApiException refused) {
                    if (!refused.refused()) {
                        throw refused;
                    }
                    failed++;
                    refusedSku(tenant, connectionId, change.getKey(), "Walmart refused the quantity "
                            + change.getValue() + " for " + change.getKey() + " at ship node " + shipNode + ": "
                            + refused.getMessage());
                    continue;
                }
                transactions.writeAll(tenant, () -> remember(connectionId, change.getKey(), change.getValue(),
                        "sku:" + shipNode));
                done++;
            }
        } catch (WalmartApiException | WalmartPayloadException unavailable) {
            String message = unavailable.getMessage();
            transactions.writeAll(tenant, () -> exceptions.record(flow(), connectionId, null, "CHANNEL_UNAVAILABLE",
                    "inventory:" + connectionId, "Inventory push to Walmart", message, ""));
            return new FlowResult(changed.size(), done, failed, null, true, message);
        }
        return FlowResult.of(changed.size(), done, failed);
    }

    /**
     * Reads the status of every feed whose SKUs still wait: once Walmart processed it, each SKU it refused is an
     * exception and is pushed again by a later run, the others are settled. Answers how many SKUs were refused.
     */
    private int settleFeeds(TenantId tenant, UUID connectionId, WalmartClient client) {
        List<String> open = transactions.read(tenant, () -> jdbc.sql("""
                SELECT DISTINCT idempotency_key FROM channel_inventory
                WHERE connection_id = :connection AND idempotency_key LIKE 'feed:%'""")
                .param("connection", connectionId).query(String.class).list());
        int refused = 0;
        for (String key : open) {
            String feedId = key.substring("feed:".length());
            FeedStatus status = client.feedStatus(feedId);
            if (!status.done()) {
                continue;
            }
            Map<String, FeedItem> items = new HashMap<>();
            status.items().forEach(item -> items.put(item.sku(), item));
            List<String> skus = transactions.read(tenant, () -> jdbc.sql("""
                    SELECT channel_sku FROM channel_inventory WHERE connection_id = :connection AND idempotency_key = :key""")
                    .param("connection", connectionId).param("key", key).query(String.class).list());
            for (String sku : skus) {
                FeedItem item = items.get(sku);
                if (item != null && item.succeeded()) {
                    transactions.writeAll(tenant, () -> settle(connectionId, sku, key, true));
                    continue;
                }
                refused++;
                transactions.writeAll(tenant, () -> settle(connectionId, sku, key, false));
                refusedSku(tenant, connectionId, sku, "Walmart could not apply the quantity for " + sku + " in bulk "
                        + "inventory feed " + feedId + ": " + (item == null ? "the feed ended " + status.status()
                        + " without a result for it" : item.status() + (item.error().isEmpty() ? "" : " (" + item.error()
                        + ")")) + ". The next run pushes it again.");
            }
        }
        return refused;
    }

    private void refusedSku(TenantId tenant, UUID connectionId, String sku, String message) {
        transactions.writeAll(tenant, () -> exceptions.record(flow(), connectionId, null, "INVENTORY_REFUSED",
                "inventory:" + connectionId + ":" + sku, "SKU " + sku, message, ""));
    }

    private void settle(UUID connectionId, String sku, String key, boolean applied) {
        jdbc.sql("""
                UPDATE channel_inventory SET idempotency_key = :done,
                       pushed_quantity = CASE WHEN :applied THEN pushed_quantity END
                WHERE connection_id = :connection AND channel_sku = :sku AND idempotency_key = :key""")
                .param("done", (applied ? "feed-done:" : "feed-failed:") + key.substring("feed:".length()))
                .param("applied", applied).param("connection", connectionId).param("sku", sku).param("key", key)
                .update();
    }

    private void remember(UUID connectionId, String sku, int quantity, String key) {
        jdbc.sql("""
                INSERT INTO channel_inventory (tenant_id, id, connection_id, channel_sku, pushed_quantity, pushed_at,
                                               idempotency_key)
                VALUES (crossdock_current_tenant(), :id, :connection, :sku, :qty, :now, :key)
                ON CONFLICT (tenant_id, connection_id, channel_sku) DO UPDATE
                SET pushed_quantity = excluded.pushed_quantity, pushed_at = excluded.pushed_at,
                    idempotency_key = excluded.idempotency_key""")
                .param("id", UUID.randomUUID()).param("connection", connectionId).param("sku", sku)
                .param("qty", quantity).param("now", Timestamp.from(clock.instant())).param("key", key).update();
    }
}
