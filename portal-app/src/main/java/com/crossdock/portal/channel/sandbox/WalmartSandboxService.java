package com.crossdock.portal.channel.sandbox;

import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ChannelListing;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ChannelService.WalmartSandboxCredentials;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.channel.amazon.Pace;
import com.crossdock.portal.channel.sandbox.WalmartSandboxStore.Fault;
import com.crossdock.portal.channel.sandbox.WalmartSandboxStore.ShippingUpdate;
import com.crossdock.portal.channel.walmart.WalmartOrderParser;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The Walmart sandbox of sandbox-mode Walmart connections: one seller per connection, kept in memory (a restart
 * empties it), answering the Marketplace API calls of the connector at {@code /sandbox/walmart/{tenant}/{connection}}.
 * People place purchase orders in it from the tenant's own SKUs (its Walmart SKU aliases, else the master SKU),
 * cancel them, have buyers return what shipped, refund by hand in Seller Center and inject faults; the flows then
 * read and write it like a real seller's account.
 */
@Service
public class WalmartSandboxService {

    private static final String MANAGERS = "hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN')";

    private final TenantService tenants;
    private final ChannelService channels;
    private final CatalogService catalog;
    private final Clock clock;
    private final Map<String, WalmartSandboxStore> sellers = new ConcurrentHashMap<>();

    WalmartSandboxService(TenantService tenants, ChannelService channels, CatalogService catalog, Clock clock) {
        this.tenants = tenants;
        this.channels = channels;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Places {@code count} purchase orders in the connection's sandbox seller, each with one to three of the
     * tenant's Walmart SKUs (aliases of kind {@link AliasKind#WALMART_SKU}, or the master SKU of an item without
     * one). Answers the purchase order ids.
     *
     * @throws IllegalStateException when the catalog has no active item yet
     */
    @PreAuthorize(MANAGERS)
    public List<String> placeOrders(TenantId tenant, UUID connectionId, int count) {
        sandboxConnection(tenant, connectionId);
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("Place between 1 and 1,000 orders");
        }
        List<String> skus = catalog.channelListings(tenant, AliasKind.WALMART_SKU).stream()
                .filter(listing -> listing.perSale().size() == 1).map(ChannelListing::channelSku).distinct().toList();
        if (skus.isEmpty()) {
            throw new IllegalStateException("The catalog has no active item yet: add items (with Walmart SKU "
                    + "aliases where Walmart knows them by another SKU), then place orders");
        }
        return seller(tenant, connectionId).placeOrders(count, skus, new Random());
    }

    /** Walmart cancels a purchase order's open lines; the next order import reads the cancellation. */
    @PreAuthorize(MANAGERS)
    public void cancelOrder(TenantId tenant, UUID connectionId, String purchaseOrderId) {
        sandboxConnection(tenant, connectionId);
        seller(tenant, connectionId).cancel(Objects.requireNonNull(purchaseOrderId, "purchaseOrderId"));
    }

    /**
     * Buyers return what they received from up to {@code count} purchase orders with shipped units not returned
     * yet (Walmart's return orders, read by the returns import). Answers the return order ids.
     *
     * @throws IllegalStateException when nothing shipped is left to return
     */
    @PreAuthorize(MANAGERS)
    public List<String> returnShipped(TenantId tenant, UUID connectionId, int count) {
        sandboxConnection(tenant, connectionId);
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("Return between 1 and 1,000 orders");
        }
        List<String> made = seller(tenant, connectionId).returnShipped(count, new Random());
        if (made.isEmpty()) {
            throw new IllegalStateException("No shipped unit is left to return: let the warehouse ship orders and "
                    + "the fulfillment write-back tell Walmart first");
        }
        return made;
    }

    /** The buyer returns every shipped unit of one purchase order; answers the return order id. */
    @PreAuthorize(MANAGERS)
    public String requestReturn(TenantId tenant, UUID connectionId, String purchaseOrderId, String reason) {
        sandboxConnection(tenant, connectionId);
        return seller(tenant, connectionId).requestReturn(Objects.requireNonNull(purchaseOrderId, "purchaseOrderId"),
                Objects.requireNonNull(reason, "reason"));
    }

    /** The seller refunds a purchase order's shipped units by hand in Seller Center (a later refund is too much). */
    @PreAuthorize(MANAGERS)
    public void refundInSellerCenter(TenantId tenant, UUID connectionId, String purchaseOrderId) {
        sandboxConnection(tenant, connectionId);
        seller(tenant, connectionId).refundInSellerCenter(Objects.requireNonNull(purchaseOrderId,
                "purchaseOrderId"));
    }

    /** The next {@code count} Marketplace API calls (or bulk feeds, for a feed error) meet {@code fault}. */
    @PreAuthorize(MANAGERS)
    public void inject(TenantId tenant, UUID connectionId, Fault fault, int count) {
        sandboxConnection(tenant, connectionId);
        Objects.requireNonNull(fault, "fault");
        seller(tenant, connectionId).inject(fault, count);
    }

    /** What the sandbox seller holds and took, for the Channels card and tests. */
    @PreAuthorize(MANAGERS)
    public Summary summary(TenantId tenant, UUID connectionId) {
        sandboxConnection(tenant, connectionId);
        WalmartSandboxStore seller = seller(tenant, connectionId);
        return new Summary(seller.orderCount(), seller.acknowledgements(), seller.shippingUpdates(),
                seller.inventory(), seller.feedCount(), seller.exchanges(), seller.throttled(), seller.returnCount(),
                seller.refunds());
    }

    /**
     * What a sandbox Walmart seller holds and took.
     *
     * @param orders           purchase orders placed
     * @param acknowledgements how many times each purchase order was acknowledged
     * @param shippingUpdates  every shipping update, in order
     * @param inventory        each SKU's quantity per ship node
     * @param feeds            bulk inventory feeds submitted
     * @param tokenExchanges   client-credentials exchanges
     * @param throttled        calls answered 429
     * @param returns          return orders made
     * @param refunds          every refund Walmart took, in order
     */
    public record Summary(int orders, Map<String, Integer> acknowledgements, List<ShippingUpdate> shippingUpdates,
            Map<String, Map<String, Integer>> inventory, int feeds, int tokenExchanges, int throttled, int returns,
            List<WalmartOrderParser.Refund> refunds) {
    }

    /** The seller of a sandbox connection for the controller, or empty for an unknown or live connection. */
    Optional<WalmartSandboxStore> sellerForCalls(TenantId tenant, UUID connectionId) {
        WalmartSandboxStore existing = sellers.get(tenant.value() + "/" + connectionId);
        if (existing != null) {
            return Optional.of(existing);
        }
        return credentials(tenant, connectionId).map(credentials -> sellers.computeIfAbsent(
                tenant.value() + "/" + connectionId, id -> new WalmartSandboxStore(credentials.clientId(),
                        credentials.clientSecret(), credentials.shipNodes(), Pace.system(clock))));
    }

    private WalmartSandboxStore seller(TenantId tenant, UUID connectionId) {
        return sellerForCalls(tenant, connectionId).orElseThrow(() -> new NoSuchConnectionException(connectionId));
    }

    private Optional<WalmartSandboxCredentials> credentials(TenantId tenant, UUID connectionId) {
        return SystemActor.call(ShopifySandboxService.ACTOR,
                () -> channels.walmartSandboxCredentials(tenant, connectionId));
    }

    private void sandboxConnection(TenantId tenant, UUID connectionId) {
        SandboxConnections.require(tenants, channels, tenant, connectionId, "WALMART");
    }
}
