package com.crossdock.portal.webhook;

import com.crossdock.portal.channel.CredentialCipher;
import com.crossdock.portal.events.BrandEvent;
import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A brand's outbound webhooks: subscribe a URL to events (the signing secret is shown once and kept sealed), send a
 * test, read the delivery log, redeliver, enable again after an automatic disabling. The delivery worker's round
 * ({@link #deliverDue()}) runs as the system actor {@code system:webhooks}.
 */
@Service
public class WebhookService {

    private static final String BRAND_ADMIN = "hasRole('BRAND_ADMIN')";
    static final String TEST_EVENT = "webhook.test";
    /** The {@code inventory.changed} threshold of a subscription that names none: 10 units or 10 %. */
    public static final int DEFAULT_MIN_UNITS = 10;
    public static final int DEFAULT_MIN_PERCENT = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantService tenants;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CredentialCipher cipher;
    private final WebhookPoster sender;
    private final WebhookProperties properties;

    WebhookService(TenantService tenants, TenantTransactions transactions, JdbcClient jdbc, Clock clock,
            CredentialCipher cipher, WebhookPoster sender, WebhookProperties properties) {
        this.tenants = tenants;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.cipher = cipher;
        this.sender = sender;
        this.properties = properties;
    }

    /** Whether the signed-in person may subscribe, test and redeliver: a brand admin of their own brand. */
    public boolean canManage() {
        return CurrentUser.find().map(user -> user.has(Role.BRAND_ADMIN) && user.homeTenant() != null)
                .orElse(false);
    }

    /** The tenant's subscriptions, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<SubscriptionView> subscriptions(TenantId tenant) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT id, url, events, status, consecutive_failures, disabled_reason, created_by, created_at,
                       inventory_min_units, inventory_min_percent
                FROM webhook_subscription ORDER BY created_at DESC""")
                .query((rs, n) -> new SubscriptionView(rs.getObject(1, UUID.class), rs.getString(2),
                        Arrays.asList(rs.getString(3).split(" ")), rs.getString(4).equals("ACTIVE"), rs.getInt(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getInt(9),
                        rs.getInt(10)))
                .list());
    }

    /** Subscribes a URL to events; the answer holds the signing secret, which is shown nowhere else. */
    @PreAuthorize(BRAND_ADMIN)
    public NewSubscription subscribe(TenantId tenant, String url, Set<String> events) {
        return subscribe(tenant, url, events, DEFAULT_MIN_UNITS, DEFAULT_MIN_PERCENT);
    }

    /**
     * Subscribes a URL to events, with the threshold of {@code inventory.changed}: a SKU's move of at least
     * {@code inventoryMinUnits} available units, or of at least {@code inventoryMinPercent} % of what was available.
     */
    @PreAuthorize(BRAND_ADMIN)
    public NewSubscription subscribe(TenantId tenant, String url, Set<String> events, int inventoryMinUnits,
            int inventoryMinPercent) {
        tenants.requireOpen(tenant);
        String address = url == null ? "" : url.strip();
        Map<String, String> problems = new LinkedHashMap<>();
        if (!isWebAddress(address)) {
            problems.put("url", "Enter the receiver's full address, https://... (up to 2000 characters)");
        }
        List<String> chosen = BrandEvent.TYPES.stream().filter(type -> events != null && events.contains(type))
                .toList();
        if (chosen.isEmpty() || chosen.size() != (events == null ? 0 : events.size())) {
            problems.put("events", "Choose one or more of: " + String.join(", ", BrandEvent.TYPES));
        }
        if (inventoryMinUnits < 1 || inventoryMinUnits > 1_000_000) {
            problems.put("inventoryMinUnits", "Enter 1 to 1,000,000 units");
        }
        if (inventoryMinPercent < 1 || inventoryMinPercent > 1000) {
            problems.put("inventoryMinPercent", "Enter 1 to 1,000 %");
        }
        if (!problems.isEmpty()) {
            throw new WebhookValidationException(problems);
        }
        UUID id = UUID.randomUUID();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Timestamp now = Timestamp.from(clock.instant());
        transactions.writeAll(tenant, () -> jdbc.sql("""
                INSERT INTO webhook_subscription (tenant_id, id, url, events, secret, status, created_by, created_at,
                                                  updated_at, inventory_min_units, inventory_min_percent)
                VALUES (crossdock_current_tenant(), :id, :url, :events, :secret, 'ACTIVE', :by, :now, :now, :units,
                        :percent)""")
                .param("units", inventoryMinUnits).param("percent", inventoryMinPercent)
                .param("id", id).param("url", address).param("events", String.join(" ", chosen))
                .param("secret", cipher.seal(secret, context(tenant, id))).param("by", CurrentUser.actor())
                .param("now", now).update());
        tenants.recordActivity(tenant, "webhook.subscribe", address + " (" + String.join(", ", chosen) + ")");
        return new NewSubscription(subscription(tenant, id), secret);
    }

    /** Removes a subscription with its deliveries. Answers false when it is gone already. */
    @PreAuthorize(BRAND_ADMIN)
    public boolean remove(TenantId tenant, UUID subscriptionId) {
        tenants.requireOpen(tenant);
        boolean removed = transactions.write(tenant, () -> jdbc.sql("DELETE FROM webhook_subscription WHERE id = :id")
                .param("id", subscriptionId).update() == 1);
        if (removed) {
            tenants.recordActivity(tenant, "webhook.remove", "Subscription " + subscriptionId);
        }
        return removed;
    }

    /** Enables a disabled subscription again: its waiting deliveries go out in the next round. */
    @PreAuthorize(BRAND_ADMIN)
    public boolean enable(TenantId tenant, UUID subscriptionId) {
        tenants.requireOpen(tenant);
        return transactions.write(tenant, () -> jdbc.sql("""
                UPDATE webhook_subscription SET status = 'ACTIVE', consecutive_failures = 0, disabled_reason = NULL,
                       updated_at = :now
                WHERE id = :id AND status = 'DISABLED'""").param("id", subscriptionId)
                .param("now", Timestamp.from(clock.instant())).update() == 1);
    }

    /** Queues a {@code webhook.test} event for this subscription alone; it goes out in the next round. */
    @PreAuthorize(BRAND_ADMIN)
    public boolean sendTest(TenantId tenant, UUID subscriptionId) {
        tenants.requireOpen(tenant);
        UUID event = UUID.randomUUID();
        Instant now = clock.instant();
        String payload = WebhookOutbox.envelope(event, TEST_EVENT, now, Map.of("subscriptionId",
                subscriptionId.toString(), "message", "A test from the Crossdock portal"));
        return transactions.write(tenant, () -> jdbc.sql("""
                INSERT INTO webhook_delivery (tenant_id, id, subscription_id, event_id, event_type, payload, status,
                                              next_attempt_at, created_at)
                SELECT crossdock_current_tenant(), :id, s.id, :event, :type, :payload, 'PENDING', :now, :now
                FROM webhook_subscription s WHERE s.id = :subscription""")
                .param("id", UUID.randomUUID()).param("subscription", subscriptionId).param("event", event)
                .param("type", TEST_EVENT).param("payload", payload).param("now", Timestamp.from(now)).update() == 1);
    }

    /** A subscription's most recent deliveries, newest first, each with its attempts. */
    @PreAuthorize("isAuthenticated()")
    public List<DeliveryView> deliveries(TenantId tenant, UUID subscriptionId, int limit) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, () -> {
            Map<UUID, List<DeliveryView.Attempt>> attempts = new HashMap<>();
            jdbc.sql("""
                    SELECT a.delivery_id, a.at, a.status_code, a.error, a.millis FROM webhook_attempt a
                    JOIN webhook_delivery d ON d.id = a.delivery_id WHERE d.subscription_id = :s ORDER BY a.at""")
                    .param("s", subscriptionId)
                    .query((rs, n) -> attempts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new DeliveryView.Attempt(rs.getTimestamp(2).toInstant(),
                                    (Integer) rs.getObject(3), rs.getString(4), rs.getLong(5)))).list();
            return jdbc.sql("""
                    SELECT id, event_id, event_type, status, attempts, last_status, last_error, created_at,
                           next_attempt_at, delivered_at
                    FROM webhook_delivery WHERE subscription_id = :s ORDER BY created_at DESC, id LIMIT :limit""")
                    .param("s", subscriptionId).param("limit", Math.max(1, Math.min(limit, 500)))
                    .query((rs, n) -> new DeliveryView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getString(4), rs.getInt(5), (Integer) rs.getObject(6),
                            rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(),
                            rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
                            attempts.getOrDefault(rs.getObject(1, UUID.class), List.of())))
                    .list();
        });
    }

    /** Sends a delivery again (delivered or given up): it goes out in the next round, its log kept. */
    @PreAuthorize(BRAND_ADMIN)
    public boolean redeliver(TenantId tenant, UUID deliveryId) {
        tenants.requireOpen(tenant);
        return transactions.write(tenant, () -> jdbc.sql("""
                UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now
                WHERE id = :id AND status <> 'PENDING'""").param("id", deliveryId)
                .param("now", Timestamp.from(clock.instant())).update() == 1);
    }

    /**
     * One round of the delivery worker over every tenant: due deliveries of active subscriptions are claimed (a lease
     * so no other instance sends them meanwhile), sent signed, and their outcome recorded. Answers how many were
     * delivered.
     */
    public int deliverDue() {
        return SystemActor.call("webhooks", () -> {
            int delivered = 0;
            for (var tenant : tenants.visibleTenants()) {
                for (WebhookPoster.Due due : claim(tenant.id())) {
                    WebhookPoster.Outcome outcome = sender.send(due);
                    transactions.writeAll(tenant.id(), () -> record(tenant.id(), due, outcome));
                    delivered += outcome.delivered() ? 1 : 0;
                }
            }
            return delivered;
        });
    }

    private List<WebhookPoster.Due> claim(TenantId tenant) {
        Instant now = clock.instant();
        Instant lease = now.plus(properties.timeout()).plusSeconds(30);
        return transactions.write(tenant, () -> jdbc.sql("""
                WITH due AS (
                    SELECT d.id FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                    WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND s.status = 'ACTIVE'
                    ORDER BY d.next_attempt_at LIMIT :batch FOR UPDATE OF d SKIP LOCKED)
                UPDATE webhook_delivery d SET next_attempt_at = :lease FROM due, webhook_subscription s
                WHERE d.id = due.id AND s.id = d.subscription_id
                RETURNING d.id, d.subscription_id, s.url, s.secret, d.event_id, d.event_type, d.payload, d.attempts""")
                .param("now", Timestamp.from(now)).param("lease", Timestamp.from(lease))
                .param("batch", properties.batchSize())
                .query((rs, n) -> new WebhookPoster.Due(rs.getObject(1, UUID.class), rs.getString(3),
                        cipher.open(rs.getBytes(4), context(tenant, rs.getObject(2, UUID.class))),
                        rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getInt(8)))
                .list());
    }

    /** Inside the tenant's transaction: the attempt, the delivery's new state, the subscription's failure count. */
    private void record(TenantId tenant, WebhookPoster.Due due, WebhookPoster.Outcome outcome) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO webhook_attempt (tenant_id, id, delivery_id, at, status_code, error, millis)
                VALUES (crossdock_current_tenant(), :id, :delivery, :at, :status, :error, :millis)""")
                .param("id", UUID.randomUUID()).param("delivery", due.deliveryId()).param("at", Timestamp.from(now))
                .param("status", outcome.statusCode()).param("error", outcome.error())
                .param("millis", outcome.millis()).update();
        int attempts = due.attempts() + 1;
        String state = outcome.delivered() ? "DELIVERED" : attempts >= properties.maxAttempts() ? "FAILED" : "PENDING";
        jdbc.sql("""
                UPDATE webhook_delivery SET status = :state, attempts = :attempts, last_status = :status,
                       last_error = :error, next_attempt_at = :next, delivered_at = :delivered
                WHERE id = :id""")
                .param("id", due.deliveryId()).param("state", state).param("attempts", attempts)
                .param("status", outcome.statusCode()).param("error", outcome.error())
                .param("next", Timestamp.from(now.plus(Backoff.after(attempts, properties))))
                .param("delivered", outcome.delivered() ? Timestamp.from(now) : null).update();
        if (outcome.delivered()) {
            jdbc.sql("UPDATE webhook_subscription SET consecutive_failures = 0 WHERE id = (SELECT subscription_id "
                    + "FROM webhook_delivery WHERE id = :id)").param("id", due.deliveryId()).update();
            return;
        }
        String reason = properties.disableAfter() + " delivery attempts in a row failed; the last, to " + due.url()
                + " got " + (outcome.statusCode() == null ? outcome.error() : "HTTP " + outcome.statusCode())
                + ". Fix the receiver, then enable the subscription again; waiting deliveries are kept.";
        boolean disabled = jdbc.sql("""
                UPDATE webhook_subscription SET consecutive_failures = consecutive_failures + 1,
                       status = CASE WHEN consecutive_failures + 1 >= :limit THEN 'DISABLED' ELSE status END,
                       disabled_reason = CASE WHEN consecutive_failures + 1 >= :limit THEN :reason END,
                       updated_at = :now
                WHERE id = (SELECT subscription_id FROM webhook_delivery WHERE id = :id)
                RETURNING status = 'DISABLED' AND consecutive_failures = :limit""")
                .param("id", due.deliveryId()).param("limit", properties.disableAfter())
                .param("reason", reason.length() > 500 ? reason.substring(0, 500) : reason)
                .param("now", Timestamp.from(now)).query(Boolean.class).single();
        if (disabled) {
            tenants.recordActivity(tenant, "webhook.disabled", reason);
        }
    }

    private SubscriptionView subscription(TenantId tenant, UUID id) {
        return subscriptions(tenant).stream().filter(view -> view.id().equals(id)).findFirst().orElseThrow();
    }

    private static String context(TenantId tenant, UUID subscription) {
        return "webhook:" + tenant.value() + ":" + subscription + ":secret";
    }

    private static boolean isWebAddress(String address) {
        if (address.isEmpty() || address.length() > 2000) {
            return false;
        }
        try {
            URI uri = URI.create(address);
            return (uri.getScheme() != null && (uri.getScheme().equals("https") || uri.getScheme().equals("http")))
                    && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }
}
