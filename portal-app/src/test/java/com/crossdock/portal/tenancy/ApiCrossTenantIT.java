package com.crossdock.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.portal.support.ApiBrands;
import com.crossdock.portal.support.ApiCalls;
import com.crossdock.portal.support.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The API's part of the isolation suite: an API client of brand A, with every scope, calls every operation the
 * OpenAPI document lists (found from the document, so a new endpoint is never missed) with brand B's ids in the
 * path and B's connection and SKUs in the body. Nothing of B is answered, no list shows B's rows, and nothing of B
 * changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiCrossTenantIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, ApiCrossTenantIT.class);
    }

    @Autowired ApplicationContext context;
    @LocalServerPort int port;

    final JdbcClient superuser = TestDatabases.superuser(ApiCrossTenantIT.class);
    ApiCalls api;
    ApiBrands mine;
    ApiBrands theirs;
    List<String> theirIds = new ArrayList<>();

    @BeforeAll
    void twoBrandsAndTheirsHasAnOrderAnExceptionAndAnInboundShipment() {
        api = new ApiCalls(port, ApiCalls.log());
        mine = ApiBrands.seed(context, "Mine", List.of("MINE-SKU"));
        theirs = ApiBrands.seed(context, "Theirs", List.of("THEIR-SKU"));
        var held = api.post(theirs.key(), "/api/v1/orders", Map.of(), Map.of("reference", "THEIRS-1", "shipTo",
                Map.of("name", "T", "address1", "1 St", "city", "Paris", "countryCode", "FR"), "lines",
                List.of(Map.of("sku", "UNKNOWN", "quantity", 1))));
        assertThat(held.status()).isEqualTo(201);
        theirIds.add(held.body().path("id").asString());
        theirIds.add(api.get(theirs.key(), "/api/v1/exceptions", Map.of(), "").body().path("data").get(0)
                .path("id").asString());
        var inbound = api.post(theirs.key(), "/api/v1/inbound-shipments", Map.of(), Map.of("reference", "THEIR-PO",
                "expectedOn", "2026-12-01", "lines", List.of(Map.of("sku", "THEIR-SKU", "quantity", 5))));
        assertThat(inbound.status()).isEqualTo(201);
        theirIds.add(inbound.body().path("id").asString());
        theirIds.add(api.get(theirs.key(), "/api/v1/items", Map.of(), "").body().path("data").get(0).path("id")
                .asString());
        var rma = api.post(theirs.key(), "/api/v1/returns", Map.of(), Map.of("orderName", "THEIRS-1", "lines",
                List.of(Map.of("sku", "THEIR-SKU", "quantity", 1))));
        assertThat(rma.status()).isEqualTo(201);
        theirIds.add(rma.body().path("id").asString());
    }

    @Test
    void aClientOfOneBrandNeitherReadsNorWritesAnotherBrandsResourcesThroughAnyEndpoint() {
        String before = fingerprintOfTheirs();
        Map<String, Object> bodies = Map.of(
                "POST /api/v1/orders", Map.of("reference", "TAKEOVER-1", "connectionId", theirs.connection(),
                        "shipTo", Map.of("name", "M", "address1", "1 St", "city", "Paris", "countryCode", "FR"),
                        "lines", List.of(Map.of("sku", "THEIR-SKU", "quantity", 1))),
                "POST /api/v1/exceptions/{id}/resolve", Map.of("rootCause", "Taken over by another brand"),
                "POST /api/v1/inbound-shipments", Map.of("reference", "TAKEOVER-PO", "expectedOn", "2026-12-01",
                        "lines", List.of(Map.of("sku", "THEIR-SKU", "quantity", 1))),
                "POST /api/v1/inbound-shipments/{id}/send", Map.of(),
                "POST /api/v1/returns", Map.of("lines", List.of(Map.of("sku", "THEIR-SKU", "quantity", 1))),
                "POST /api/v1/returns/{id}/units/{unitId}/disposition", Map.of("disposition", "DISPOSE"),
                // items are each brand's own: creating one names nothing of theirs and leaves theirs untouched
                "POST /api/v1/items", Map.of("sku", "MINE-NEW", "description", "Mine", "packs",
                        List.of(Map.of("level", "EACH", "eaches", 1))),
                "PUT /api/v1/items/{id}", Map.of("sku", "THEIR-SKU", "description", "Taken over", "packs",
                        List.of(Map.of("level", "EACH", "eaches", 1))));
        JsonNode paths = ApiCalls.JSON.readTree(api.fetch("/api/v1/openapi.json").body()).path("paths");
        List<String> probed = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String method = operation.getKey().toUpperCase();
            String name = method + " " + path.getKey();
            probed.add(name);
            List<String> ids = path.getKey().contains("{id}") ? theirIds : List.of("");
            for (String id : ids) {
                ApiCalls.Answer answer = switch (method) {
                    case "GET" -> api.get(mine.key(), path.getKey(), Map.of("id", id), "");
                    case "PUT" -> api.put(mine.key(), path.getKey(), Map.of("id", id), bodyFor(bodies, name),
                            Map.of("If-Match", "\"item-v0\""));
                    default -> api.post(mine.key(), path.getKey(), Map.of("id", id, "unitId", id),
                            bodyFor(bodies, name));
                };
                String call = name + " as the other brand with " + (id.isEmpty() ? "its connection and SKU" : id);
                if (path.getKey().contains("{id}")) {
                    assertThat(answer.status()).as(call).isEqualTo(404);
                } else if (name.equals("POST /api/v1/items")) {
                    assertThat(answer.status()).as(call).isEqualTo(201);
                } else if (method.equals("POST")) {
                    assertThat(answer.status()).as(call).isEqualTo(422);
                } else {
                    assertThat(answer.status()).as(call).isEqualTo(200);
                }
                assertThat(answer.text()).as(call).doesNotContain("THEIRS-1", "THEIR-PO", "Theirs store",
                        theirs.connection().toString(), theirs.tenant().value().toString());
                if (id.isEmpty()) {
                    assertThat(answer.text()).as(call).doesNotContain(theirIds);
                }
            }
        }));
        assertThat(probed).hasSizeGreaterThanOrEqualTo(19);
        assertThat(fingerprintOfTheirs()).isEqualTo(before);
    }

    private static Object bodyFor(Map<String, Object> bodies, String operation) {
        Object body = bodies.get(operation);
        assertThat(body).as("a body that names the other brand's things for " + operation).isNotNull();
        return body;
    }

    private String fingerprintOfTheirs() {
        return superuser.sql("""
                SELECT (SELECT count(*) FROM sales_order WHERE tenant_id = :t) || '/'
                       || (SELECT string_agg(status, ',') FROM integration_exception WHERE tenant_id = :t) || '/'
                       || (SELECT count(*) FROM inbound_shipment WHERE tenant_id = :t AND ready_at IS NULL) || '/'
                       || (SELECT count(*) FROM inbound_shipment WHERE tenant_id = :t) || '/'
                       || (SELECT count(*) FROM channel_inbox WHERE tenant_id = :t) || '/'
                       || (SELECT string_agg(sku || ':' || description, ',') FROM catalog_item WHERE tenant_id = :t)
                       || '/' || (SELECT count(*) FROM rma WHERE tenant_id = :t)""")
                .param("t", theirs.tenant().value()).query(String.class).single();
    }
}
