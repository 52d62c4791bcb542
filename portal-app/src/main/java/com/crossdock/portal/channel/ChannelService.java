package com.crossdock.portal.channel;

import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A tenant's sales-channel connections. Credentials are sealed by {@link CredentialCipher} before they reach the
 * database and are only opened for the connector's own calls, never for a screen.
 */
@Service
public class ChannelService {

    private static final String MANAGERS = "hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN')";
    private static final Pattern SHOP_DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]*\\.myshopify\\.com");
    private static final Pattern API_VERSION = Pattern.compile("20\\d\\d-(01|04|07|10)");
    /** Amazon's seller and marketplace ids: an A and upper-case letters and digits. */
    private static final Pattern AMAZON_ID = Pattern.compile("A[0-9A-Z]{7,19}");
    /** An SQS queue's URL: the region's endpoint, the twelve-digit AWS account and the queue's name. */
    private static final Pattern SQS_QUEUE_URL = Pattern.compile(
            "https://sqs\\.([a-z]{2}(?:-[a-z]+)+-\\d)\\.amazonaws\\.com(?:\\.cn)?/(\\d{12})/([A-Za-z0-9_-]{1,80})");
    /** An AWS region's code, e.g. us-east-1. */
    private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(?:-[a-z]+)+-\\d");
    /** An IAM user's long-term access key id. */
    private static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile("AKIA[0-9A-Z]{16}");
    /** Walmart's partner and ship node ids: digits. */
    private static final Pattern WALMART_ID = Pattern.compile("[0-9]{3,30}");

    private final TenantService tenants;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final CredentialCipher cipher;
    private final Clock clock;
    private final com.crossdock.portal.channel.sandbox.SandboxAddress sandbox;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .connectTimeout(java.time.Duration.ofSeconds(10)).build();
    private final Map<String, com.crossdock.portal.channel.amazon.SpApiClient> amazonClients =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, com.crossdock.portal.channel.walmart.WalmartClient> walmartClients =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, com.crossdock.portal.channel.amazon.NotificationQueue> notificationQueues =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final AmazonNotificationProperties notificationSettings;

    ChannelService(TenantService tenants, TenantTransactions transactions, JdbcClient jdbc, CredentialCipher cipher,
            Clock clock, com.crossdock.portal.channel.sandbox.SandboxAddress sandbox,
            org.springframework.context.ApplicationEventPublisher events,
            AmazonNotificationProperties notificationSettings) {
        this.notificationSettings = notificationSettings;
        this.sandbox = sandbox;
        this.events = events;
        this.tenants = tenants;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Whether the signed-in person may connect stores and rotate secrets (brand admins, account managers, platform
     * admins), so a screen can leave out what the service would refuse anyway.
     */
    public boolean canManage() {
        return CurrentUser.find().map(user -> user.has(Role.PLATFORM_ADMIN) || user.has(Role.ACCOUNT_MANAGER)
                || user.has(Role.BRAND_ADMIN)).orElse(false);
    }

    /** The tenant's connections, credentials masked. */
    @PreAuthorize("isAuthenticated()")
    public List<ConnectionView> connections(TenantId tenant) {
        requireAccess(tenant);
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT c.id, c.channel, c.name, c.shop_domain, c.api_version, c.mode, c.access_token,
                       c.previous_secret IS NOT NULL, c.version, a.refresh_token, w.client_id
                FROM channel_connection c LEFT JOIN amazon_connection a ON a.connection_id = c.id
                LEFT JOIN walmart_connection w ON w.connection_id = c.id
                ORDER BY c.name""").query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    // Shopify: the Admin API token; Amazon: the LWA refresh token; Walmart: the client id
                    String token = rs.getBytes(7) != null
                            ? cipher.open(rs.getBytes(7), context(tenant, id, "access_token"))
                            : rs.getBytes(10) != null
                                    ? cipher.open(rs.getBytes(10), context(tenant, id, "refresh_token"))
                                    : cipher.open(rs.getBytes(11), context(tenant, id, "client_id"));
                    return new ConnectionView(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            ChannelMode.valueOf(rs.getString(6)), hint(token), rs.getBoolean(8), rs.getLong(9));
                }).list());
    }

    /** Connects a Shopify store; both credentials are required. */
    @PreAuthorize(MANAGERS)
    public ConnectionView connectShopify(TenantId tenant, ShopifyConnectionCommand command) {
        requireAccess(tenant);
        Map<String, String> errors = validate(command, true);
        UUID id = UUID.randomUUID();
        return transactions.write(tenant, () -> {
            if (jdbc.sql("SELECT count(*) FROM channel_connection WHERE channel = 'SHOPIFY' AND shop_domain = :shop")
                    .param("shop", normalisedDomain(command.shopDomain())).query(Long.class).single() > 0) {
                errors.put("shopDomain", "This store is already connected");
            }
            if (!errors.isEmpty()) {
                throw new ChannelValidationException(errors);
            }
            // Shopify's credentials live on the connection itself; the marketplaces keep theirs beside it
            insertConnection(id, "SHOPIFY", command.name(), normalisedDomain(command.shopDomain()),
                    command.apiVersion().strip(), command.mode(),
                    cipher.seal(command.accessToken().strip(), context(tenant, id, "access_token")),
                    cipher.seal(command.webhookSecret().strip(), context(tenant, id, "webhook_secret")));
            events.publishEvent(new ChannelConnected(tenant, id, "SHOPIFY"));
            return view(tenant, id).orElseThrow();
        });
    }

    /**
     * Connects an Amazon seller account, shown as its seller id and region (e.g. {@code A2EXAMPLE1SELLER (NA)}: a
     * seller selling in several regions has a connection for each). In sandbox mode blank credentials are made up
     * for the portal's own sandbox; live, the LWA client id and secret and the refresh token are required, and so
     * are the SQS queue that SP-API notifications go to and an access key that may read it (the region is taken
     * from the queue's URL when left blank). Secrets and the access key are sealed.
     */
    @PreAuthorize(MANAGERS)
    public ConnectionView connectAmazon(TenantId tenant, AmazonConnectionCommand command) {
        requireAccess(tenant);
        Map<String, String> errors = validate(command);
        UUID id = UUID.randomUUID();
        boolean sandboxMode = command.mode() == ChannelMode.SANDBOX;
        String clientId = blankOr(command.lwaClientId(), sandboxMode ? "amzn1.application-oa2-client.sandbox" : "");
        String secret = blankOr(command.lwaClientSecret(), sandboxMode ? "sandbox-" + UUID.randomUUID() : "");
        String refresh = blankOr(command.refreshToken(), sandboxMode ? "Atzr|sandbox-" + UUID.randomUUID() : "");
        String seller = command.sellerId() == null ? "" : command.sellerId().strip().toUpperCase(Locale.ROOT);
        // a sandbox connection's queue is the sandbox's own; its access key is made up for the sandbox to check
        @Nullable String queueUrl = sandboxMode ? null : blankOr(command.sqsQueueUrl(), "");
        @Nullable String awsRegion = sandboxMode ? null : queueRegion(command);
        String keyId = blankOr(command.awsAccessKeyId(), sandboxMode ? sandboxAccessKeyId() : "")
                .toUpperCase(Locale.ROOT);
        String keySecret = blankOr(command.awsSecretAccessKey(), sandboxMode ? UUID.randomUUID().toString()
                .replace("-", "") + "sandbox0" : "");
        return transactions.write(tenant, () -> {
            if (errors.isEmpty() && jdbc.sql("""
                    SELECT count(*) FROM amazon_connection WHERE seller_id = :seller AND region = :region""")
                    .param("seller", seller).param("region", command.region().name()).query(Long.class).single() > 0) {
                errors.put("sellerId", "This seller account is already connected in this region");
            }
            if (!errors.isEmpty()) {
                throw new ChannelValidationException(errors);
            }
            // one seller may sell in several regions, a connection each: the region is part of its name
            insertConnection(id, "AMAZON", command.name(), seller + " (" + command.region().name() + ")", "v0",
                    command.mode(), null, null);
            jdbc.sql("""
                    INSERT INTO amazon_connection (tenant_id, connection_id, seller_id, marketplace_ids, region,
                                                   lwa_client_id, lwa_client_secret, refresh_token,
                                                   sqs_queue_url, aws_region, aws_access_key_id, aws_secret_access_key)
                    VALUES (crossdock_current_tenant(), :id, :seller, :marketplaces, :region, :clientId, :secret,
                            :refresh, :queueUrl, :awsRegion, :keyId, :keySecret)""")
                    .param("id", id).param("seller", seller)
                    .param("marketplaces", String.join(",", marketplaces(command.marketplaceIds())))
                    .param("region", command.region().name()).param("clientId", clientId)
                    .param("secret", cipher.seal(secret, context(tenant, id, "lwa_client_secret")))
                    .param("refresh", cipher.seal(refresh, context(tenant, id, "refresh_token")))
                    .param("queueUrl", queueUrl).param("awsRegion", awsRegion)
                    .param("keyId", cipher.seal(keyId, context(tenant, id, "aws_access_key_id")))
                    .param("keySecret", cipher.seal(keySecret, context(tenant, id, "aws_secret_access_key"))).update();
            events.publishEvent(new ChannelConnected(tenant, id, "AMAZON"));
            return view(tenant, id).orElseThrow();
        });
    }

    /**
     * Connects a Walmart Marketplace seller, shown as its partner id. In sandbox mode blank keys are made up for the
     * portal's own Walmart sandbox; live, the client id and secret are required. Both are sealed.
     */
    @PreAuthorize(MANAGERS)
    public ConnectionView connectWalmart(TenantId tenant, WalmartConnectionCommand command) {
        requireAccess(tenant);
        Map<String, String> errors = validate(command);
        UUID id = UUID.randomUUID();
        boolean sandboxMode = command.mode() == ChannelMode.SANDBOX;
        String clientId = blankOr(command.clientId(), sandboxMode ? "sandbox-" + UUID.randomUUID() : "");
        String secret = blankOr(command.clientSecret(), sandboxMode ? "sandbox-" + UUID.randomUUID() : "");
        String seller = command.sellerId() == null ? "" : command.sellerId().strip();
        return transactions.write(tenant, () -> {
            if (errors.isEmpty() && jdbc.sql("SELECT count(*) FROM walmart_connection WHERE seller_id = :seller")
                    .param("seller", seller).query(Long.class).single() > 0) {
                errors.put("sellerId", "This Walmart seller is already connected");
            }
            if (!errors.isEmpty()) {
                throw new ChannelValidationException(errors);
            }
            insertConnection(id, "WALMART", command.name(), seller, "v3", command.mode(), null, null);
            jdbc.sql("""
                    INSERT INTO walmart_connection (tenant_id, connection_id, seller_id, ship_nodes, client_id,
                                                    client_secret)
                    VALUES (crossdock_current_tenant(), :id, :seller, :nodes, :clientId, :secret)""")
                    .param("id", id).param("seller", seller)
                    .param("nodes", String.join(",", shipNodes(command.shipNodes())))
                    .param("clientId", cipher.seal(clientId, context(tenant, id, "client_id")))
                    .param("secret", cipher.seal(secret, context(tenant, id, "client_secret"))).update();
            events.publishEvent(new ChannelConnected(tenant, id, "WALMART"));
            return view(tenant, id).orElseThrow();
        });
    }

    /**
     * The connection row every channel has, in the tenant transaction open: what it is, how people name it, where it
     * points ({@code shop_domain}: the store, the seller or the partner id), whether it is a sandbox, and the sealed
     * credentials a Shopify store keeps on the row itself (none for the marketplaces, which keep theirs beside it).
     */
    private void insertConnection(UUID id, String channel, String name, String address, String apiVersion,
            ChannelMode mode, byte @Nullable [] sealedAccessToken, byte @Nullable [] sealedWebhookSecret) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO channel_connection (tenant_id, id, channel, name, shop_domain, api_version, mode,
                                                access_token, webhook_secret, created_at, updated_at, updated_by)
                VALUES (crossdock_current_tenant(), :id, :channel, :name, :address, :version, :mode, :token, :secret,
                        :now, :now, :actor)""")
                .param("id", id).param("channel", channel).param("name", name.strip()).param("address", address)
                .param("version", apiVersion).param("mode", mode.name()).param("token", sealedAccessToken)
                .param("secret", sealedWebhookSecret).param("now", now)
                .param("actor", CurrentUser.actor()).update();
    }

    private static Map<String, String> validate(WalmartConnectionCommand command) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (command.name() == null || command.name().isBlank() || command.name().strip().length() > 100) {
            errors.put("name", "Name the connection (up to 100 characters), e.g. “Walmart US”");
        }
        if (command.sellerId() == null || !WALMART_ID.matcher(command.sellerId().strip()).matches()) {
            errors.put("sellerId", "Enter the seller's partner id from Seller Center, Settings → Partner profile "
                    + "(digits, e.g. 10001234567)");
        }
        List<String> nodes = shipNodes(command.shipNodes());
        if (nodes.isEmpty() || !nodes.stream().allMatch(node -> WALMART_ID.matcher(node).matches())) {
            errors.put("shipNodes", "Enter the ship node id(s) of the warehouse, separated by commas (Seller "
                    + "Center → Settings → Shipping → Ship nodes, digits)");
        }
        if (command.mode() == null) {
            errors.put("mode", "Choose sandbox or live");
        }
        if (command.mode() == ChannelMode.LIVE) {
            if (command.clientId() == null || command.clientId().isBlank()) {
                errors.put("clientId", "Paste the client id of the API keys (Developer Portal → API Keys)");
            }
            if (command.clientSecret() == null || command.clientSecret().isBlank()) {
                errors.put("clientSecret", "Paste the client secret of the API keys");
            }
        }
        return errors;
    }

    private static List<String> shipNodes(@Nullable List<String> nodes) {
        return separated(nodes);
    }

    /** Values entered one per field or several separated by commas or spaces, without blanks and repeats. */
    private static List<String> separated(@Nullable List<String> values) {
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull)
                .flatMap(value -> java.util.Arrays.stream(value.split("[,\\s]+"))).map(String::strip)
                .filter(value -> !value.isEmpty()).distinct().toList();
    }

    /**
     * The Walmart client of a Walmart connection for the flows: a live connection talks to
     * {@code marketplace.walmartapis.com}, a sandbox connection to the portal's own Walmart sandbox. One client per
     * connection (and settings version) is kept, so its access token and throttling state live on between runs.
     * Only the flows' system actor may call this.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN') and principal.username == 'system:flow'")
    public Optional<WalmartAccount> walmartAccount(TenantId tenant, UUID connectionId) {
        return walmartAccountOf(tenant, connectionId);
    }

    private Optional<WalmartAccount> walmartAccountOf(TenantId tenant, UUID connectionId) {
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT c.mode, c.version, w.ship_nodes, w.client_id, w.client_secret
                FROM channel_connection c JOIN walmart_connection w ON w.connection_id = c.id
                WHERE c.id = :id AND c.channel = 'WALMART'""").param("id", connectionId).query((rs, n) -> {
                    boolean sandboxMode = ChannelMode.valueOf(rs.getString(1)) == ChannelMode.SANDBOX;
                    List<String> nodes = List.of(rs.getString(3).split(","));
                    byte[] clientId = rs.getBytes(4);
                    byte[] secret = rs.getBytes(5);
                    var client = walmartClients.computeIfAbsent(connectionId + ":" + rs.getLong(2), ignored -> {
                        java.net.URI endpoint = sandboxMode ? sandbox.walmartBaseUrl(tenant, connectionId)
                                : java.net.URI.create("https://marketplace.walmartapis.com");
                        var transport = com.crossdock.portal.channel.amazon.SpApiTransport.http(http);
                        var pace = com.crossdock.portal.channel.amazon.Pace.system(clock);
                        var tokens = new com.crossdock.portal.channel.walmart.WalmartTokens(
                                com.crossdock.portal.channel.walmart.WalmartTokens.clientCredentials(
                                        java.net.URI.create(endpoint + "/v3/token"), transport,
                                        cipher.open(clientId, context(tenant, connectionId, "client_id")),
                                        cipher.open(secret, context(tenant, connectionId, "client_secret"))), pace);
                        return new com.crossdock.portal.channel.walmart.WalmartClient(endpoint, transport, tokens,
                                new com.crossdock.portal.channel.walmart.WalmartLimiter(pace), pace);
                    });
                    return new WalmartAccount(client, nodes);
                }).optional());
    }

    /** A Walmart connection's client and its ship nodes (the first gets the warehouse's stock). */
    public record WalmartAccount(com.crossdock.portal.channel.walmart.WalmartClient client, List<String> shipNodes) {
    }

    /**
     * What the Walmart sandbox needs of a sandbox connection: the client id and secret it accepts and the ship
     * nodes. Empty for an unknown or live connection. Only the sandbox's system actor may call this.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN') and principal.username == 'system:sandbox'")
    public Optional<WalmartSandboxCredentials> walmartSandboxCredentials(TenantId tenant, UUID connectionId) {
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT w.client_id, w.client_secret, w.ship_nodes FROM channel_connection c
                JOIN walmart_connection w ON w.connection_id = c.id
                WHERE c.id = :id AND c.channel = 'WALMART' AND c.mode = 'SANDBOX'""").param("id", connectionId)
                .query((rs, n) -> new WalmartSandboxCredentials(
                        cipher.open(rs.getBytes(1), context(tenant, connectionId, "client_id")),
                        cipher.open(rs.getBytes(2), context(tenant, connectionId, "client_secret")),
                        List.of(rs.getString(3).split(","))))
                .optional());
    }

    /** The Walmart sandbox's view of a sandbox connection; {@link #toString()} masks the keys. */
    public record WalmartSandboxCredentials(String clientId, String clientSecret, List<String> shipNodes) {

        @Override
        public String toString() {
            return "WalmartSandboxCredentials[" + hint(clientId) + ", " + shipNodes + "]";
        }
    }

    private static Map<String, String> validate(AmazonConnectionCommand command) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (command.name() == null || command.name().isBlank() || command.name().strip().length() > 100) {
            errors.put("name", "Name the connection (up to 100 characters), e.g. “Amazon US”");
        }
        if (command.sellerId() == null || !AMAZON_ID.matcher(command.sellerId().strip().toUpperCase(Locale.ROOT))
                .matches()) {
            errors.put("sellerId", "Enter the seller (merchant) id from Seller Central, Settings → Account Info, "
                    + "e.g. A2EXAMPLE1SELLER");
        }
        List<String> marketplaces = marketplaces(command.marketplaceIds());
        if (marketplaces.isEmpty() || !marketplaces.stream().allMatch(id -> AMAZON_ID.matcher(id).matches())) {
            errors.put("marketplaceIds", "Enter one or more marketplace ids separated by commas, e.g. ATVPDKIKX0DER "
                    + "for amazon.com");
        }
        if (command.region() == null) {
            errors.put("region", "Choose the SP-API region of the marketplaces");
        }
        if (command.mode() == null) {
            errors.put("mode", "Choose sandbox or live");
        }
        if (command.mode() == ChannelMode.LIVE) {
            if (command.lwaClientId() == null || !command.lwaClientId().strip()
                    .startsWith("amzn1.application-oa2-client.")) {
                errors.put("lwaClientId", "Paste the LWA client id of the app (amzn1.application-oa2-client.…)");
            }
            if (command.lwaClientSecret() == null || command.lwaClientSecret().isBlank()) {
                errors.put("lwaClientSecret", "Paste the LWA client secret of the app");
            }
            if (command.refreshToken() == null || !command.refreshToken().strip().startsWith("Atzr|")) {
                errors.put("refreshToken", "Paste the refresh token from authorising the app (it starts with Atzr|)");
            }
            validateQueue(command, errors);
        }
        return errors;
    }

    /** The notification queue of a live connection: its URL, region and the access key that reads it. */
    private static void validateQueue(AmazonConnectionCommand command, Map<String, String> errors) {
        var queue = SQS_QUEUE_URL.matcher(command.sqsQueueUrl() == null ? "" : command.sqsQueueUrl().strip());
        if (!queue.matches()) {
            errors.put("sqsQueueUrl", "Paste the URL of the SQS queue Amazon delivers notifications to, e.g. "
                    + "https://sqs.us-east-1.amazonaws.com/123456789012/crossdock-notifications (a standard queue, "
                    + "not .fifo)");
        }
        String region = command.awsRegion() == null ? "" : command.awsRegion().strip().toLowerCase(Locale.ROOT);
        if (!region.isEmpty() && !AWS_REGION.matcher(region).matches()) {
            errors.put("awsRegion", "Enter the queue's AWS region code, e.g. us-east-1, or leave it blank to take "
                    + "it from the queue URL");
        } else if (!region.isEmpty() && queue.matches() && !region.equals(queue.group(1))) {
            errors.put("awsRegion", "The queue URL is in " + queue.group(1) + ", not " + region
                    + ": leave the region blank or make them the same");
        }
        if (command.awsAccessKeyId() == null || !AWS_ACCESS_KEY_ID.matcher(command.awsAccessKeyId().strip()
                .toUpperCase(Locale.ROOT)).matches()) {
            errors.put("awsAccessKeyId", "Paste the access key id of the IAM user that may read the queue "
                    + "(20 characters starting with AKIA)");
        }
        if (command.awsSecretAccessKey() == null || command.awsSecretAccessKey().strip().length() != 40) {
            errors.put("awsSecretAccessKey", "Paste the secret access key shown once when the access key was "
                    + "created (40 characters)");
        }
    }

    /** The queue's region as entered, or as its URL says. */
    private static @Nullable String queueRegion(AmazonConnectionCommand command) {
        if (command.awsRegion() != null && !command.awsRegion().isBlank()) {
            return command.awsRegion().strip().toLowerCase(Locale.ROOT);
        }
        var queue = SQS_QUEUE_URL.matcher(command.sqsQueueUrl() == null ? "" : command.sqsQueueUrl().strip());
        return queue.matches() ? queue.group(1) : null;
    }

    private static String sandboxAccessKeyId() {
        String random = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
        return "AKIA" + random.substring(0, 16);
    }

    private static List<String> marketplaces(@Nullable List<String> ids) {
        return separated(ids).stream().map(id -> id.toUpperCase(Locale.ROOT)).distinct().toList();
    }

    private static String blankOr(@Nullable String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    /**
     * The SP-API client of an Amazon connection for the flows: a live connection talks to its region, a sandbox
     * connection to the portal's own Amazon sandbox. One client per connection (and settings version) is kept, so
     * its access token and rate-limit buckets live on between runs. Only the flows' system actor may call this.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN') and principal.username == 'system:flow'")
    public Optional<AmazonAccount> amazonAccount(TenantId tenant, UUID connectionId) {
        return amazonAccountOf(tenant, connectionId);
    }

    private Optional<AmazonAccount> amazonAccountOf(TenantId tenant, UUID connectionId) {
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT c.mode, c.version, a.marketplace_ids, a.region, a.lwa_client_id, a.lwa_client_secret,
                       a.refresh_token, a.seller_id, c.api_version, a.sqs_queue_url, a.aws_region,
                       a.aws_access_key_id, a.aws_secret_access_key
                FROM channel_connection c JOIN amazon_connection a ON a.connection_id = c.id
                WHERE c.id = :id AND c.channel = 'AMAZON'""").param("id", connectionId).query((rs, n) -> {
                    List<String> marketplaceIds = List.of(rs.getString(3).split(","));
                    boolean sandboxMode = ChannelMode.valueOf(rs.getString(1)) == ChannelMode.SANDBOX;
                    String key = connectionId + ":" + rs.getLong(2);
                    byte[] secret = rs.getBytes(6);
                    byte[] refresh = rs.getBytes(7);
                    String clientId = rs.getString(5);
                    AmazonRegion region = AmazonRegion.valueOf(rs.getString(4));
                    var client = amazonClients.computeIfAbsent(key, ignored -> {
                        java.net.URI endpoint = sandboxMode ? sandbox.amazonBaseUrl(tenant, connectionId)
                                : region.endpoint();
                        java.net.URI tokenEndpoint = sandboxMode
                                ? java.net.URI.create(endpoint + "/auth/o2/token")
                                : com.crossdock.portal.channel.amazon.LwaExchange.AMAZON;
                        var transport = com.crossdock.portal.channel.amazon.SpApiTransport.http(http);
                        var pace = com.crossdock.portal.channel.amazon.Pace.system(clock);
                        var tokens = new com.crossdock.portal.channel.amazon.LwaTokens(
                                new com.crossdock.portal.channel.amazon.LwaExchange(tokenEndpoint, transport, clientId,
                                        cipher.open(secret, context(tenant, connectionId, "lwa_client_secret")),
                                        cipher.open(refresh, context(tenant, connectionId, "refresh_token"))), pace);
                        return new com.crossdock.portal.channel.amazon.SpApiClient(endpoint, transport, tokens,
                                new com.crossdock.portal.channel.amazon.SpApiLimiter(pace), pace);
                    });
                    var queue = notificationQueue(tenant, connectionId, key, sandboxMode, rs.getString(10),
                            rs.getString(11), rs.getBytes(12), rs.getBytes(13));
                    return new AmazonAccount(client, marketplaceIds, rs.getString(8), sandboxMode, rs.getString(9),
                            queue);
                }).optional());
    }

    /**
     * The SQS queue a connection's SP-API notifications arrive on, read with its sealed access key: the sandbox's own
     * queue for a sandbox connection, the seller's for a live one; none for a connection made without one.
     */
    private com.crossdock.portal.channel.amazon.@Nullable NotificationQueue notificationQueue(TenantId tenant,
            UUID connectionId, String key, boolean sandboxMode, @Nullable String queueUrl, @Nullable String awsRegion,
            byte @Nullable [] keyId, byte @Nullable [] keySecret) {
        if (!sandboxMode && (keyId == null || keySecret == null || queueUrl == null || awsRegion == null)) {
            return null;
        }
        // a sandbox connection made before it had an access key: its sandbox queue accepts any key
        return notificationQueues.computeIfAbsent(key, ignored -> com.crossdock.portal.channel.amazon.NotificationQueue
                .connect(sandboxMode ? sandbox.amazonQueueUrl(tenant, connectionId) : queueUrl,
                        sandboxMode ? "us-east-1" : awsRegion,
                        keyId == null ? "AKIASANDBOXNOKEY0000"
                                : cipher.open(keyId, context(tenant, connectionId, "aws_access_key_id")),
                        keySecret == null ? "sandbox-connection-made-without-access-key"
                                : cipher.open(keySecret, context(tenant, connectionId, "aws_secret_access_key")),
                        sandboxMode ? sandbox.amazonSqsEndpoint(tenant, connectionId) : null,
                        new com.crossdock.portal.channel.amazon.NotificationQueue.Polling(notificationSettings.waitTime(),
                                notificationSettings.visibilityTimeout())));
    }

    /** Closes the SQS clients of the connections' notification queues when the portal stops. */
    @jakarta.annotation.PreDestroy
    void closeNotificationQueues() {
        notificationQueues.values().forEach(com.crossdock.portal.channel.amazon.NotificationQueue::close);
    }

    /** How many receives of up to ten notifications one order import makes at most. */
    public int notificationBatches() {
        return notificationSettings.maxBatches();
    }

    /**
     * An Amazon connection's client, the marketplaces its orders are read from, the seller's id, and whether it talks
     * to the portal's sandbox, the Orders API version its order import uses ({@code v0} or {@code 2026-01-01}), and
     * the SQS queue its SP-API notifications arrive on ({@code null} for a live connection made without one).
     */
    public record AmazonAccount(com.crossdock.portal.channel.amazon.SpApiClient client, List<String> marketplaceIds,
            String sellerId, boolean sandbox, String ordersApi,
            com.crossdock.portal.channel.amazon.@Nullable NotificationQueue notifications) {

        public boolean orders2026() {
            return "2026-01-01".equals(ordersApi);
        }
    }

    /**
     * What the Amazon sandbox needs of a sandbox connection: the refresh token it accepts and its marketplaces.
     * Empty for an unknown or live connection. Only the sandbox's system actor may call this.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN') and principal.username == 'system:sandbox'")
    public Optional<AmazonSandboxCredentials> amazonSandboxCredentials(TenantId tenant, UUID connectionId) {
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT a.refresh_token, a.marketplace_ids, a.aws_access_key_id FROM channel_connection c
                JOIN amazon_connection a ON a.connection_id = c.id
                WHERE c.id = :id AND c.channel = 'AMAZON' AND c.mode = 'SANDBOX'""").param("id", connectionId)
                .query((rs, n) -> new AmazonSandboxCredentials(
                        cipher.open(rs.getBytes(1), context(tenant, connectionId, "refresh_token")),
                        List.of(rs.getString(2).split(",")), rs.getBytes(3) == null ? null
                                : cipher.open(rs.getBytes(3), context(tenant, connectionId, "aws_access_key_id"))))
                .optional());
    }

    /**
     * The Amazon sandbox's view of a sandbox connection: the refresh token it accepts, the marketplaces, and the
     * access key id its SQS queue accepts ({@code null} for a connection made before it had one: any key then);
     * {@link #toString()} masks the refresh token.
     */
    public record AmazonSandboxCredentials(String refreshToken, List<String> marketplaceIds,
            @Nullable String awsAccessKeyId) {

        @Override
        public String toString() {
            return "AmazonSandboxCredentials[" + hint(refreshToken) + ", " + marketplaceIds + "]";
        }
    }

    /**
     * Starts using a new webhook secret; the current one stays accepted as the previous secret until
     * {@link #finishSecretRotation} is called, so webhooks signed during the switch still verify.
     */
    @PreAuthorize(MANAGERS)
    public ConnectionView rotateWebhookSecret(TenantId tenant, UUID connectionId, String newSecret) {
        requireAccess(tenant);
        if (newSecret == null || newSecret.isBlank()) {
            throw new ChannelValidationException(Map.of("webhookSecret", "Enter the new webhook secret"));
        }
        return transactions.write(tenant, () -> {
            WebhookSecrets current = secretsOf(tenant, connectionId)
                    .orElseThrow(() -> new NoSuchConnectionException(connectionId));
            jdbc.sql("""
                    UPDATE channel_connection SET previous_secret = :previous, webhook_secret = :secret,
                    updated_at = :now, updated_by = :actor, version = version + 1 WHERE id = :id""")
                    .param("id", connectionId)
                    .param("previous", cipher.seal(current.secrets().getFirst(),
                            context(tenant, connectionId, "previous_secret")))
                    .param("secret", cipher.seal(newSecret.strip(), context(tenant, connectionId, "webhook_secret")))
                    .param("now", Timestamp.from(clock.instant())).param("actor", CurrentUser.actor()).update();
            return view(tenant, connectionId).orElseThrow();
        });
    }

    /** The Orders API versions an Amazon connection can read orders with. */
    public static final List<String> AMAZON_ORDERS_APIS = List.of("v0", "2026-01-01");

    /**
     * Switches the Orders API an Amazon connection's order import reads with: {@code v0} ({@code getOrders} and
     * {@code getOrderItems}) or {@code 2026-01-01} ({@code searchOrders}, items included). Shown as the connection's
     * API version.
     */
    @PreAuthorize(MANAGERS)
    public ConnectionView useAmazonOrdersApi(TenantId tenant, UUID connectionId, String version) {
        requireAccess(tenant);
        if (version == null || !AMAZON_ORDERS_APIS.contains(version)) {
            throw new ChannelValidationException(Map.of("apiVersion", "Choose an Orders API version: "
                    + String.join(" or ", AMAZON_ORDERS_APIS)));
        }
        return transactions.write(tenant, () -> {
            int changed = jdbc.sql("""
                    UPDATE channel_connection SET api_version = :version, updated_at = :now, updated_by = :actor,
                           version = version + 1
                    WHERE id = :id AND channel = 'AMAZON'""").param("id", connectionId).param("version", version)
                    .param("now", Timestamp.from(clock.instant())).param("actor", CurrentUser.actor()).update();
            if (changed == 0) {
                throw new NoSuchConnectionException(connectionId);
            }
            return view(tenant, connectionId).orElseThrow();
        });
    }

    /** Stops accepting the previous webhook secret. */
    @PreAuthorize(MANAGERS)
    public ConnectionView finishSecretRotation(TenantId tenant, UUID connectionId) {
        requireAccess(tenant);
        return transactions.write(tenant, () -> {
            int changed = jdbc.sql("UPDATE channel_connection SET previous_secret = NULL, version = version + 1 "
                    + "WHERE id = :id").param("id", connectionId).update();
            if (changed == 0) {
                throw new NoSuchConnectionException(connectionId);
            }
            return view(tenant, connectionId).orElseThrow();
        });
    }

    /**
     * The secrets webhooks of a connection may be signed with, for the signature check of an inbound webhook.
     * Webhooks arrive without a signed-in user: the receiver calls this as the system actor; people never can.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN') and principal.username == 'system:webhook'")
    public Optional<WebhookSecrets> webhookSecrets(TenantId tenant, UUID connectionId) {
        return transactions.read(tenant, () -> secretsOf(tenant, connectionId));
    }

    private Optional<WebhookSecrets> secretsOf(TenantId tenant, UUID connectionId) {
        return jdbc.sql("""
                SELECT webhook_secret, previous_secret FROM channel_connection
                WHERE id = :id AND channel = 'SHOPIFY'""")
                .param("id", connectionId).query((rs, n) -> {
                    String current = cipher.open(rs.getBytes(1), context(tenant, connectionId, "webhook_secret"));
                    byte[] previous = rs.getBytes(2);
                    return new WebhookSecrets(previous == null ? List.of(current)
                            : List.of(current, cipher.open(previous, context(tenant, connectionId, "previous_secret"))));
                }).optional();
    }

    private Optional<ConnectionView> view(TenantId tenant, UUID id) {
        return connections(tenant).stream().filter(connection -> connection.id().equals(id)).findFirst();
    }

    private static Map<String, String> validate(ShopifyConnectionCommand command, boolean credentialsRequired) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (command.name() == null || command.name().isBlank() || command.name().strip().length() > 100) {
            errors.put("name", "Name the connection (up to 100 characters), e.g. “Main store”");
        }
        if (command.shopDomain() == null || !SHOP_DOMAIN.matcher(normalisedDomain(command.shopDomain())).matches()) {
            errors.put("shopDomain", "Enter the store's myshopify.com domain, e.g. harbor-pine.myshopify.com");
        }
        if (command.apiVersion() == null || !API_VERSION.matcher(command.apiVersion().strip()).matches()) {
            errors.put("apiVersion", "Enter a Shopify API version such as 2026-07 (year and quarter month)");
        }
        if (command.mode() == null) {
            errors.put("mode", "Choose sandbox or live");
        }
        if (credentialsRequired && (command.accessToken() == null || command.accessToken().isBlank())) {
            errors.put("accessToken", "Paste the custom app's Admin API access token");
        }
        if (credentialsRequired && (command.webhookSecret() == null || command.webhookSecret().isBlank())) {
            errors.put("webhookSecret", "Paste the app's webhook signing secret");
        }
        return errors;
    }

    private static String normalisedDomain(@Nullable String domain) {
        if (domain == null) {
            return "";
        }
        String stripped = domain.strip().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "");
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    /** What a sealed value is bound to: a value copied into another tenant's or connection's row will not open. */
    private static String context(TenantId tenant, UUID connection, String field) {
        return tenant.value() + "/" + connection + "/" + field;
    }

    private static String hint(String token) {
        return token.length() <= 10 ? "…" : token.substring(0, 6) + "…" + token.substring(token.length() - 4);
    }

    private void requireAccess(TenantId tenant) {
        tenants.requireOpen(tenant);
    }

    /**
     * The credentials of a sandbox connection, for Crossdock's own Shopify sandbox: the access token its Admin API
     * checks callers against and the current webhook secret it signs its webhooks with. Empty for an unknown
     * connection and for a live one, so a real store's credentials never reach the sandbox. Only the sandbox's
     * system actor may call this; people never can.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN') and principal.username == 'system:sandbox'")
    public Optional<SandboxCredentials> sandboxCredentials(TenantId tenant, UUID connectionId) {
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT shop_domain, api_version, access_token, webhook_secret FROM channel_connection
                WHERE id = :id AND channel = 'SHOPIFY' AND mode = 'SANDBOX'""").param("id", connectionId)
                .query((rs, n) -> new SandboxCredentials(rs.getString(1), rs.getString(2),
                        cipher.open(rs.getBytes(3), context(tenant, connectionId, "access_token")),
                        cipher.open(rs.getBytes(4), context(tenant, connectionId, "webhook_secret"))))
                .optional());
    }

    /**
     * What the Shopify sandbox needs of a sandbox connection. Never for a screen; {@link #toString()} masks the
     * secrets so a log line cannot leak them.
     */
    public record SandboxCredentials(String shopDomain, String apiVersion, String accessToken, String webhookSecret) {

        @Override
        public String toString() {
            return "SandboxCredentials[" + shopDomain + ", " + apiVersion + ", token " + hint(accessToken) + "]";
        }
    }

    /** The Admin API access scopes Crossdock's flows use: orders in, fulfilments and inventory back. */
    public static final List<String> REQUIRED_SCOPES = List.of("read_orders", "write_fulfillments",
            "write_inventory");

    /**
     * Calls the store with the connection's token and names the access scopes the app still lacks (a Walmart
     * seller: a token from its keys, then its order list). Answers what happened, never throws for an unreachable
     * store or refused credentials.
     */
    @PreAuthorize(MANAGERS)
    public ConnectionTest testConnection(TenantId tenant, UUID connectionId) {
        requireAccess(tenant);
        Optional<WalmartAccount> walmart = walmartAccountOf(tenant, connectionId);
        if (walmart.isPresent()) {
            return testWalmart(walmart.get());
        }
        Optional<AmazonAccount> amazon = amazonAccountOf(tenant, connectionId);
        if (amazon.isPresent()) {
            return testAmazon(amazon.get());
        }
        var client = transactions.read(tenant, () -> clientFor(tenant, connectionId))
                .orElseThrow(() -> new NoSuchConnectionException(connectionId));
        try {
            List<String> granted = client.accessScopes();
            List<String> missing = REQUIRED_SCOPES.stream().filter(scope -> !granted.contains(scope)).toList();
            return new ConnectionTest(true, granted, missing, missing.isEmpty()
                    ? "Connected: the store answered and the app has every scope Crossdock needs."
                    : "The store answered, but the app lacks " + String.join(", ", missing) + ". Add them to the "
                            + "custom app's Admin API scopes in Shopify, reinstall it, and test again.");
        } catch (com.crossdock.portal.channel.shopify.ShopifyApiException refused) {
            return new ConnectionTest(false, List.of(), REQUIRED_SCOPES, "The store did not accept the call: "
                    + refused.getMessage() + ". Check the store domain and the access token.");
        }
    }

    /**
     * An Amazon seller's test: an access token from the LWA credentials and the orders of the last hour (what the
     * import reads), then the notification queue looked up with its access key (what the import receives from).
     */
    private ConnectionTest testAmazon(AmazonAccount account) {
        List<String> reached = new java.util.ArrayList<>();
        List<String> missing = new java.util.ArrayList<>();
        StringBuilder message = new StringBuilder();
        try {
            account.client().getOrders(account.marketplaceIds(), clock.instant().minus(java.time.Duration.ofHours(1)),
                    null);
            reached.add("Orders");
            message.append("Amazon accepted the LWA credentials and answered the order list. ");
        } catch (com.crossdock.portal.channel.amazon.SpApiException
                 | com.crossdock.portal.channel.amazon.AmazonPayloadException refused) {
            missing.add("Orders");
            message.append("Amazon did not answer the order list: ").append(refused.getMessage()).append(". Check "
                    + "the LWA client id and secret, the refresh token and that the app has the Orders role. ");
        }
        var queue = account.notifications();
        if (queue == null) {
            missing.add("Notifications");
            message.append("No SQS queue for notifications: connect the account again with one (see Amazon in the "
                    + "docs) to hear of buyers' cancel requests at once.");
        } else {
            try {
                queue.check();
                reached.add("Notifications");
                message.append("The notification queue answered to its access key.");
            } catch (com.crossdock.portal.channel.amazon.SpApiException refused) {
                missing.add("Notifications");
                message.append(refused.getMessage());
            }
        }
        return new ConnectionTest(reached.contains("Orders"), reached, missing, message.toString().strip());
    }

    /** A Walmart seller's test: a token from its keys, then the orders of the last day (what the import reads). */
    private ConnectionTest testWalmart(WalmartAccount account) {
        List<String> needed = List.of("Orders", "Inventory", "Feeds");
        try {
            int orders = account.client().orders(clock.instant().minus(java.time.Duration.ofDays(1)), null).orders()
                    .size();
            return new ConnectionTest(true, List.of("Orders"), List.of(), "Connected: Walmart accepted the keys and "
                    + "answered the order list (" + orders + " order(s) changed in the last day on its first page). "
                    + "Inventory and Feeds access show in the inventory push's first run.");
        } catch (com.crossdock.portal.channel.walmart.WalmartApiException refused) {
            return new ConnectionTest(false, List.of(), needed, "Walmart did not accept the call: "
                    + refused.getMessage() + ". Check the client id and secret in the Developer Portal (API Keys), "
                    + "and, for a solution provider's keys, that the seller delegated Orders, Inventory and Feeds.");
        } catch (com.crossdock.portal.channel.walmart.WalmartPayloadException unusable) {
            return new ConnectionTest(false, List.of(), needed, "Walmart answered something Crossdock cannot read: "
                    + unusable.getMessage());
        }
    }

    /**
     * A Shopify Admin API client for a connection, for the flows that poll and write back: a live connection talks
     * to its store, a sandbox connection to the portal's own sandbox shop. Only the flows' system actor may call
     * this; people never can.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN') and principal.username == 'system:flow'")
    public Optional<com.crossdock.portal.channel.shopify.ShopifyAdminClient> shopifyClient(TenantId tenant,
            UUID connectionId) {
        return transactions.read(tenant, () -> clientFor(tenant, connectionId));
    }

    /** The store location a connection's stock is pushed to, once found; only the flows' system actor asks. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN') and principal.username == 'system:flow'")
    public Optional<String> inventoryLocation(TenantId tenant, UUID connectionId) {
        return transactions.read(tenant, () -> jdbc.sql("SELECT location_id FROM channel_connection WHERE id = :id")
                .param("id", connectionId).query(String.class).optional());
    }

    /** Remembers the store location found for a connection's stock. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN') and principal.username == 'system:flow'")
    public void rememberInventoryLocation(TenantId tenant, UUID connectionId, String locationId) {
        transactions.writeAll(tenant, () -> jdbc.sql("UPDATE channel_connection SET location_id = :location WHERE id = :id")
                .param("id", connectionId).param("location", locationId).update());
    }

    private Optional<com.crossdock.portal.channel.shopify.ShopifyAdminClient> clientFor(TenantId tenant,
            UUID connectionId) {
        return jdbc.sql("""
                SELECT shop_domain, api_version, mode, access_token FROM channel_connection
                WHERE id = :id AND channel = 'SHOPIFY'""").param("id", connectionId)
                .query((rs, n) -> {
                    var client = com.crossdock.portal.channel.shopify.ShopifyAdminClient.builder(rs.getString(1),
                            cipher.open(rs.getBytes(4), context(tenant, connectionId, "access_token")))
                            .apiVersion(rs.getString(2));
                    if (ChannelMode.valueOf(rs.getString(3)) == ChannelMode.SANDBOX) {
                        client.baseUrl(sandbox.adminBaseUrl(tenant, connectionId));
                    }
                    return client.build();
                }).optional();
    }
}
