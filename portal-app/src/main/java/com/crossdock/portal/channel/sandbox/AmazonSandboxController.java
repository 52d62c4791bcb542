package com.crossdock.portal.channel.sandbox;

import com.crossdock.portal.channel.amazon.SpApiTransport;
import com.crossdock.tenantconfig.tenant.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Amazon sandbox over HTTP: {@code /sandbox/amazon/{tenant}/{connection}/auth/o2/token} (Login with Amazon's
 * refresh-token grant), {@code .../orders/v0/...} (Orders API v0 with {@code confirmShipment}), the Feeds API and
 * the feed documents' pre-signed addresses ({@code .../feed-documents/{id}}), and Fulfillment Inbound's prep
 * details, and the seller's SQS queue of notifications ({@code .../sqs}, AWS JSON 1.0). No session and no sign-in:
 * like Amazon, the {@code x-amz-access-token} header is the proof (the document address is its own permission, the
 * queue wants a SigV4 header with its access key). Unknown and live connections are not
 * found.
 */
@RestController
class AmazonSandboxController {

    private static final String NOT_FOUND = "{\"errors\":[{\"code\":\"NotFound\",\"message\":\"Not found\"}]}";

    private final AmazonSandboxService sandbox;

    AmazonSandboxController(AmazonSandboxService sandbox) {
        this.sandbox = sandbox;
    }

    @RequestMapping(path = {"/sandbox/amazon/{tenant}/{connection}/auth/o2/token",
            "/sandbox/amazon/{tenant}/{connection}/orders/v0/**",
            "/sandbox/amazon/{tenant}/{connection}/orders/2026-01-01/**",
            "/sandbox/amazon/{tenant}/{connection}/feeds/2021-06-30/**",
            "/sandbox/amazon/{tenant}/{connection}/feed-documents/**",
            "/sandbox/amazon/{tenant}/{connection}/inbound/fba/2024-03-20/**"},
            method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT})
    ResponseEntity<String> call(@PathVariable String tenant, @PathVariable String connection,
            HttpServletRequest request, @RequestBody(required = false) @Nullable String body) {
        Optional<AmazonSandboxStore> account = target(tenant, connection);
        if (account.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).header(HttpHeaders.CONTENT_TYPE, "application/json")
                    .body(NOT_FOUND);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String token = request.getHeader("x-amz-access-token");
        if (token != null) {
            headers.put("x-amz-access-token", token);
        }
        String query = request.getQueryString();
        URI uri = URI.create(request.getRequestURL() + (query == null ? "" : "?" + query));
        String form = body != null ? body : formOf(request);
        SpApiTransport.Answer answer = account.get().send(new SpApiTransport.Call(request.getMethod(), uri, headers,
                form));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
        answer.headers().forEach((name, values) -> values.forEach(value -> response.header(name, value)));
        return response.body(answer.body());
    }

    /**
     * The connection's SQS queue of SP-API notifications in SQS's AWS JSON 1.0 protocol, where the AWS SDK's SQS
     * client is pointed with {@code endpointOverride}: the operation in {@code X-Amz-Target}, a SigV4
     * {@code Authorization} header naming the queue's access key, a JSON body; answers and errors as SQS gives them.
     */
    @RequestMapping(path = {"/sandbox/amazon/{tenant}/{connection}/sqs", "/sandbox/amazon/{tenant}/{connection}/sqs/",
            "/sandbox/amazon/{tenant}/{connection}/sqs/{account}/{queue}"}, method = RequestMethod.POST)
    ResponseEntity<String> sqs(@PathVariable String tenant, @PathVariable String connection,
            HttpServletRequest request, @RequestBody(required = false) @Nullable String body) {
        Optional<AmazonSandboxStore> account = target(tenant, connection);
        if (account.isEmpty()) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).header(HttpHeaders.CONTENT_TYPE, SQS_JSON)
                    .header("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender")
                    .body("{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\","
                            + "\"message\":\"The specified queue does not exist.\"}");
        }
        String base = request.getRequestURL().toString().replaceFirst("(/sqs)(/.*)?$", "$1");
        SpApiTransport.Answer answer = account.get().sqs(request.getHeader("X-Amz-Target"),
                request.getHeader(HttpHeaders.AUTHORIZATION), body == null ? "" : body, base);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
        answer.headers().forEach((name, values) -> values.forEach(value -> response.header(name, value)));
        return response.body(answer.body());
    }

    private static final String SQS_JSON = "application/x-amz-json-1.0";

    /** A form body a filter already read into the request's parameters, written out again. */
    private static String formOf(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return "";
        }
        StringBuilder form = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                form.append(form.isEmpty() ? "" : "&").append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=').append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return form.toString();
    }

    private Optional<AmazonSandboxStore> target(String tenant, String connection) {
        try {
            return sandbox.accountForCalls(new TenantId(UUID.fromString(tenant)), UUID.fromString(connection));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
