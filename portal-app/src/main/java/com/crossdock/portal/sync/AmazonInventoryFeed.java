package com.crossdock.portal.sync;

import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ChannelListing;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.channel.amazon.AmazonFeeds;
import com.crossdock.portal.channel.amazon.AmazonPayloadException;
import com.crossdock.portal.channel.amazon.SpApiException;
import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inventory push of an Amazon connection, through a {@code JSON_LISTINGS_FEED}: only when the warehouse owns
 * available inventory (like {@link InventoryPush}). A run with no feed in flight works out each seller SKU's
 * merchant-fulfilled quantity from the warehouse's available units and, for those that changed since last accepted,
 * creates a feed document, uploads the feed (a {@code PATCH} of {@code fulfillment_availability} per SKU), creates
 * the feed and keeps its id in {@code amazon_feed}. Later runs look at the feed ({@code getFeed}) without waiting;
 * once Amazon is done they read the processing report: SKUs without errors count as pushed, each SKU with errors
 * becomes an exception with its part of the report as the raw payload, and a FATAL feed one exception for the feed.
 */
@Component
class AmazonInventoryFeed implements FlowWork {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final ChannelService channels;
    private final CatalogService catalog;
    private final ExceptionLog exceptions;
    private final GovernanceService governance;
    private final Clock clock;
    private final AmazonFeeds feeds = new AmazonFeeds();

    AmazonInventoryFeed(TenantTransactions transactions, JdbcClient jdbc, ChannelService channels,
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
        return "AMAZON";
    }

    private record Submitted(UUID id, String feedId, Map<String, Integer> quantities) {
    }

    @Override
    public FlowResult run(TenantId tenant, UUID connectionId) {
        var notOwned = InventoryPush.notTheWarehouses(governance, tenant);
        if (notOwned.isPresent()) {
            return notOwned.get();
        }
        var account = channels.amazonAccount(tenant, connectionId)
                .orElseThrow(() -> new NoSuchConnectionException(connectionId));
        try {
            Optional<Submitted> open = transactions.read(tenant, () -> jdbc.sql("""
                    SELECT id, feed_id, quantities FROM amazon_feed
                    WHERE connection_id = :connection AND status IN ('IN_QUEUE', 'IN_PROGRESS')
                    ORDER BY submitted_at LIMIT 1""").param("connection", connectionId)
                    .query((rs, n) -> new Submitted(rs.getObject(1, UUID.class), rs.getString(2),
                            JSON.readValue(rs.getString(3), new TypeReference<Map<String, Integer>>() { })))
                    .optional());
            if (open.isPresent()) {
                return follow(tenant, connectionId, account, open.get());
            }
            return submit(tenant, connectionId, account);
        } catch (SpApiException | AmazonPayloadException unavailable) {
            String message = unavailable.getMessage();
            transactions.writeAll(tenant, () -> exceptions.record(flow(), connectionId, null,
                    unavailable instanceof SpApiException ? "CHANNEL_UNAVAILABLE" : "UNUSABLE_PAGE",
                    "inventory:" + connectionId, "Inventory feed to Amazon", message, ""));
            return new FlowResult(0, 0, 0, null, true, message);
        }
    }

    private FlowResult submit(TenantId tenant, UUID connectionId, ChannelService.AmazonAccount account) {
        Map<String, Integer> pushed = new HashMap<>();
        WarehouseStock stock = transactions.read(tenant, () -> {
            jdbc.sql("""
                    SELECT channel_sku, pushed_quantity FROM channel_inventory
                    WHERE connection_id = :connection AND pushed_quantity IS NOT NULL""")
                    .param("connection", connectionId)
                    .query((rs, n) -> pushed.put(rs.getString(1), rs.getInt(2))).list();
            return WarehouseStock.read(jdbc);
        });
        if (stock.isEmpty()) {
            return new FlowResult(0, 0, 0, null, false, "The warehouse has not reported stock yet; nothing to push");
        }
        List<ChannelListing> listings = catalog.aliasListings(tenant, AliasKind.AMAZON_MSKU);
        Map<String, Integer> changed = new TreeMap<>();
        for (ChannelListing listing : listings) {
            if (stock.available().keySet().containsAll(listing.perSale().keySet())) {
                int sellable = listing.sellable(stock.available());
                if (!Integer.valueOf(sellable).equals(pushed.get(listing.channelSku()))) {
                    changed.put(listing.channelSku(), sellable);
                }
            }
        }
        if (changed.isEmpty()) {
            return FlowResult.of(listings.size(), 0, 0);
        }
        AmazonFeeds.FeedDocument document = account.client().createFeedDocument(AmazonFeeds.JSON_CONTENT);
        account.client().upload(document, AmazonFeeds.JSON_CONTENT, feeds.inventoryFeed(account.sellerId(),
                changed));
        String feedId = account.client().createFeed(AmazonFeeds.LISTINGS_FEED, account.marketplaceIds(),
                document.feedDocumentId());
        transactions.writeAll(tenant, () -> jdbc.sql("""
                INSERT INTO amazon_feed (tenant_id, id, connection_id, feed_type, feed_id, document_id, quantities,
                                         status, submitted_at)
                VALUES (crossdock_current_tenant(), :id, :connection, :type, :feed, :document, :quantities,
                        'IN_QUEUE', :now)""")
                .param("id", UUID.randomUUID()).param("connection", connectionId)
                .param("type", AmazonFeeds.LISTINGS_FEED).param("feed", feedId)
                .param("document", document.feedDocumentId()).param("quantities", JSON.writeValueAsString(changed))
                .param("now", Timestamp.from(clock.instant())).update());
        return new FlowResult(changed.size(), 0, 0, null, false, "Feed " + feedId + " sent with " + changed.size()
                + " seller SKU(s); a later run reads Amazon's processing report");
    }

