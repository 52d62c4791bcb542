package com.crossdock.portal.api;

import com.crossdock.portal.api.ApiModels.CreateInboundShipment;
import com.crossdock.portal.api.ApiModels.InboundShipment;
import com.crossdock.portal.api.ApiModels.Page;
import com.crossdock.portal.receiving.InboundShipmentCommand;
import com.crossdock.portal.receiving.InboundShipmentView;
import com.crossdock.portal.receiving.ReceivingService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

/** Inbound shipments to the warehouse: create one, send it (the warehouse is told with a 943), follow receipts. */
@RestController
@RequestMapping(path = "/api/v1/inbound-shipments", produces = "application/json")
@Tag(name = "Inbound shipments")
class InboundShipmentsApi {

    private final ReceivingService receiving;
    private final IdempotentPosts idempotent;

    InboundShipmentsApi(ReceivingService receiving, IdempotentPosts idempotent) {
        this.receiving = receiving;
        this.idempotent = idempotent;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_inbound:read')")
    @Operation(summary = "List inbound shipments", description = "Newest first (the 200 most recent). Scope "
            + "inbound:read.")
    Page<InboundShipment> list(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Parameter(description = "1 to 200, default 50") @Nullable Integer limit) {
        int from = Cursors.offset(cursor);
        int size = Cursors.limit(limit);
        List<InboundShipmentView> all = receiving.shipments(Callers.current().tenant());
        return new Page<>(all.stream().skip(from).limit(size).map(InboundShipment::of).toList(),
                from + size < all.size() ? Cursors.offset(from + size) : null);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SCOPE_inbound:read')")
    @Operation(summary = "Read an inbound shipment", description = "With lines, units received and discrepancies. "
            + "Scope inbound:read.")
    InboundShipment read(@PathVariable UUID id) {
        return receiving.shipments(Callers.current().tenant()).stream().filter(view -> view.id().equals(id))
                .findFirst().map(InboundShipment::of)
                .orElseThrow(() -> ApiProblemException.notFound("Inbound shipment " + id));
    }

    @PostMapping(consumes = "application/json")
    @PreAuthorize("hasAuthority('SCOPE_inbound:write')")
    @Operation(summary = "Create an inbound shipment", description = "A draft, with lines of catalog SKUs. Scope "
            + "inbound:write.")
    @ApiResponse(responseCode = "201", description = "Created, or the first answer again for a repeated key")
    ResponseEntity<InboundShipment> create(@RequestBody CreateInboundShipment shipment, HttpServletRequest request,
            @RequestHeader(IdempotentPosts.HEADER) @Nullable String idempotencyKey) {
        return idempotent.once(request, idempotencyKey, shipment, InboundShipment.class, () -> {
            InboundShipmentView created = receiving.create(Callers.current().tenant(), new InboundShipmentCommand(
                    shipment.reference(), shipment.carrier(), shipment.expectedOn(), shipment.lines() == null ? null
                    : shipment.lines().stream().map(line -> new InboundShipmentCommand.Line(line.sku(),
                    line.quantity())).toList()));
            return ResponseEntity.status(HttpStatus.CREATED)
                    .location(URI.create("/api/v1/inbound-shipments/" + created.id()))
                    .body(InboundShipment.of(created));
        });
    }

    @PostMapping("/{id}/send")
    @PreAuthorize("hasAuthority('SCOPE_inbound:write')")
    @Operation(summary = "Send an inbound shipment to the warehouse", description = "The next exchange announces it "
            + "with a 943. Scope inbound:write.")
    @ApiResponse(responseCode = "200", description = "Marked ready, or the first answer again for a repeated key")
    ResponseEntity<InboundShipment> send(@PathVariable UUID id, HttpServletRequest request,
            @RequestHeader(IdempotentPosts.HEADER) @Nullable String idempotencyKey) {
        return idempotent.once(request, idempotencyKey, id, InboundShipment.class, () -> {
            read(id);
            return ResponseEntity.ok(InboundShipment.of(receiving.sendToWarehouse(Callers.current().tenant(), id)));
        });
    }
}
