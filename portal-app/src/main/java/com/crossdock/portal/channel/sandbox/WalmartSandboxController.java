package com.crossdock.portal.channel.sandbox;

import com.crossdock.portal.channel.amazon.SpApiTransport;
import com.crossdock.tenantconfig.tenant.TenantId;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
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
 * The Walmart sandbox over HTTP: {@code /sandbox/walmart/{tenant}/{connection}/v3/**} (the Token API, Orders,
 * Inventory and Feeds). No session and no sign-in: like Walmart, the {@code WM_SEC.ACCESS_TOKEN} header is the
 * proof. Unknown and live connections are not found.
 */
@RestController
class WalmartSandboxController {

    private static final String NOT_FOUND = "{\"errors\":{\"error\":[{\"code\":\"CONTENT_NOT_FOUND.GMP_GATEWAY_API\","
            + "\"description\":\"Not found\"}]}}";

    private final WalmartSandboxService sandbox;

    WalmartSandboxController(WalmartSandboxService sandbox) {
        this.sandbox = sandbox;
    }

    @RequestMapping(path = "/sandbox/walmart/{tenant}/{connection}/v3/**",
            method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT})
    ResponseEntity<String> call(@PathVariable String tenant, @PathVariable String connection,
            HttpServletRequest request, @RequestBody(required = false) @Nullable String body) {
        Optional<WalmartSandboxStore> seller = target(tenant, connection);
        if (seller.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).header(HttpHeaders.CONTENT_TYPE, "application/json")
                    .body(NOT_FOUND);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        String query = request.getQueryString();
        URI uri = URI.create(request.getRequestURL() + (query == null ? "" : "?" + query));
        String content = body != null && !body.isBlank() ? body : contentOf(request);
        SpApiTransport.Answer answer = seller.get().send(new SpApiTransport.Call(request.getMethod(), uri, headers,
                content));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
        answer.headers().forEach((name, values) -> values.forEach(value -> response.header(name, value)));
        return response.body(answer.body());
    }

    /** A body a filter or the multipart resolver already read: the token form, or the feed's file part. */
    private static String contentOf(HttpServletRequest request) {
        if (request.getRequestURI().endsWith("/v3/token")) {
            return "grant_type=" + Optional.ofNullable(request.getParameter("grant_type")).orElse("");
        }
        String type = request.getContentType();
        if (type != null && type.startsWith("multipart/")) {
            try {
                Part file = request.getPart("file");
                return file == null ? "" : new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException | ServletException unreadable) {
                return "";
            }
        }
        return "";
    }

    private Optional<WalmartSandboxStore> target(String tenant, String connection) {
        try {
            return sandbox.sellerForCalls(new TenantId(UUID.fromString(tenant)), UUID.fromString(connection));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
