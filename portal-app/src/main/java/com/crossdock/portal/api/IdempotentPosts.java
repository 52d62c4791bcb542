package com.crossdock.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every POST of the API carries an {@code Idempotency-Key}: the first successful answer is kept per client and key,
 * and a repeat of the same request gets it again (with {@code Idempotent-Replayed: true}) instead of doing the work
 * twice. The same key with a different request is refused.
 */
@Component
class IdempotentPosts {

    static final String HEADER = "Idempotency-Key";

    private final ApiClientService clients;
    private final JsonMapper json;

    IdempotentPosts(ApiClientService clients, JsonMapper json) {
        this.clients = clients;
        this.json = json;
    }

    <T> ResponseEntity<T> once(HttpServletRequest request, @Nullable String key, Object body, Class<T> answerType,
            Supplier<ResponseEntity<T>> work) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Idempotency-Key needed",
                    "Send a unique Idempotency-Key header (1 to 200 characters, a UUID say) with every POST; send the "
                            + "same key again to repeat a request safely");
        }
        ApiCaller caller = (ApiCaller) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        String requestHash = ApiClientService.sha256(request.getMethod() + " " + request.getRequestURI() + "\n"
                + json.writeValueAsString(body));
        var stored = clients.storedAnswer(caller.tenant(), caller.clientId(), key);
        if (stored.isEmpty()) {
            ResponseEntity<T> answer = work.get();
            if (!answer.getStatusCode().is2xxSuccessful()) {
                return answer;
            }
            URI location = answer.getHeaders().getLocation();
            String answered = json.writeValueAsString(answer.getBody());
            ApiClientService.StoredAnswer kept = clients.storeAnswer(caller.tenant(), caller.clientId(), key,
                    new ApiClientService.StoredAnswer(requestHash, answer.getStatusCode().value(),
                            location == null ? null : location.toString(), answered));
            if (kept.requestHash().equals(requestHash) && kept.body().equals(answered)) {
                return answer;
            }
            // a request with the same key was quicker: its answer is the one
            stored = java.util.Optional.of(kept);
        }
        ApiClientService.StoredAnswer first = stored.get();
        if (!first.requestHash().equals(requestHash)) {
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request");
        }
        ResponseEntity.BodyBuilder replay = ResponseEntity.status(first.status()).header("Idempotent-Replayed",
                "true");
        if (first.location() != null) {
            replay.location(URI.create(first.location()));
        }
        return replay.body(json.readValue(first.body(), answerType));
    }
}
