package com.crossdock.portal.api;

import com.crossdock.portal.order.Address;
import com.crossdock.portal.catalog.ItemDetails;
import com.crossdock.portal.receiving.InboundShipmentView;
import com.crossdock.portal.returns.RmaSummary;
import com.crossdock.portal.returns.RmaView;
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

    @Schema(description = "A catalog item with its pack levels and channel identifiers; its ETag is its version")
    public record ItemDetail(UUID id, String sku, String description,
            @Schema(description = "ACTIVE or INACTIVE") String status, boolean lotTracked, boolean expiryTracked,
            boolean serialTracked, boolean hazmat, List<ItemPack> packs, List<ItemAlias> aliases, long version) {

        static ItemDetail of(ItemDetails details) {
            var item = details.item();
            return new ItemDetail(details.id(), item.sku(), item.description(), item.status().name(),
                    item.lotTracked(), item.expiryTracked(), item.serialTracked(), item.hazmat(), item.packs()
                    .stream().map(pack -> new ItemPack(pack.level().name(), pack.eaches(), pack.lengthMm(),
                            pack.widthMm(), pack.heightMm(), pack.weightG(), pack.gtin())).toList(),
                    item.aliases().stream().map(alias -> new ItemAlias(alias.kind().name(), alias.value()))
                            .toList(), details.version());
        }
    }

    @Schema(description = "A pack level: dimensions in mm, weight in g, barcode as a GTIN")
    public record ItemPack(@Schema(description = "EACH, INNER, CASE or PALLET") String level, int eaches,
            @Nullable Integer lengthMm, @Nullable Integer widthMm, @Nullable Integer heightMm,
            @Nullable Integer weightG, @Nullable String gtin) {
    }

    @Schema(description = "A channel identifier of the item")
    public record ItemAlias(@Schema(description = "SHOPIFY_VARIANT_SKU, SHOPIFY_VARIANT_ID, AMAZON_MSKU, AMAZON_ASIN, "
            + "AMAZON_FNSKU, WALMART_SKU or EDI_BUYER_ITEM") String kind, String value) {
    }

    @Schema(description = "An item as the brand's system of record has it; the whole item is replaced on update "
            + "(FBA prep attributes, which the API does not carry, stay as they are)")
    public record ItemInput(String sku, String description,
            @Schema(description = "ACTIVE (default) or INACTIVE") @Nullable String status,
            @Nullable Boolean lotTracked, @Nullable Boolean expiryTracked, @Nullable Boolean serialTracked,
            @Nullable Boolean hazmat, List<ItemPack> packs, @Nullable List<ItemAlias> aliases) {
    }

    @Schema(description = "A return (RMA): units a buyer sends back, as the returns bench sees them")
    public record Return(UUID id, String number,
            @Schema(description = "EXPECTED, RECEIVED, ON_HOLD, DISPOSITIONED or CLOSED") String status,
            @Schema(description = "CHANNEL (a store's return) or MANUAL") String source, String orderName,
            int expectedUnits, int receivedUnits, int heldUnits,
            @Schema(description = "NONE, WAITING, QUEUED or TOLD: the store's refund") String channelSignal,
            Instant createdAt, Instant updatedAt) {

        static Return of(RmaSummary rma) {
            return new Return(rma.id(), rma.number(), rma.status().name(), rma.source(), rma.orderName(),
                    rma.expectedUnits(), rma.receivedUnits(), rma.heldUnits(), rma.channelSignal(), rma.createdAt(),
                    rma.updatedAt());
        }
    }

    @Schema(description = "A return with its expected lines and each unit received")
    public record ReturnDetail(UUID id, String number, String status, String source, String orderName, String note,
            String channelSignal, boolean receiptComplete, Instant createdAt, Instant updatedAt,
            List<ReturnLine> lines, List<ReturnUnit> units) {

        static ReturnDetail of(RmaView rma) {
            return new ReturnDetail(rma.id(), rma.number(), rma.status().name(), rma.source(), rma.orderName(),
                    rma.note(), rma.channelSignal(), rma.receiptComplete(), rma.createdAt(), rma.updatedAt(),
                    rma.lines().stream().map(line -> new ReturnLine(line.sku(), line.expected(), line.received(),
                            line.reason())).toList(),
                    rma.units().stream().map(unit -> new ReturnUnit(unit.id(), unit.sku(), unit.condition().name(),
                            unit.receivedAt(), unit.disposition() == null ? null : unit.disposition().name()))
                            .toList());
        }
    }

    public record ReturnLine(String sku, int expected, int received, String reason) {
    }

    public record ReturnUnit(UUID id, String sku, String condition, Instant receivedAt,
            @Schema(description = "RESTOCK_AVAILABLE, RESTOCK_B_GRADE, REFURBISH, RETURN_TO_VENDOR or DISPOSE; null "
                    + "while held for inspection") @Nullable String disposition) {
    }

    @Schema(description = "A return entered by hand; the brand refunds it itself")
    public record CreateReturn(@Schema(description = "The order it returns, e.g. #1001; blank for none")
            @Nullable String orderName, @Nullable String note, List<CreateReturnLine> lines) {
    }

    public record CreateReturnLine(String sku, int quantity, @Nullable String reason) {
    }

    /** A decision on one returned unit, by the system that owns returns disposition. */
    public record UnitDecision(@Schema(description = "RESTOCK_AVAILABLE, RESTOCK_B_GRADE, REFURBISH, "
            + "RETURN_TO_VENDOR or DISPOSE") String disposition, @Nullable String note) {
    }
}
