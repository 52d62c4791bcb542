package com.crossdock.portal.api;

import com.crossdock.portal.api.ApiModels.CreateReturn;
import com.crossdock.portal.api.ApiModels.Page;
import com.crossdock.portal.api.ApiModels.Return;
import com.crossdock.portal.api.ApiModels.ReturnDetail;
import com.crossdock.portal.api.ApiModels.UnitDecision;
import com.crossdock.portal.returns.Disposition;
import com.crossdock.portal.returns.ReturnsService;
import com.crossdock.portal.returns.RmaCommand;
import com.crossdock.portal.returns.RmaSummary;
import com.crossdock.portal.returns.RmaView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
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

/** Returns (RMAs): follow them as the returns bench receives and dispositions units, and enter one by hand. */
@RestController
@RequestMapping(path = "/api/v1/returns", produces = "application/json")
@Tag(name = "Returns")
class ReturnsApi {

    private final ReturnsService returns;
    private final IdempotentPosts idempotent;

    ReturnsApi(ReturnsService returns, IdempotentPosts idempotent) {
        this.returns = returns;
        this.idempotent = idempotent;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_returns:read')")
    @Operation(summary = "List returns", description = "Oldest change first. Scope returns:read.")
    Page<Return> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            @Parameter(description = "Only returns changed at or after this instant") @Nullable Instant updatedSince,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Parameter(description = "1 to 200, default 50") @Nullable Integer limit) {
        Cursors.Position from = Cursors.position(cursor, updatedSince);
        int size = Cursors.limit(limit);
        List<RmaSummary> found = returns.changes(Callers.current().tenant(), from.at(), from.id(), size + 1);
        List<RmaSummary> page = found.stream().limit(size).toList();
        String next = found.size() <= size ? null : Cursors.position(page.getLast().updatedAt(), page.getLast().id());
        return new Page<>(page.stream().map(Return::of).toList(), next);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SCOPE_returns:read')")
    @Operation(summary = "Read a return", description = "With its lines and each unit received and its "
            + "disposition. Scope returns:read.")
    ReturnDetail read(@PathVariable UUID id) {
        try {
            return ReturnDetail.of(returns.rma(Callers.current().tenant(), id));
        } catch (com.crossdock.portal.returns.ReturnsValidationException notFound) {
            throw ApiProblemException.notFound("Return " + id);
        }
    }

    @PostMapping(consumes = "application/json")
    @PreAuthorize("hasAuthority('SCOPE_returns:write')")
    @Operation(summary = "Enter a return by hand", description = "An RMA expecting these units (catalog SKUs, 1 to "
            + "1,000 a line), optionally for an order of the portal. The brand refunds it itself: nothing is told to "
            + "a store. Scope returns:write.")
    @ApiResponse(responseCode = "201", description = "Created, or the first answer again for a repeated key")
    ResponseEntity<ReturnDetail> create(@RequestBody CreateReturn rma, HttpServletRequest request,
            @RequestHeader(IdempotentPosts.HEADER) @Nullable String idempotencyKey) {
        return idempotent.once(request, idempotencyKey, rma, ReturnDetail.class, () -> {
            RmaView created = returns.create(Callers.current().tenant(), new RmaCommand(rma.orderName(), rma.note(),
                    rma.lines() == null ? null : rma.lines().stream().map(line -> new RmaCommand.Line(line.sku(),
                            line.quantity(), line.reason())).toList()));
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/returns/" + created.id()))
                    .body(ReturnDetail.of(created));
        });
    }

    @PostMapping(path = "/{id}/units/{unitId}/disposition", consumes = "application/json")
    @PreAuthorize("hasAuthority('SCOPE_returns:write')")
    @Operation(summary = "Decide a returned unit's disposition", description = "For a brand whose ERP owns returns "
            + "disposition (Setup, source of truth): RESTOCK_AVAILABLE, RESTOCK_B_GRADE, REFURBISH, RETURN_TO_VENDOR "
            + "or DISPOSE for a unit the warehouse received and holds for inspection. Once every unit is decided, the "
            + "store is told (refund, restock). Refused with 422 naming the owner while another system owns returns "
            + "disposition, or when the unit is decided already. Scope returns:write.")
    @ApiResponse(responseCode = "200", description = "The return after the decision, or the first answer again for a "
            + "repeated key")
    ResponseEntity<ReturnDetail> disposition(@PathVariable UUID id, @PathVariable UUID unitId,
            @RequestBody UnitDecision decision, HttpServletRequest request,
            @RequestHeader(IdempotentPosts.HEADER) @Nullable String idempotencyKey) {
        return idempotent.once(request, idempotencyKey, decision, ReturnDetail.class, () -> {
            var tenant = Callers.current().tenant();
            RmaView rma;
            try {
                rma = returns.rma(tenant, id);
            } catch (com.crossdock.portal.returns.ReturnsValidationException notFound) {
                throw ApiProblemException.notFound("Return " + id);
            }
            if (rma.units().stream().noneMatch(unit -> unit.id().equals(unitId))) {
                throw ApiProblemException.notFound("Unit " + unitId + " of return " + rma.number());
            }
            Disposition chosen = java.util.Arrays.stream(Disposition.values())
                    .filter(value -> value.name().equals(decision.disposition())).findFirst()
                    .orElseThrow(() -> new com.crossdock.portal.returns.ReturnsValidationException(java.util.Map.of(
                            "disposition", "Choose one of RESTOCK_AVAILABLE, RESTOCK_B_GRADE, REFURBISH, "
                                    + "RETURN_TO_VENDOR, DISPOSE")));
            return ResponseEntity.ok(ReturnDetail.of(returns.disposition(tenant, unitId, chosen, decision.note())));
        });
    }
}
