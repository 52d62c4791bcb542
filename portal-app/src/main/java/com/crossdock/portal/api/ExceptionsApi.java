package com.crossdock.portal.api;

import com.crossdock.portal.api.ApiModels.IntegrationIssue;
import com.crossdock.portal.api.ApiModels.Page;
import com.crossdock.portal.api.ApiModels.Resolution;
import com.crossdock.portal.sync.IntegrationException;
import com.crossdock.portal.sync.SyncService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Exceptions: records that could not move, read and resolved with their root cause. */
@RestController
@RequestMapping(path = "/api/v1/exceptions", produces = "application/json")
@Tag(name = "Exceptions")
class ExceptionsApi {

    private final SyncService sync;
    private final IdempotentPosts idempotent;

    ExceptionsApi(SyncService sync, IdempotentPosts idempotent) {
        this.sync = sync;
        this.idempotent = idempotent;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_exceptions:read')")
    @Operation(summary = "List exceptions", description = "Open and resolved, oldest change first. Scope "
            + "exceptions:read.")
    Page<IntegrationIssue> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            @Parameter(description = "Only exceptions seen or resolved at or after this instant") @Nullable Instant updatedSince,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Parameter(description = "1 to 200, default 50") @Nullable Integer limit) {
        Cursors.Position from = Cursors.position(cursor, updatedSince);
        int size = Cursors.limit(limit);
        List<IntegrationException> found = sync.exceptionChanges(Callers.current().tenant(), from.at(), from.id(),
                size + 1);
        List<IntegrationException> page = found.stream().limit(size).toList();
        String next = found.size() <= size ? null
                : Cursors.position(page.getLast().changedAt(), page.getLast().id());
        return new Page<>(page.stream().map(IntegrationIssue::of).toList(), next);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SCOPE_exceptions:read')")
    @Operation(summary = "Read an exception", description = "The ETag changes with it; send it as If-Match to "
            + "resolve only what you read. Scope exceptions:read.")
    ResponseEntity<IntegrationIssue> read(@PathVariable UUID id) {
        IntegrationException found = find(id);
        return ResponseEntity.ok().eTag(etag(found)).body(IntegrationIssue.of(found));
    }

    @PostMapping(path = "/{id}/resolve", consumes = "application/json")
    @PreAuthorize("hasAuthority('SCOPE_exceptions:write')")
    @Operation(summary = "Resolve an exception", description = "With its root cause. Scope exceptions:write.")
    @ApiResponse(responseCode = "200", description = "Resolved, or the first answer again for a repeated key")
    @ApiResponse(responseCode = "409", description = "Resolved already")
    @ApiResponse(responseCode = "412", description = "Changed since it was read (If-Match)")
    ResponseEntity<IntegrationIssue> resolve(@PathVariable UUID id, @RequestBody Resolution resolution,
            HttpServletRequest request,
            @RequestHeader(IdempotentPosts.HEADER) @Nullable String idempotencyKey,
            @RequestHeader(name = "If-Match", required = false) @Parameter(description = "The ETag read before")
            @Nullable String ifMatch) {
        return idempotent.once(request, idempotencyKey, resolution, IntegrationIssue.class, () -> {
            IntegrationException before = find(id);
            if (ifMatch != null && !ifMatch.strip().equals(etag(before))) {
                throw new ApiProblemException(HttpStatus.PRECONDITION_FAILED, "Changed since read",
                        "The exception changed since you read it; read it again and decide again");
            }
            if (!sync.resolveException(Callers.current().tenant(), id, resolution.rootCause())) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "Resolved already",
                        "This exception is resolved already");
            }
            IntegrationException after = find(id);
            return ResponseEntity.ok().eTag(etag(after)).body(IntegrationIssue.of(after));
        });
    }

    private IntegrationException find(UUID id) {
        return sync.exception(Callers.current().tenant(), id)
                .orElseThrow(() -> ApiProblemException.notFound("Exception " + id));
    }

    private static String etag(IntegrationException exception) {
        return "\"" + ApiClientService.sha256(exception.id() + "|" + exception.status() + "|"
                + exception.occurrences() + "|" + exception.changedAt()).substring(0, 24) + "\"";
    }
}
