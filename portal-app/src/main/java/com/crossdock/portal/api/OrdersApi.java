package com.crossdock.portal.api;

import com.crossdock.portal.api.ApiModels.CreateOrder;
import com.crossdock.portal.api.ApiModels.JourneyEntry;
import com.crossdock.portal.api.ApiModels.Order;
import com.crossdock.portal.api.ApiModels.Page;
import com.crossdock.portal.sync.ManualOrderCommand;
import com.crossdock.portal.sync.OrderState;
import com.crossdock.portal.sync.SyncService;
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

/** Orders: create one (it enters the order pipeline like a channel's order), follow its status and journey. */
@RestController
@RequestMapping(path = "/api/v1/orders", produces = "application/json")
@Tag(name = "Orders")
class OrdersApi {

    private final SyncService sync;
    private final IdempotentPosts idempotent;

    OrdersApi(SyncService sync, IdempotentPosts idempotent) {
        this.sync = sync;
        this.idempotent = idempotent;
    }

    @PostMapping(consumes = "application/json")
    @PreAuthorize("hasAuthority('SCOPE_orders:write')")
    @Operation(summary = "Create an order", description = "Resolves SKUs and bundles, applies the hold rules and "
            + "releases it to the warehouse, as for a channel's order. Scope orders:write.")
    @ApiResponse(responseCode = "201", description = "Created, or the first answer again for a repeated key")
    ResponseEntity<Order> create(@RequestBody CreateOrder order, HttpServletRequest request,
            @RequestHeader(IdempotentPosts.HEADER) @Parameter(description = "Unique per request; repeat it to retry")
            @Nullable String idempotencyKey) {
        ApiCaller caller = Callers.current();
        return idempotent.once(request, idempotencyKey, order, Order.class, () -> {
            OrderState created = sync.submitOrder(caller.tenant(), new ManualOrderCommand(order.reference(),
                    order.connectionId(), order.email(), order.shippingMethod(), order.shipTo(), order.lines() == null
                    ? null : order.lines().stream().map(line -> new ManualOrderCommand.Line(line.sku(),
                    line.quantity())).toList()));
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/orders/" + created.id()))
                    .eTag(etag(created)).body(Order.of(created));
        });
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_orders:read')")
    @Operation(summary = "List orders", description = "Oldest change first. Scope orders:read.")
    Page<Order> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            @Parameter(description = "Only orders changed at or after this instant (ISO-8601)") @Nullable Instant updatedSince,
            @RequestParam(required = false) @Parameter(description = "nextCursor of the previous page") @Nullable String cursor,
            @RequestParam(required = false) @Parameter(description = "1 to 200, default 50") @Nullable Integer limit) {
        Cursors.Position from = Cursors.position(cursor, updatedSince);
        int size = Cursors.limit(limit);
        List<OrderState> found = sync.orderChanges(Callers.current().tenant(), from.at(), from.id(), size + 1);
        List<OrderState> orders = found.stream().limit(size).toList();
        String next = found.size() <= size ? null
                : Cursors.position(orders.getLast().updatedAt(), orders.getLast().id());
        return new Page<>(orders.stream().map(Order::of).toList(), next);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SCOPE_orders:read')")
    @Operation(summary = "Read an order", description = "With its status, holds and warehouse lines; the ETag is its "
            + "version. Scope orders:read.")
    ResponseEntity<Order> read(@PathVariable UUID id) {
        OrderState order = sync.order(Callers.current().tenant(), id)
                .orElseThrow(() -> ApiProblemException.notFound("Order " + id));
        return ResponseEntity.ok().eTag(etag(order)).body(Order.of(order));
    }

    @GetMapping("/{id}/journey")
    @PreAuthorize("hasAuthority('SCOPE_orders:read')")
    @Operation(summary = "Read an order's journey", description = "Every step, oldest first. Scope orders:read.")
    List<JourneyEntry> journey(@PathVariable UUID id) {
        read(id);
        return sync.journey(Callers.current().tenant(), id).stream()
                .map(step -> new JourneyEntry(step.at(), step.step(), step.detail())).toList();
    }

    private static String etag(OrderState order) {
        return "\"" + order.id() + "-" + order.version() + "\"";
    }
}