    private FlowResult follow(TenantId tenant, UUID connectionId, ChannelService.AmazonAccount account,
            Submitted submitted) {
        AmazonFeeds.Feed feed = account.client().getFeed(submitted.feedId());
        if (!feed.finished()) {
            transactions.writeAll(tenant, () -> jdbc.sql("UPDATE amazon_feed SET status = :status WHERE id = :id")
                    .param("status", feed.processingStatus()).param("id", submitted.id()).update());
            return new FlowResult(0, 0, 0, null, false, "Feed " + feed.feedId() + " is " + feed.processingStatus()
                    + " at Amazon; a later run looks again");
        }
        String report = feed.resultFeedDocumentId() == null ? ""
                : new String(account.client().downloadFeedDocument(feed.resultFeedDocumentId()),
                        StandardCharsets.UTF_8);
        if (!feed.processingStatus().equals("DONE")) {
            String message = "Amazon could not process inventory feed " + feed.feedId() + " ("
                    + feed.processingStatus() + "); none of its " + submitted.quantities().size() + " quantities "
                    + "were applied. The next run sends them again.";
            transactions.writeAll(tenant, () -> {
                finish(submitted, feed.processingStatus(), 0, submitted.quantities().size(), report);
                exceptions.record(flow(), connectionId, null, "FEED_FATAL", "feed:" + connectionId,
                        "Inventory feed " + feed.feedId(), message, report);
            });
            return new FlowResult(submitted.quantities().size(), 0, submitted.quantities().size(), null, true,
                    message);
        }
        AmazonFeeds.ProcessingReport result = feeds.parseProcessingReport(report.getBytes(StandardCharsets.UTF_8));
        List<String> rejected = result.rejectedSkus();
        transactions.writeAll(tenant, () -> {
            submitted.quantities().forEach((sku, quantity) -> {
                if (rejected.contains(sku)) {
                    String issues = String.join("; ", result.issuesBySku().get(sku).stream()
                            .filter(AmazonFeeds.Issue::error).map(issue -> issue.code() + " " + issue.message())
                            .toList());
                    exceptions.record(flow(), connectionId, null, "INVENTORY_REFUSED",
                            "inventory:" + connectionId + ":" + sku, "Seller SKU " + sku, "Amazon refused the "
                                    + "quantity " + quantity + " for " + sku + " in feed " + feed.feedId() + ": "
                                    + issues + ". Fix the listing in Seller Central, then resolve this.",
                            result.rawIssuesBySku().get(sku));
                    return;
                }
                jdbc.sql("""
                        INSERT INTO channel_inventory (tenant_id, id, connection_id, channel_sku, pushed_quantity,
                                                       pushed_at, idempotency_key)
                        VALUES (crossdock_current_tenant(), :id, :connection, :sku, :qty, :now, :feed)
                        ON CONFLICT (tenant_id, connection_id, channel_sku) DO UPDATE SET
                            pushed_quantity = excluded.pushed_quantity, pushed_at = excluded.pushed_at,
                            idempotency_key = excluded.idempotency_key""")
                        .param("id", UUID.randomUUID()).param("connection", connectionId).param("sku", sku)
                        .param("qty", quantity).param("now", Timestamp.from(clock.instant()))
                        .param("feed", "feed:" + feed.feedId()).update();
                exceptions.resolveMoved("INVENTORY_REFUSED", "inventory:" + connectionId + ":" + sku,
                        "Accepted in feed " + feed.feedId());
            });
            finish(submitted, "DONE", submitted.quantities().size() - rejected.size(), rejected.size(), report);
        });
        int accepted = (int) submitted.quantities().keySet().stream().filter(sku -> !rejected.contains(sku)).count();
        return FlowResult.of(submitted.quantities().size(), accepted, submitted.quantities().size() - accepted);
    }

    private void finish(Submitted submitted, String status, int accepted, int rejected, String report) {
        jdbc.sql("""
                UPDATE amazon_feed SET status = :status, finished_at = :now, accepted = :accepted,
                       rejected = :rejected, report = :report
                WHERE id = :id""").param("status", status).param("now", Timestamp.from(clock.instant()))
                .param("accepted", accepted).param("rejected", rejected).param("report", report)
                .param("id", submitted.id()).update();
    }
}
