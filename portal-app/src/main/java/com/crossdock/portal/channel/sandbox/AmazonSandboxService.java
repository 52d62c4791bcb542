package com.crossdock.portal.channel.sandbox;

import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ChannelService.AmazonSandboxCredentials;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.channel.amazon.Pace;
import com.crossdock.portal.channel.sandbox.AmazonSandboxStore.Fault;
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
 * The Amazon sandbox of sandbox-mode Amazon connections: one seller account per connection, kept in memory (a
 * restart empties it), answering the SP-API calls of the connector at
 * {@code /sandbox/amazon/{tenant}/{connection}}. People place orders in it from the tenant's Amazon seller SKUs and
 * inject faults; the order import flow then reads them like a real account's.
 */
@Service
public class AmazonSandboxService {

    private static final String MANAGERS = "hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN')";

    private final TenantService tenants;
    private final ChannelService channels;
    private final CatalogService catalog;
    private final Clock clock;
    private final Map<String, AmazonSandboxStore> accounts = new ConcurrentHashMap<>();

    AmazonSandboxService(TenantService tenants, ChannelService channels, CatalogService catalog, Clock clock) {
        this.tenants = tenants;
        this.channels = channels;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Places {@code count} merchant-fulfilled orders and {@code fbaCount} fulfilled by Amazon in the connection's
     * sandbox account, each with one to three of the tenant's Amazon seller SKUs (aliases of kind
     * {@link AliasKind#AMAZON_MSKU}). Answers the Amazon order ids.
     *
     * @throws IllegalStateException when no active item has an Amazon seller SKU yet
     */
    @PreAuthorize(MANAGERS)
    public List<String> placeOrders(TenantId tenant, UUID connectionId, int count, int fbaCount) {
        sandboxConnection(tenant, connectionId);
        if (count < 0 || fbaCount < 0 || count + fbaCount < 1 || count + fbaCount > 1000) {
            throw new IllegalArgumentException("Place between 1 and 1,000 orders");
        }
        List<String> skus = catalog.activeAliases(tenant, AliasKind.AMAZON_MSKU);
        if (skus.isEmpty()) {
            throw new IllegalStateException("No active item has an Amazon seller SKU yet: add AMAZON_MSKU aliases "
                    + "to the catalog, then place orders");
        }
        return account(tenant, connectionId).placeOrders(count, fbaCount, skus, new Random());
    }

    /** Cancels an order in the connection's sandbox account; the next order import reads the cancellation. */
    @PreAuthorize(MANAGERS)
    public void cancelOrder(TenantId tenant, UUID connectionId, String amazonOrderId) {
        sandboxConnection(tenant, connectionId);
        account(tenant, connectionId).cancel(Objects.requireNonNull(amazonOrderId, "amazonOrderId"));
    }

    /**
     * The buyer asks to cancel an order in the connection's sandbox account; an {@code ORDER_CHANGE} notification
     * goes on its queue, which the next order import reads.
     */
    @PreAuthorize(MANAGERS)
    public void requestCancel(TenantId tenant, UUID connectionId, String amazonOrderId, String reason) {
        sandboxConnection(tenant, connectionId);
        account(tenant, connectionId).requestCancel(Objects.requireNonNull(amazonOrderId, "amazonOrderId"),
                Objects.requireNonNull(reason, "reason"));
    }

    /**
     * The next {@code count} SP-API calls of the connection meet {@code fault}; the notification faults apply to its
     * SQS queue instead (see {@link Fault}).
     */
    @PreAuthorize(MANAGERS)
    public void inject(TenantId tenant, UUID connectionId, Fault fault, int count) {
        sandboxConnection(tenant, connectionId);
        Objects.requireNonNull(fault, "fault");
        account(tenant, connectionId).inject(fault, count);
    }

    /** The packages the connection's sandbox account saw confirmed ({@code confirmShipment}), oldest first. */
    @PreAuthorize(MANAGERS)
    public List<AmazonSandboxStore.ConfirmedPackage> confirmedPackages(TenantId tenant, UUID connectionId) {
        sandboxConnection(tenant, connectionId);
        return account(tenant, connectionId).confirmedPackages();
    }

    /** An order's status in the connection's sandbox account ({@code Unshipped}, {@code Shipped}, ...). */
    @PreAuthorize(MANAGERS)
    public Optional<String> orderStatus(TenantId tenant, UUID connectionId, String amazonOrderId) {
        sandboxConnection(tenant, connectionId);
        return account(tenant, connectionId).orderStatus(amazonOrderId);
    }

    /** Listings feeds of the connection's sandbox account refuse {@code sku} from now on, with {@code message}. */
    @PreAuthorize(MANAGERS)
    public void rejectInFeeds(TenantId tenant, UUID connectionId, String sku, String message) {
        sandboxConnection(tenant, connectionId);
        account(tenant, connectionId).rejectInFeeds(Objects.requireNonNull(sku, "sku"),
                Objects.requireNonNull(message, "message"));
    }

    /** The merchant-fulfilled quantity per seller SKU the connection's processed listings feeds set. */
    @PreAuthorize(MANAGERS)
    public Map<String, Integer> mfnQuantities(TenantId tenant, UUID connectionId) {
        sandboxConnection(tenant, connectionId);
        return account(tenant, connectionId).mfnQuantities();
    }

    /** Sets Amazon's prep details of a seller SKU in the connection's sandbox account (as Amazon would decide). */
    @PreAuthorize(MANAGERS)
    public void setAmazonPrep(TenantId tenant, UUID connectionId,
            com.crossdock.portal.channel.amazon.AmazonPrepDetails.Msku details) {
        sandboxConnection(tenant, connectionId);
        account(tenant, connectionId).setAmazonPrep(Objects.requireNonNull(details, "details"));
    }

    /** Amazon's prep details of a seller SKU in the connection's sandbox account. */
    @PreAuthorize(MANAGERS)
    public com.crossdock.portal.channel.amazon.AmazonPrepDetails.Msku amazonPrep(TenantId tenant, UUID connectionId,
            String msku) {
        sandboxConnection(tenant, connectionId);
        return account(tenant, connectionId).amazonPrep(Objects.requireNonNull(msku, "msku"));
    }

    /** Amazon changes a seller SKU's merchant-fulfilled quantity in the sandbox account and notifies it. */
    @PreAuthorize(MANAGERS)
    public void changeMfnQuantity(TenantId tenant, UUID connectionId, String sku, int quantity) {
        sandboxConnection(tenant, connectionId);
        account(tenant, connectionId).changeMfnQuantity(Objects.requireNonNull(sku, "sku"), quantity);
    }

    /** How many notifications wait on the connection's sandbox SQS queue (received ones not deleted included). */
    @PreAuthorize(MANAGERS)
    public int notificationsOnQueue(TenantId tenant, UUID connectionId) {
        sandboxConnection(tenant, connectionId);
        return account(tenant, connectionId).notificationsOnQueue();
    }

    /** How many notifications the connection's sandbox SQS queue delivered (one delivered twice counts twice). */
    @PreAuthorize(MANAGERS)
    public int notificationDeliveries(TenantId tenant, UUID connectionId) {
        sandboxConnection(tenant, connectionId);
        return account(tenant, connectionId).notificationDeliveries();
    }

    /** How many feeds the connection's sandbox account received. */
    @PreAuthorize(MANAGERS)
    public int feedCount(TenantId tenant, UUID connectionId) {
        sandboxConnection(tenant, connectionId);
        return account(tenant, connectionId).feedCount();
    }

    /** How many orders the connection's sandbox account holds. */
    @PreAuthorize(MANAGERS)
    public int orderCount(TenantId tenant, UUID connectionId) {
        sandboxConnection(tenant, connectionId);
        return account(tenant, connectionId).orderCount();
    }

    /** The account of a sandbox connection for the controller, or empty for an unknown or live connection. */
    Optional<AmazonSandboxStore> accountForCalls(TenantId tenant, UUID connectionId) {
        AmazonSandboxStore existing = accounts.get(tenant.value() + "/" + connectionId);
        if (existing != null) {
            return Optional.of(existing);
        }
        return credentials(tenant, connectionId).map(credentials -> accounts.computeIfAbsent(tenant.value() + "/" + connectionId,
                id -> new AmazonSandboxStore(credentials.refreshToken(), credentials.marketplaceIds(),
                        SandboxAddress.sandboxAwsAccount(connectionId), credentials.awsAccessKeyId(),
                        Pace.system(clock))));
    }

    private AmazonSandboxStore account(TenantId tenant, UUID connectionId) {
        return accountForCalls(tenant, connectionId).orElseThrow(() -> new NoSuchConnectionException(connectionId));
    }

    private Optional<AmazonSandboxCredentials> credentials(TenantId tenant, UUID connectionId) {
        return SystemActor.call(ShopifySandboxService.ACTOR,
                () -> channels.amazonSandboxCredentials(tenant, connectionId));
    }

    private void sandboxConnection(TenantId tenant, UUID connectionId) {
        SandboxConnections.require(tenants, channels, tenant, connectionId, "AMAZON");
    }
}
