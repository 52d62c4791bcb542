package com.crossdock.portal.api;

import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A brand's API clients: created by a brand admin with scopes (the key is shown once and only its SHA-256 hash is
 * kept), listed with their last use, revoked; the key check of each API call; and the first answer to a POST with an
 * {@code Idempotency-Key}, kept so a repeat gets the same answer.
 */
@Service
public class ApiClientService {

    private static final String BRAND_ADMIN = "hasRole('BRAND_ADMIN')";
    /** {@code cdk_}, the tenant's id in hex (so the key finds its tenant's rows), {@code _}, 32 random bytes. */
    private static final Pattern KEY = Pattern.compile("cdk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantService tenants;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    ApiClientService(TenantService tenants, TenantTransactions transactions, JdbcClient jdbc, Clock clock) {
        this.tenants = tenants;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the signed-in person may create and revoke API clients: a brand admin of their own brand. */
    public boolean canManage() {
        return CurrentUser.find().map(user -> user.has(Role.BRAND_ADMIN) && user.homeTenant() != null)
                .orElse(false);
    }

    /** The tenant's API clients, active ones first, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<ApiClientView> clients(TenantId tenant) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT id, name, key_prefix, scopes, created_by, created_at, last_used_at, revoked_at FROM api_client
                ORDER BY revoked_at IS NOT NULL, created_at DESC""")
                .query((rs, n) -> new ApiClientView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        scopes(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8))))
                .list());
    }

    /** Creates a client with these scopes; its key is in the answer and nowhere else. */
    @PreAuthorize(BRAND_ADMIN)
    public NewApiClient create(TenantId tenant, String name, Set<ApiScope> scopes) {
        tenants.requireOpen(tenant);
        String cleanName = name == null ? "" : name.strip();
        Set<ApiScope> granted = scopes == null ? Set.of() : Set.copyOf(scopes);
        Map<String, String> problems = new LinkedHashMap<>();
        if (cleanName.isEmpty() || cleanName.length() > 100) {
            problems.put("name", "Name the client (the program or partner using it) in 1 to 100 characters");
        }
        if (granted.isEmpty()) {
            problems.put("scopes", "Choose at least one scope: what the client may read or change");
        }
        UUID id = UUID.randomUUID();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "cdk_" + tenant.value().toString().replace("-", "") + "_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        transactions.writeAll(tenant, () -> {
            if (problems.isEmpty() && jdbc.sql("""
                    SELECT count(*) FROM api_client WHERE lower(name) = lower(:name) AND revoked_at IS NULL""")
                    .param("name", cleanName).query(Long.class).single() > 0) {
                problems.put("name", "An active client is called " + cleanName + " already; choose another name");
            }
            if (!problems.isEmpty()) {
                throw new ApiClientValidationException(problems);
            }
            jdbc.sql("""
                    INSERT INTO api_client (tenant_id, id, name, key_prefix, key_hash, scopes, created_by, created_at)
                    VALUES (crossdock_current_tenant(), :id, :name, :prefix, :hash, :scopes, :by, :at)""")
                    .param("id", id).param("name", cleanName).param("prefix", key.substring(0, 12) + "…")
                    .param("hash", sha256(key)).param("scopes", scopeText(granted))
                    .param("by", CurrentUser.actor()).param("at", Timestamp.from(clock.instant())).update();
        });
        tenants.recordActivity(tenant, "api.client.create", "API client " + cleanName + " (" + scopeText(granted)
                + ")");
        ApiClientView created = clients(tenant).stream().filter(client -> client.id().equals(id)).findFirst()
                .orElseThrow();
        return new NewApiClient(created, key);
    }

    /** Revokes a client: its key stops working at once. Answers false when it is gone or revoked already. */
    @PreAuthorize(BRAND_ADMIN)
    public boolean revoke(TenantId tenant, UUID clientId) {
        tenants.requireOpen(tenant);
        boolean revoked = transactions.write(tenant, () -> jdbc.sql("""
                UPDATE api_client SET revoked_at = :at, revoked_by = :by WHERE id = :id AND revoked_at IS NULL""")
                .param("id", clientId).param("at", Timestamp.from(clock.instant())).param("by", CurrentUser.actor())
                .update() == 1);
        if (revoked) {
            tenants.recordActivity(tenant, "api.client.revoke", "API client " + clientId + " revoked");
        }
        return revoked;
    }

    /**
     * The caller a bearer key stands for, or empty when the key is malformed, unknown or revoked. Records the use
     * (to the minute). Runs before anyone is signed in, so as the system actor {@code system:api}.
     */
    Optional<ApiCaller> authenticate(@Nullable String key) {
        Matcher parts = key == null ? null : KEY.matcher(key);
        if (parts == null || !parts.matches()) {
            return Optional.empty();
        }
        TenantId tenant = new TenantId(UUID.fromString(parts.group(1).replaceFirst(
                "(\\p{XDigit}{8})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}+)", "$1-$2-$3-$4-$5")));
        String hash = sha256(key);
        Instant now = clock.instant();
        return SystemActor.call("api", () -> {
            if (!tenants.canOpen(tenant)) {
                return Optional.<ApiCaller>empty();
            }
            return transactions.write(tenant, () -> {
                Optional<ApiCaller> caller = jdbc.sql("""
                        SELECT id, name, scopes FROM api_client WHERE key_hash = :hash AND revoked_at IS NULL""")
                        // looked up by the hash of 256 random bits: how long a miss takes tells nothing usable
                        .param("hash", hash)
                        .query((rs, n) -> new ApiCaller(rs.getObject(1, UUID.class), rs.getString(2), tenant,
                                scopes(rs.getString(3))))
                        .optional();
                caller.ifPresent(found -> jdbc.sql("""
                        UPDATE api_client SET last_used_at = :now
                        WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :stale)""")
                        .param("id", found.clientId()).param("now", Timestamp.from(now))
                        .param("stale", Timestamp.from(now.minus(LAST_USED_RESOLUTION))).update());
                return caller;
            });
        });
    }

    /** A client's token bucket after a call: the tokens left and whether the call got one. */
    record Bucket(double tokens, boolean allowed) {
    }

    /**
     * Takes a token from the client's bucket of {@code limit} calls a minute, refilled from the time of its last call:
     * one upsert under the row's lock, so concurrent calls on any number of portal instances never take more than
     * there is. A bucket is full at a client's first call. Runs before anyone is signed in, as {@code system:api}.
     */
    Bucket takeToken(TenantId tenant, UUID clientId, int limit, Instant now) {
        return SystemActor.call("api", () -> transactions.write(tenant, () -> jdbc.sql("""
                INSERT INTO api_rate_bucket AS b (tenant_id, client_id, tokens, refilled_at, allowed)
                VALUES (crossdock_current_tenant(), :client, :limit - 1, :now, TRUE)
                ON CONFLICT (tenant_id, client_id) DO UPDATE SET
                    tokens = CASE WHEN least(:limit, b.tokens + :perSecond * greatest(0, extract(EPOCH FROM
                                            (CAST(:now AS TIMESTAMPTZ) - b.refilled_at)))) >= 1
                                  THEN least(:limit, b.tokens + :perSecond * greatest(0, extract(EPOCH FROM
                                            (CAST(:now AS TIMESTAMPTZ) - b.refilled_at)))) - 1
                                  ELSE least(:limit, b.tokens + :perSecond * greatest(0, extract(EPOCH FROM
                                            (CAST(:now AS TIMESTAMPTZ) - b.refilled_at)))) END,
                    allowed = least(:limit, b.tokens + :perSecond * greatest(0, extract(EPOCH FROM
                                            (CAST(:now AS TIMESTAMPTZ) - b.refilled_at)))) >= 1,
                    refilled_at = greatest(b.refilled_at, CAST(:now AS TIMESTAMPTZ))
                RETURNING tokens, allowed""")
                .param("client", clientId).param("limit", limit).param("perSecond", limit / 60.0)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Bucket(rs.getDouble(1), rs.getBoolean(2))).single()));
    }

    /** The first answer to a POST of this client with this idempotency key, if there was one. */
    @PreAuthorize("isAuthenticated()")
    public Optional<StoredAnswer> storedAnswer(TenantId tenant, UUID clientId, String idempotencyKey) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT request_hash, status, location, body FROM api_idempotency
                WHERE client_id = :client AND idempotency_key = :key""")
                .param("client", clientId).param("key", idempotencyKey)
                .query((rs, n) -> new StoredAnswer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .optional());
    }

    /**
     * Keeps the first answer to a POST with an idempotency key. When another request with the same key was quicker,
     * its answer is kept and returned instead.
     */
    @PreAuthorize("isAuthenticated()")
    public StoredAnswer storeAnswer(TenantId tenant, UUID clientId, String idempotencyKey, StoredAnswer answer) {
        tenants.requireOpen(tenant);
        transactions.write(tenant, () -> jdbc.sql("""
                INSERT INTO api_idempotency (tenant_id, id, client_id, idempotency_key, request_hash, status, location,
                                             body, created_at)
                VALUES (crossdock_current_tenant(), :id, :client, :key, :hash, :status, :location, :body, :at)
                ON CONFLICT (tenant_id, client_id, idempotency_key) DO NOTHING""")
                .param("id", UUID.randomUUID()).param("client", clientId).param("key", idempotencyKey)
                .param("hash", answer.requestHash()).param("status", answer.status())
                .param("location", answer.location()).param("body", answer.body())
                .param("at", Timestamp.from(clock.instant())).update());
        return storedAnswer(tenant, clientId, idempotencyKey).orElseThrow();
    }

    /**
     * The answer kept for an idempotency key.
     *
     * @param requestHash SHA-256 of the request's method, path and body: the same key with another request is refused
     * @param location    the {@code Location} header of the answer, if any
     * @param body        the JSON body
     */
    public record StoredAnswer(String requestHash, int status, @Nullable String location, String body) {
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String scopeText(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::value).collect(Collectors.joining(" "));
    }

    private static Set<ApiScope> scopes(String text) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(text.split(" ")).map(ApiScope::of).flatMap(Optional::stream).forEach(scopes::add);
        return scopes;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
