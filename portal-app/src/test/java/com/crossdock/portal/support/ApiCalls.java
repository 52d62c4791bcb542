package com.crossdock.portal.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the portal's {@code /api/v1} over real HTTP with an API key, and records each call by its documented path
 * template and answered status, so a contract test can compare them with the OpenAPI document.
 */
public final class ApiCalls {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** One call as the contract sees it: method, path template (e.g. {@code /api/v1/orders/{id}}), status. */
    public record Call(String method, String template, int status) {
    }

    /** An answer: status, headers and the body as JSON (a missing or non-JSON body is an empty object). */
    public record Answer(int status, java.net.http.HttpHeaders headers, JsonNode body, String text) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;
    private final List<Call> calls;

    public ApiCalls(int port, List<Call> calls) {
        this.base = "http://127.0.0.1:" + port;
        this.calls = calls;
    }

    public static List<Call> log() {
        return java.util.Collections.synchronizedList(new ArrayList<>());
    }

    public Answer get(@Nullable String key, String template, Map<String, ?> path, String query) {
        return send(key, "GET", template, path, query, null, Map.of());
    }

    public Answer post(@Nullable String key, String template, Map<String, ?> path, Object body,
            Map<String, String> headers) {
        return send(key, "POST", template, path, "", JSON.writeValueAsString(body), headers);
    }

    /** A POST with a fresh Idempotency-Key. */
    public Answer post(@Nullable String key, String template, Map<String, ?> path, Object body) {
        return post(key, template, path, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /** A PUT with these headers (If-Match, say). */
    public Answer put(@Nullable String key, String template, Map<String, ?> path, Object body,
            Map<String, String> headers) {
        return send(key, "PUT", template, path, "", JSON.writeValueAsString(body), headers);
    }

    public Answer send(@Nullable String key, String method, String template, Map<String, ?> path, String query,
            @Nullable String body, Map<String, String> headers) {
        String address = template;
        for (var variable : path.entrySet()) {
            address = address.replace("{" + variable.getKey() + "}", String.valueOf(variable.getValue()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + address
                + (query.isEmpty() ? "" : "?" + query)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            calls.add(new Call(method, template, response.statusCode()));
            JsonNode json;
            try {
                json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                json = JSON.createObjectNode();
            }
            return new Answer(response.statusCode(), response.headers(), json, response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The raw text of an address outside the API's key handling (the OpenAPI document, the reference page). */
    public HttpResponse<String> fetch(String address) {
        return fetch(address, null);
    }

    /** As {@link #fetch(String)}, with a key and not recorded: for addresses the contract does not describe. */
    public HttpResponse<String> fetch(String address, @Nullable String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + address));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
