package com.crossdock.tenantconfig.uat;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What must be true after a step; each field left null is not checked.
 *
 * @param status             the order's status (IMPORTED, HELD, RELEASED, PICKED, PACKED, SHIPPED, CANCELED)
 * @param holdReasonContains words one of the order's hold reasons contains (case-insensitive)
 * @param documentSent       the warehouse message queued for the order: {@code 940} (the order) or {@code CANCEL}
 * @param exceptionReason    an open exception of this reason code mentions the order
 * @param warehouseLines     how many warehouse lines the order has
 * @param fromBundle         whether some warehouse line came from exploding a bundle
 * @param outboxContains     text the order's warehouse message contains (e.g. a service code or prep)
 * @param releasedOnce       the order reached the warehouse exactly once
 * @param shipments          how many shipments the order has
 * @param discrepancy        a receiving discrepancy of this kind (OVER, SHORT, DAMAGED, UNEXPECTED) was recorded
 * @param inboundStatus      the inbound shipment's status after the receipt
 * @param rmaStatus          the return's RMA status
 * @param findingAbsent      no data-quality finding of this kind names a picked item
 * @param noOversell         no listing of a picked item is told more than the warehouse can sell
 * @param prepSent           every warehouse line of a picked FBA item carries the seller's prep instructions
 * @param carrierMapped      the warehouse message names the carrier and service the order's method maps to
 */
public record Expectations(@Nullable String status, @Nullable String holdReasonContains,
        @Nullable String documentSent, @Nullable String exceptionReason, @Nullable Integer warehouseLines,
        @Nullable Boolean fromBundle, @Nullable String outboxContains, @Nullable Boolean releasedOnce,
        @Nullable Integer shipments, @Nullable String discrepancy, @Nullable String inboundStatus,
        @Nullable String rmaStatus, @Nullable String findingAbsent, @Nullable Boolean noOversell,
        @Nullable Boolean prepSent, @Nullable Boolean carrierMapped) {

    /** No expectation at all. */
    public static Expectations none() {
        return new Expectations(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** The expectations set, in words ("status RELEASED", ...), for lists and reports. */
    public List<String> describe() {
        List<String> said = new ArrayList<>();
        add(said, "status", status);
        add(said, "hold reason contains", holdReasonContains);
        add(said, "document sent", documentSent);
        add(said, "exception", exceptionReason);
        add(said, "warehouse lines", warehouseLines);
        add(said, "from a bundle", fromBundle);
        add(said, "warehouse message contains", outboxContains);
        add(said, "released once", releasedOnce);
        add(said, "shipments", shipments);
        add(said, "discrepancy", discrepancy);
        add(said, "inbound status", inboundStatus);
        add(said, "RMA status", rmaStatus);
        add(said, "no finding", findingAbsent);
        add(said, "no oversell", noOversell);
        add(said, "prep sent", prepSent);
        add(said, "carrier mapped", carrierMapped);
        return List.copyOf(said);
    }

    private static void add(List<String> said, String name, @Nullable Object value) {
        if (value != null) {
            said.add(name + " " + value);
        }
    }
}
