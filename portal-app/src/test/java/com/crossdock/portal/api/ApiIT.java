package com.crossdock.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.portal.support.ApiBrands;
import com.crossdock.portal.support.ApiCalls;
import com.crossdock.portal.support.ApiCalls.Answer;
import com.crossdock.portal.support.AsUser;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.tenantconfig.truth.DataType;
import com.crossdock.tenantconfig.truth.SystemKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The public API over real HTTP: keys (kept hashed, revocable, scoped), orders that go through the same order
 * pipeline as a channel's, idempotent POSTs, problems with field errors, cursors, ETags, the other resources; and,
 * last, the contract: every operation of the generated OpenAPI document was exercised, and every answer seen is
 * documented. A second brand's rows never show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, ApiIT.class);
    }

    private static final Map<String, String> NONE = Map.of();
    private static final Map<String, Object> ADDRESS = Map.of("name", "Dock 4", "address1", "1 Main St", "city",
            "Louisville", "provinceCode", "KY", "postalCode", "40202", "countryCode", "US");

    @Autowired ApiClientService clients;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired GovernanceService governance;
    @Autowired com.crossdock.portal.returns.ReturnsService returns;
    @LocalServerPort int port;

    final JdbcClient superuser = TestDatabases.superuser(ApiIT.class);
    final List<ApiCalls.Call> calls = ApiCalls.log();
    ApiCalls api;
    ApiBrands apparel;
    ApiBrands home;

    @BeforeAll
    void twoBrandsWithAnApiClientEach() {
        api = new ApiCalls(port, calls);
        apparel = ApiBrands.seed(context, "Apparel", List.of("TEE-RED", "TEE-BLUE"));
        home = ApiBrands.seed(context, "Home", List.of("MUG"));
        assertThat(order(home.key(), "H-1", "MUG", 1).status()).isEqualTo(201);
    }

    @Test
    @Order(1)
    void aKeyIsShownOnceKeptOnlyAsItsHashAndWorksUntilRevoked() {
        NewApiClient reader = AsUser.call(users, apparel.admin(), () -> clients.create(apparel.tenant(),
                "Reporting", Set.of(ApiScope.ORDERS_READ)));
        assertThat(reader.key()).startsWith("cdk_" + apparel.tenant().value().toString().replace("-", "") + "_");
        assertThat(reader.toString()).doesNotContain(reader.key());
        assertThat(superuser.sql("SELECT key_hash FROM api_client WHERE id = :id").param("id", reader.client().id())
                .query(String.class).single()).isEqualTo(ApiClientService.sha256(reader.key()));
        assertThat(superuser.sql("SELECT count(*) FROM api_client WHERE concat_ws('|', name, key_prefix, key_hash, "
                + "scopes) LIKE '%' || :secret || '%'").param("secret", reader.key().substring(37))
                .query(Long.class).single()).as("the secret is kept nowhere").isZero();

        Answer read = api.get(reader.key(), "/api/v1/orders", NONE, "");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("RateLimit-Policy")).hasValue("\"per-client\";q=120;w=60");
        assertThat(read.header("RateLimit")).isPresent();
        assertThat(clientOf(reader).lastUsedAt()).as("last use recorded").isNotNull();

        Answer denied = api.post(reader.key(), "/api/v1/orders", NONE, orderBody("NOPE-1", "TEE-RED", 1));
        assertThat(denied.status()).as("orders:read only").isEqualTo(403);
        assertThat(denied.header("Content-Type")).hasValue("application/problem+json");

        assertThat(AsUser.call(users, apparel.admin(), () -> clients.revoke(apparel.tenant(),
                reader.client().id()))).isTrue();
        assertThat(api.get(reader.key(), "/api/v1/orders", NONE, "").status()).isEqualTo(401);
        assertThat(clientOf(reader).active()).isFalse();
    }

    @Test
    @Order(2)
    void callsWithoutAKeyWithAnUnknownOneOrWithAnotherBrandsTenantInTheKeyAreRefused() {
        Answer anonymous = api.get(null, "/api/v1/orders", NONE, "");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().path("title").asString()).isEqualTo("Authentication needed");
        String homeTenant = home.tenant().value().toString().replace("-", "");
        String forged = "cdk_" + homeTenant + apparel.key().substring(36);
        assertThat(api.get(forged, "/api/v1/orders", NONE, "").status()).isEqualTo(401);
        assertThat(api.get("cdk_nonsense", "/api/v1/orders", NONE, "").status()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void anOrderCreatedThroughTheApiGoesThroughTheSameOrderPipelineAndIsReleased() {
        Answer created = order(apparel.key(), "B2B-1001", "TEE-RED", 3);
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asString();
        assertThat(created.header("Location")).hasValue("/api/v1/orders/" + id);
        assertThat(created.body().path("status").asString()).isEqualTo("RELEASED");
        assertThat(created.body().path("lines").get(0).path("sku").asString()).isEqualTo("TEE-RED");
        assertThat(created.body().path("channelOrderId").asString()).isEqualTo("API-B2B-1001");

        Answer read = api.get(apparel.key(), "/api/v1/orders/{id}", Map.of("id", id), "");
        assertThat(read.header("ETag")).hasValue(created.header("ETag").orElseThrow());
        List<String> steps = new ArrayList<>();
        api.get(apparel.key(), "/api/v1/orders/{id}/journey", Map.of("id", id), "").body()
                .forEach(step -> steps.add(step.path("step").asString()));
        assertThat(steps).containsExactly("RECEIVED", "NORMALISED", "RELEASED");
        assertThat(superuser.sql("""
                SELECT i.source || ' ' || i.outcome || ' ' || (SELECT count(*) FROM wms_outbox w WHERE w.order_id = o.id)
                FROM sales_order o JOIN channel_inbox i ON i.connection_id = o.connection_id
                     AND i.dedup_key = 'api:' || o.channel_order_id
                WHERE o.id = :id""").param("id", UUID.fromString(id)).query(String.class).single())
                .as("kept in the inbox, processed, released into the warehouse outbox").isEqualTo("API APPLIED 1");
    }

    @Test
    @Order(4)
    void anOrderWithAnUnknownSkuIsHeldWithAnExceptionThatIsResolvedOnlyAgainstWhatWasRead() {
        Answer held = order(apparel.key(), "B2B-1002", "NOT-IN-CATALOG", 1);
        assertThat(held.body().path("status").asString()).isEqualTo("HELD");
        assertThat(held.body().path("holdReasons").get(0).asString()).contains("Unknown SKU NOT-IN-CATALOG");

        JsonNode listed = api.get(apparel.key(), "/api/v1/exceptions", NONE, "").body().path("data");
        assertThat(listed).hasSize(1);
        String id = listed.get(0).path("id").asString();
        assertThat(listed.get(0).path("reasonCode").asString()).isEqualTo("UNKNOWN_SKU");
        Answer read = api.get(apparel.key(), "/api/v1/exceptions/{id}", Map.of("id", id), "");
        String etag = read.header("ETag").orElseThrow();

        Map<String, String> rootCause = Map.of("rootCause", "Typo in the ERP; corrected and re-sent as B2B-1003");
        Answer stale = api.post(apparel.key(), "/api/v1/exceptions/{id}/resolve", Map.of("id", id), rootCause,
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "If-Match", "\"stale\""));
        assertThat(stale.status()).isEqualTo(412);
        Answer resolved = api.post(apparel.key(), "/api/v1/exceptions/{id}/resolve", Map.of("id", id), rootCause,
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "If-Match", etag));
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.body().path("status").asString()).isEqualTo("RESOLVED");
        assertThat(api.post(apparel.key(), "/api/v1/exceptions/{id}/resolve", Map.of("id", id), rootCause)
                .status()).isEqualTo(409);
        assertThat(api.post(apparel.key(), "/api/v1/exceptions/{id}/resolve", Map.of("id", id),
                Map.of("rootCause", " ")).status()).isEqualTo(422);
    }

    @Test
    @Order(5)
    void aRepeatedPostWithTheSameIdempotencyKeyAnswersTheFirstResultAndCreatesNothingMore() {
        Map<String, String> key = Map.of("Idempotency-Key", "order-B2B-1004");
        Answer first = api.post(apparel.key(), "/api/v1/orders", NONE, orderBody("B2B-1004", "TEE-BLUE", 2), key);
        Answer again = api.post(apparel.key(), "/api/v1/orders", NONE, orderBody("B2B-1004", "TEE-BLUE", 2), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).hasValue("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(superuser.sql("SELECT count(*) FROM sales_order WHERE order_name = 'B2B-1004'")
                .query(Long.class).single()).isEqualTo(1);

        Answer otherBody = api.post(apparel.key(), "/api/v1/orders", NONE, orderBody("B2B-1005", "TEE-BLUE", 2), key);
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.body().path("title").asString()).isEqualTo("Idempotency-Key reused");
        Answer noKey = api.post(apparel.key(), "/api/v1/orders", NONE, orderBody("B2B-1005", "TEE-BLUE", 2), NONE);
        assertThat(noKey.status()).isEqualTo(400);
        Answer sameReference = order(apparel.key(), "B2B-1004", "TEE-BLUE", 2);
        assertThat(sameReference.status()).as("a new key, an order number used before").isEqualTo(422);
        assertThat(fields(sameReference)).containsExactly("reference");
    }

    @Test
    @Order(6)
    void aBadOrderIsRefusedWithAProblemNamingEachField() {
        Answer refused = api.post(apparel.key(), "/api/v1/orders", NONE, Map.of("reference", "has spaces",
                "lines", List.of(Map.of("sku", "TEE-RED", "quantity", 0))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).hasValue("application/problem+json");
        assertThat(fields(refused)).containsExactly("lines[0].quantity", "reference", "shipTo");
        Answer malformed = api.send(apparel.key(), "POST", "/api/v1/orders", NONE, "", "{not json",
                Map.of("Idempotency-Key", "malformed"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(api.get(apparel.key(), "/api/v1/orders/{id}", Map.of("id", UUID.randomUUID()), "").status())
                .isEqualTo(404);
        var typo = api.fetch("/api/v1/order", apparel.key());
        assertThat(typo.statusCode()).isEqualTo(404);
        assertThat(typo.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(typo.body()).contains("The API has no GET /api/v1/order");
    }

    @Test
    @Order(7)
    void ordersArePagedWithACursorThatNeitherSkipsNorRepeatsAndFilteredByUpdatedSince() {
        for (int i = 0; i < 3; i++) {
            order(apparel.key(), "PAGE-" + i, "TEE-RED", 1);
        }
        Set<String> seen = new HashSet<>();
        List<String> references = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page = api.get(apparel.key(), "/api/v1/orders", NONE, "limit=2" + (cursor.isEmpty() ? ""
                    : "&cursor=" + cursor)).body();
            page.path("data").forEach(order -> {
                assertThat(seen.add(order.path("id").asString())).isTrue();
                references.add(order.path("reference").asString());
            });
            cursor = page.path("nextCursor").isNull() ? "" : page.path("nextCursor").asString();
            pages++;
        } while (!cursor.isEmpty());
        assertThat(references).as("this brand's orders only, oldest change first").containsExactly("B2B-1001",
                "B2B-1002", "B2B-1004", "PAGE-0", "PAGE-1", "PAGE-2");
        assertThat(pages).isEqualTo(3);
        assertThat(api.get(apparel.key(), "/api/v1/orders", NONE, "updatedSince=2999-01-01T00:00:00Z").body()
                .path("data")).isEmpty();
        assertThat(api.get(apparel.key(), "/api/v1/orders", NONE, "cursor=bm9wZQ").status()).isEqualTo(400);
    }

    @Test
    @Order(8)
    void inventoryItemsInboundShipmentsAndSyncHealthAreTheBrandsOwn() {
        JsonNode inventory = api.get(apparel.key(), "/api/v1/inventory", NONE, "").body().path("data");
        assertThat(inventory).hasSize(2);
        assertThat(inventory.get(0).path("sku").asString()).isEqualTo("TEE-BLUE");
        assertThat(inventory.get(0).path("onHand").asInt()).isEqualTo(10);
        assertThat(inventory.get(0).path("available").asInt()).isEqualTo(8);
        JsonNode items = api.get(apparel.key(), "/api/v1/items", NONE, "limit=1").body();
        assertThat(items.path("data")).hasSize(1);
        assertThat(api.get(apparel.key(), "/api/v1/items", NONE, "cursor=" + items.path("nextCursor").asString())
                .body().path("data").get(0).path("sku").asString()).isIn("TEE-RED", "TEE-BLUE");

        Answer created = api.post(apparel.key(), "/api/v1/inbound-shipments", NONE, Map.of("reference", "PO-77",
                "carrier", "Old Dominion", "expectedOn", "2026-12-01", "lines", List.of(Map.of("sku", "TEE-RED",
                        "quantity", 40))));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asString();
        assertThat(api.get(apparel.key(), "/api/v1/inbound-shipments/{id}", Map.of("id", id), "").body()
                .path("lines").get(0).path("expected").asInt()).isEqualTo(40);
        assertThat(api.get(apparel.key(), "/api/v1/inbound-shipments", NONE, "").body().path("data")).hasSize(1);
        Answer sent = api.post(apparel.key(), "/api/v1/inbound-shipments/{id}/send", Map.of("id", id), Map.of());
        assertThat(sent.body().path("ready").asBoolean()).isTrue();
        Answer unknownSku = api.post(apparel.key(), "/api/v1/inbound-shipments", NONE, Map.of("reference", "PO-78",
                "expectedOn", "2026-12-01", "lines", List.of(Map.of("sku", "MUG", "quantity", 1))));
        assertThat(unknownSku.status()).as("the other brand's SKU").isEqualTo(422);
        assertThat(fields(unknownSku)).containsExactly("lines");

        JsonNode health = api.get(apparel.key(), "/api/v1/sync-health", NONE, "").body();
        assertThat(health.path("connections")).hasSize(1);
        assertThat(health.path("connections").get(0).path("id").asString())
                .isEqualTo(apparel.connection().toString());
        assertThat(health.path("ordersAwaitingWarehouse").asLong()).isEqualTo(5);
    }

    @Test
    @Order(9)
    void aClientOverItsRateLimitIsToldToWaitWithoutHurtingAnotherClient() {
        String burst = AsUser.call(users, apparel.admin(), () -> clients.create(apparel.tenant(), "Burst",
                Set.of(ApiScope.SYNC_READ))).key();
        Answer last = null;
        // the bucket refills while the calls go out: call until refused, at most well past the limit
        for (int i = 0; i < 400 && (last == null || last.status() == 200); i++) {
            last = api.get(burst, "/api/v1/sync-health", NONE, "");
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds))
                .isPositive());
        assertThat(last.header("RateLimit")).hasValueSatisfying(value -> assertThat(value).contains(";r=0;"));
        assertThat(last.body().path("status").asInt()).isEqualTo(429);
        assertThat(api.get(apparel.key(), "/api/v1/sync-health", NONE, "").status()).isEqualTo(200);
    }

    @Test
    @Order(10)
    void returnsAreEnteredByHandOnceForARepeatedKeyAndListedByChangeWithACursor() {
        Map<String, String> key = Map.of("Idempotency-Key", "rma-ERP-1");
        Map<String, Object> body = Map.of("orderName", "B2B-1001", "note", "Customer wrote in", "lines",
                List.of(Map.of("sku", "TEE-RED", "quantity", 2, "reason", "Too small")));
        Answer created = api.post(apparel.key(), "/api/v1/returns", NONE, body, key);
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asString();
        assertThat(created.header("Location")).hasValue("/api/v1/returns/" + id);
        assertThat(created.body().path("status").asString()).isEqualTo("EXPECTED");
        assertThat(created.body().path("source").asString()).isEqualTo("MANUAL");
        assertThat(created.body().path("lines").get(0).path("expected").asInt()).isEqualTo(2);
        Answer again = api.post(apparel.key(), "/api/v1/returns", NONE, body, key);
        assertThat(again.body()).isEqualTo(created.body());
        assertThat(again.header("Idempotent-Replayed")).hasValue("true");
        assertThat(superuser.sql("SELECT count(*) FROM rma WHERE tenant_id = :t").param("t",
                apparel.tenant().value()).query(Long.class).single()).isOne();

        Answer refused = api.post(apparel.key(), "/api/v1/returns", NONE, Map.of("orderName", "NO-SUCH", "lines",
                List.of(Map.of("sku", "MUG", "quantity", 1))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("lines", "orderName");

        for (int i = 0; i < 2; i++) {
            api.post(apparel.key(), "/api/v1/returns", NONE, Map.of("lines", List.of(Map.of("sku", "TEE-BLUE",
                    "quantity", 1))));
        }
        assertThat(api.post(home.key(), "/api/v1/returns", NONE, Map.of("lines", List.of(Map.of("sku", "MUG",
                "quantity", 1)))).status()).isEqualTo(201);
        List<String> numbers = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = api.get(apparel.key(), "/api/v1/returns", NONE, "limit=2" + (cursor.isEmpty() ? ""
                    : "&cursor=" + cursor)).body();
            page.path("data").forEach(rma -> numbers.add(rma.path("number").asString()));
            cursor = page.path("nextCursor").isNull() ? "" : page.path("nextCursor").asString();
        } while (!cursor.isEmpty());
        assertThat(numbers).as("this brand's returns only, oldest change first").containsExactly("RMA-000001",
                "RMA-000002", "RMA-000003");
        assertThat(api.get(apparel.key(), "/api/v1/returns", NONE, "updatedSince=2999-01-01T00:00:00Z").body()
                .path("data")).isEmpty();

        JsonNode read = api.get(apparel.key(), "/api/v1/returns/{id}", Map.of("id", id), "").body();
        assertThat(read.path("orderName").asString()).isEqualTo("B2B-1001");
        assertThat(read.path("units")).isEmpty();
        assertThat(api.get(apparel.key(), "/api/v1/returns/{id}", Map.of("id", UUID.randomUUID()), "").status())
                .isEqualTo(404);

        // a unit is decided through the API only while the brand's ERP owns returns disposition
        UUID unit = com.crossdock.portal.identity.SystemActor.call("test", () -> returns.receiveUnit(
                apparel.tenant(), UUID.fromString(id), "TEE-RED", com.crossdock.portal.returns.UnitCondition.OPENED))
                .unitId();
        String decide = "/api/v1/returns/{id}/units/{unitId}/disposition";
        Map<String, Object> unitPath = Map.of("id", id, "unitId", unit);
        Map<String, Object> decision = Map.of("disposition", "RESTOCK_B_GRADE", "note", "ERP: sell as B-grade");
        Answer notTheOwner = api.post(apparel.key(), decide, unitPath, decision);
        assertThat(notTheOwner.status()).isEqualTo(422);
        assertThat(notTheOwner.text()).contains("decided at Crossdock's returns bench");
        AsUser.call(users, apparel.admin(), () -> governance.changeOwner(apparel.tenant(),
                DataType.RETURNS_DISPOSITION, SystemKind.ERP, governance.matrix(apparel.tenant()).version()));
        assertThat(api.post(apparel.key(), decide, unitPath, Map.of("disposition", "SELL_ON_EBAY")).status())
                .isEqualTo(422);
        Answer decided = api.post(apparel.key(), decide, unitPath, decision, Map.of("Idempotency-Key", "unit-1"));
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.body().path("units").get(0).path("disposition").asString()).isEqualTo("RESTOCK_B_GRADE");
        assertThat(api.post(apparel.key(), decide, unitPath, decision, Map.of("Idempotency-Key", "unit-1")).body())
                .as("the first answer again").isEqualTo(decided.body());
        assertThat(api.post(apparel.key(), decide, unitPath, decision).status()).as("decided already")
                .isEqualTo(422);
        assertThat(api.post(apparel.key(), decide, Map.of("id", id, "unitId", UUID.randomUUID()), decision)
                .status()).isEqualTo(404);
        assertThat(api.post(home.key(), decide, unitPath, decision).status()).isEqualTo(404);
    }

    @Test
    @Order(11)
    void itemsAreCreatedAndUpdatedOnlyAgainstTheVersionReadAndOnlyWhileTheBrandsSideOwnsMasterData() {
        Map<String, Object> hoodie = Map.of("sku", "HOODIE-GRY", "description", "Grey hoodie", "hazmat", false,
                "packs", List.of(Map.of("level", "EACH", "eaches", 1, "weightG", 540),
                        Map.of("level", "CASE", "eaches", 12)),
                "aliases", List.of(Map.of("kind", "SHOPIFY_VARIANT_SKU", "value", "hoodie-grey")));
        Answer created = api.post(apparel.key(), "/api/v1/items", NONE, hoodie);
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asString();
        assertThat(created.header("Location")).hasValue("/api/v1/items/" + id);
        assertThat(created.body().path("packs")).hasSize(2);
        String etag = created.header("ETag").orElseThrow();
        Answer read = api.get(apparel.key(), "/api/v1/items/{id}", Map.of("id", id), "");
        assertThat(read.header("ETag")).hasValue(etag);
        assertThat(read.body().path("aliases").get(0).path("value").asString()).isEqualTo("hoodie-grey");

        Map<String, Object> renamed = new java.util.HashMap<>(hoodie);
        renamed.put("description", "Heather grey hoodie");
        Answer noIfMatch = api.put(apparel.key(), "/api/v1/items/{id}", Map.of("id", id), renamed, NONE);
        assertThat(noIfMatch.status()).isEqualTo(428);
        assertThat(noIfMatch.header("Content-Type")).hasValue("application/problem+json");
        Answer updated = api.put(apparel.key(), "/api/v1/items/{id}", Map.of("id", id), renamed,
                Map.of("If-Match", etag));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().path("description").asString()).isEqualTo("Heather grey hoodie");
        assertThat(updated.header("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
        Answer stale = api.put(apparel.key(), "/api/v1/items/{id}", Map.of("id", id), hoodie,
                Map.of("If-Match", etag));
        assertThat(stale.status()).as("the ETag before the update").isEqualTo(412);

        Answer invalid = api.post(apparel.key(), "/api/v1/items", NONE, Map.of("sku", "TEE-RED", "description", "",
                "packs", List.of(Map.of("level", "CRATE", "eaches", 1))));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(fields(invalid)).containsExactly("packs[0].level");
        Answer duplicate = api.post(apparel.key(), "/api/v1/items", NONE, Map.of("sku", "TEE-RED", "description",
                "Again", "packs", List.of(Map.of("level", "EACH", "eaches", 1))));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(fields(duplicate)).contains("sku");

        String homeItem = api.get(home.key(), "/api/v1/items", NONE, "").body().path("data").get(0).path("id")
                .asString();
        assertThat(api.get(apparel.key(), "/api/v1/items/{id}", Map.of("id", homeItem), "").status())
                .isEqualTo(404);
        assertThat(api.put(apparel.key(), "/api/v1/items/{id}", Map.of("id", homeItem), hoodie,
                Map.of("If-Match", "\"item-v0\"")).status()).isEqualTo(404);

        AsUser.call(users, apparel.admin(), () -> governance.changeOwner(apparel.tenant(), DataType.MASTER_SKU_DATA,
                SystemKind.CHANNEL, governance.matrix(apparel.tenant()).version()));
        Answer owned = api.put(apparel.key(), "/api/v1/items/{id}", Map.of("id", id), hoodie,
                Map.of("If-Match", updated.header("ETag").orElseThrow()));
        assertThat(owned.status()).isEqualTo(409);
        assertThat(owned.body().path("detail").asString()).contains("Sales channel owns master SKU data");
        assertThat(api.post(apparel.key(), "/api/v1/items", NONE, Map.of("sku", "NEW-1", "description", "New",
                "packs", List.of(Map.of("level", "EACH", "eaches", 1)))).status()).isEqualTo(409);
        assertThat(api.post(home.key(), "/api/v1/items", NONE, Map.of("sku", "NEW-1", "description", "New",
                "packs", List.of(Map.of("level", "EACH", "eaches", 1)))).status())
                .as("the other brand's owner is its own").isEqualTo(201);
        AsUser.call(users, apparel.admin(), () -> governance.changeOwner(apparel.tenant(), DataType.MASTER_SKU_DATA,
                SystemKind.ERP, governance.matrix(apparel.tenant()).version()));
        assertThat(api.put(apparel.key(), "/api/v1/items/{id}", Map.of("id", id), hoodie,
                Map.of("If-Match", updated.header("ETag").orElseThrow())).status()).as("the brand's ERP")
                .isEqualTo(200);
    }

    @Test
    @Order(12)
    void theRateLimitHoldsAcrossPortalInstancesSharingTheDatabase() throws Exception {
        UUID client = clientOf(AsUser.call(users, apparel.admin(), () -> clients.create(apparel.tenant(), "Shared",
                Set.of(ApiScope.SYNC_READ)))).id();
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now = new java.util.concurrent.atomic
                .AtomicReference<>(java.time.Instant.parse("2026-11-27T12:00:00Z"));
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now.get();
            }
        };
        // two portal instances: each its own limiter, one database
        List<RateLimits> instances = List.of(new RateLimits(10, clock, clients), new RateLimits(10, clock, clients));
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<RateLimits.Decision>> decisions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            RateLimits instance = instances.get(i % 2);
            decisions.add(callers.submit(() -> instance.take(apparel.tenant(), client)));
        }
        int allowed = 0;
        for (var decision : decisions) {
            allowed += decision.get().allowed() ? 1 : 0;
        }
        callers.shutdown();
        assertThat(allowed).as("10 a minute for the client, whichever instance answers").isEqualTo(10);
        RateLimits.Decision refused = instances.get(0).take(apparel.tenant(), client);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).as("one call each 6 s refills").isEqualTo(6);

        now.set(now.get().plusSeconds(7));
        assertThat(instances.get(1).take(apparel.tenant(), client).allowed()).isTrue();
        assertThat(instances.get(0).take(apparel.tenant(), client).allowed()).isFalse();
        assertThat(instances.get(0).take(apparel.tenant(), UUID.randomUUID()).allowed()).as("another client")
                .isTrue();
        assertThatThrownBy(() -> new RateLimits(0, clock, clients)).hasMessageContaining("requests-per-minute");
        assertThat(superuser.sql("SELECT count(*) FROM api_rate_bucket WHERE tenant_id = :t AND client_id = :c")
                .param("t", home.tenant().value()).param("c", client).query(Long.class).single())
                .as("kept under the client's own brand").isZero();
    }

    @Test
    @Order(100)
    void theOpenApiDocumentIsPublicAndDescribesEveryEndpointAndEveryAnswerTheTestsSaw() {
        var document = api.fetch("/api/v1/openapi.json");
        assertThat(document.statusCode()).isEqualTo(200);
        var reference = api.fetch("/api/docs");
        assertThat(reference.statusCode()).as("the reference page, without a sign-in").isEqualTo(200);
        assertThat(reference.uri().getPath()).isEqualTo("/api/swagger-ui/index.html");
        assertThat(reference.body()).contains("swagger-ui");
        assertThat(api.fetch("/api/v1/openapi.json/swagger-config").body()).contains("/api/v1/openapi.json");
        JsonNode paths = ApiCalls.JSON.readTree(document.body()).path("paths");
        Set<String> documented = new HashSet<>();
        List<String> undocumented = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            documented.add(operation.getKey().toUpperCase() + " " + path.getKey());
        }));
        assertThat(documented).contains("POST /api/v1/orders", "GET /api/v1/orders/{id}/journey",
                "POST /api/v1/exceptions/{id}/resolve", "GET /api/v1/sync-health", "GET /api/v1/returns",
                "GET /api/v1/returns/{id}", "POST /api/v1/returns", "GET /api/v1/items/{id}", "POST /api/v1/items",
                "PUT /api/v1/items/{id}", "POST /api/v1/returns/{id}/units/{unitId}/disposition");
        Set<String> exercised = new HashSet<>();
        for (ApiCalls.Call call : List.copyOf(calls)) {
            String operation = call.method() + " " + call.template();
            exercised.add(operation);
            JsonNode responses = paths.path(call.template()).path(call.method().toLowerCase()).path("responses");
            if (!responses.has(Integer.toString(call.status()))) {
                undocumented.add(operation + " answered " + call.status());
            }
        }
        assertThat(exercised).as("every documented operation exercised").containsAll(documented);
        assertThat(undocumented).as("answers the document does not list").isEmpty();
    }

    private Answer order(String key, String reference, String sku, int quantity) {
        return api.post(key, "/api/v1/orders", NONE, orderBody(reference, sku, quantity));
    }

    private static Map<String, Object> orderBody(String reference, String sku, int quantity) {
        return Map.of("reference", reference, "shipTo", ADDRESS, "lines", List.of(Map.of("sku", sku, "quantity",
                quantity)));
    }

    private static List<String> fields(Answer answer) {
        List<String> fields = new ArrayList<>();
        answer.body().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    private ApiClientView clientOf(NewApiClient created) {
        return AsUser.call(users, apparel.admin(), () -> clients.clients(apparel.tenant())).stream()
                .filter(client -> client.id().equals(created.client().id())).findFirst().orElseThrow();
    }
}
