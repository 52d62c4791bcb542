package com.crossdock.portal.api;

import com.crossdock.portal.order.Address;
import com.crossdock.portal.receiving.InboundShipmentView;
import com.crossdock.portal.sync.FlowService;
import com.crossdock.portal.sync.IntegrationException;
import com.crossdock.portal.sync.OrderState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The JSON resources of {@code /api/v1}: their names are the API's contract, so they are mapped from the features'
 * records here instead of exposing those.
 */
public final class ApiModels {

    private ApiModels() {
    }

    /** One page of a list; pass {@code nextCursor} as {@code cursor} for the next, until it is null. */
    public record Page<T>(List<T> data, @Nullable String nextCursor) {
    }

    @Schema(description = "An order: entered through the API or received from a channel")
    public record Order(UUID id, String reference, String channelOrderId, UUID connectionId,
            @Schema(description = "IMPORTED, HELD, RELEASED, PICKED, PACKED, SHIPPED or CANCELED") String status,
            List<String> holdReasons, List<OrderLine> lines, Instant createdAt, Instant updatedAt, long version) {

        static Order of(OrderState state) {
            return new Order(state.id(), state.orderName(), state.channelOrderId(), state.connectionId(),
                    state.status().name(), state.holdReasons(), state.lines().stream()
                    .map(line -> new OrderLine(line.sku(), line.resolved(), line.quantity(), line.fromBundle()))
                    .toList(), state.createdAt(), state.updatedAt(), state.version());
        }
    }

    @Schema(description = "A warehouse line: a master SKU (bundles exploded), or the ordered SKU while unresolved")
    public record OrderLine(String sku, boolean resolved, int quantity, @Nullable String fromBundle) {
    }

    @Schema(description = "A new order; it goes through the same pipeline as a channel's orders")
    public record CreateOrder(
            @Schema(description = "Your order number, unique for your brand", example = "B2B-1001") String reference,
            @Schema(description = "The channel connection to book it under; default: your first one")
            @Nullable UUID connectionId,
            @Nullable String email, @Nullable String shippingMethod, Address shipTo, List<CreateOrderLine> lines) {
    }

    public record CreateOrderLine(@Schema(description = "A catalog item's or bundle's SKU") String sku,
            int quantity) {
    }

    public record JourneyEntry(Instant at, String step, String detail) {
    }

    public record InventoryLevel(String sku, int onHand, int available, Instant asOf) {
    }

    public record Item(UUID id, String sku, String description, String status, @Nullable String eachGtin) {
    }

    public record IntegrationIssue(UUID id, String flow, String reasonCode, String subject, String message,
            Instant firstSeen, Instant lastSeen, int occurrences,
            @Schema(description = "OPEN or RESOLVED") String status) {

        static IntegrationIssue of(IntegrationException exception) {
            return new IntegrationIssue(exception.id(), exception.flow(), exception.reasonCode(), exception.subject(),
                    exception.message(), exception.firstSeen(), exception.lastSeen(), exception.occurrences(),
                    exception.status());
        }
    }

    public record Resolution(@Schema(description = "What caused it and what was done") String rootCause) {
    }

    public record InboundShipment(UUID id, String reference, String carrier, LocalDate expectedOn,
            @Schema(description = "DRAFT, SENT, PARTLY_RECEIVED or RECEIVED") String status, boolean ready,
            Instant createdAt, List<InboundLine> lines, List<Discrepancy> discrepancies) {

        static InboundShipment of(InboundShipmentView view) {
            return new InboundShipment(view.id(), view.reference(), view.carrier(), view.expectedOn(),
                    view.status().name(), view.ready(), view.createdAt(), view.lines().stream()
                    .map(line -> new InboundLine(line.sku(), line.expected(), line.received(), line.damaged()))
                    .toList(), view.discrepancies().stream().map(d -> new Discrepancy(d.id(), d.sku(),
                    d.kind().name(), d.expected(), d.received(), d.resolved())).toList());
        }
    }

    public record InboundLine(String sku, int expected, int received, int damaged) {
    }

    public record Discrepancy(UUID id, String sku, String kind, int expected, int received, boolean resolved) {
    }

    public record CreateInboundShipment(String reference, @Nullable String carrier, LocalDate expectedOn,
            List<CreateInboundLine> lines) {
    }

    public record CreateInboundLine(String sku, int quantity) {
    }

    public record SyncHealth(long openExceptions, long ordersAwaitingWarehouse, List<ConnectionHealth> connections) {
    }

    public record ConnectionHealth(UUID id, String name, List<FlowHealth> flows) {

        static ConnectionHealth of(FlowService.ConnectionFlows connection) {
            return new ConnectionHealth(connection.connectionId(), connection.name(), connection.flows().stream()
                    .map(flow -> new FlowHealth(flow.flow().name(), flow.enabled(), flow.interval().toSeconds(),
                            flow.lastRun() == null ? null : new FlowRun(flow.lastRun().startedAt(),
                                    flow.lastRun().finishedAt(), flow.lastRun().outcome(),
                                    flow.lastRun().recordsIn(), flow.lastRun().recordsOut(),
                                    flow.lastRun().recordsFailed(), flow.lastRun().message())))
                    .toList());
        }
    }

    public record FlowHealth(String flow, boolean enabled, long intervalSeconds, @Nullable FlowRun lastRun) {
    }

    public record FlowRun(Instant startedAt, @Nullable Instant finishedAt, String outcome, int recordsIn,
            int recordsOut, int recordsFailed, String message) {
    }
}
