package com.crossdock.portal.warehouse.x12;

import com.crossdock.portal.receiving.InboundReceipt;
import com.crossdock.portal.sync.InventoryPosition;
import com.crossdock.portal.sync.ShipmentNotice;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one inbound transaction set means to the portal, with the control numbers it came under. The customer code
 * is the depositor's N1*DE of the transaction (N104, or N102 when N104 is empty); it is null when the WMS sent no
 * N1*DE, and the caller then knows the customer from the depositor order number it issued.
 */
public sealed interface WmsInbound {

    /** Where the transaction came from, for the caller's records and for the 997 it answers with. */
    Control control();

    /**
     * The control numbers of one transaction set.
     *
     * @param interchange    ISA13 of its interchange
     * @param group          GS06 of its functional group
     * @param functionalId   GS01 of its functional group (SW, IB, FA, ...)
     * @param transactionSet ST01 (945, 846, 997, ...)
     * @param transaction    ST02
     */
    record Control(String interchange, String group, String functionalId, String transactionSet,
            String transaction) {
    }

    /**
     * One carton group of a 945: a split shipment gives one of these per carton, each with its own notice.
     *
     * @param customerCode         N1*DE of the 945, or null
     * @param depositorOrderNumber W06-02, the number the portal sent in W05-02
     * @param notice               the shipment; its {@code warehouseRef} is W06-04, with {@code -<carton id>} when
     *                             the lines name their carton
     */
    record Shipped(Control control, @Nullable String customerCode, String depositorOrderNumber,
            ShipmentNotice notice) implements WmsInbound {
    }

    /**
     * An 846 as stock positions.
     *
     * @param customerCode N1*DE of the 846, or null
     * @param positions    one per LIN, in input order
     */
    record Stock(Control control, @Nullable String customerCode, List<InventoryPosition> positions)
            implements WmsInbound {

        public Stock {
            positions = List.copyOf(positions);
        }
    }

    /**
     * A 944: what the warehouse received against an inbound shipment the portal announced with a 943.
     *
     * @param customerCode      N1*DE of the 944, or null
     * @param shipmentReference W17-04, the depositor order number the portal sent in the 943's W06-02
     * @param receipt           per SKU the units received (W07-01, damaged ones included) and damaged (W13 with
     *                          condition 01 or DM); its key is the warehouse receipt number W17-03, and it is
     *                          complete when W17-01 is F (final)
     */
    record Received(Control control, @Nullable String customerCode, String shipmentReference,
            InboundReceipt receipt) implements WmsInbound {
    }

    /**
     * A 997 for a group the portal sent.
     *
     * @param groupControlNumber AK1-02, the GS06 the portal used
     * @param transactions       AK2-02 (the portal's ST02) to accepted (AK5-01 A or E), in input order
     */
    record Acknowledged(Control control, String groupControlNumber, Map<String, Boolean> transactions)
            implements WmsInbound {

        public Acknowledged {
            transactions = Collections.unmodifiableMap(new LinkedHashMap<>(transactions));
        }
    }

    /**
     * A transaction the portal read but cannot use (a 945 whose lines are not whole eaches, or with nothing
     * shipped; an 846 with fractional quantities), kept with the reason so it can be rejected and recorded, never
     * dropped; with the customer of its N1*DE when it has one.
     */
    record Unusable(Control control, String reason, @Nullable String customerCode) implements WmsInbound {

        public Unusable {
            Objects.requireNonNull(reason, "reason");
        }

        public Unusable(Control control, String reason) {
            this(control, reason, null);
        }

        Unusable withCustomer(@Nullable String code) {
            return new Unusable(control, reason, code);
        }
    }

    /**
     * A 947: the warehouse changed stock outside an order or a receipt (a count, damage, loss, a find).
     *
     * @param customerCode     N1*DE of the 947, or null
     * @param adjustmentNumber W15-02, the warehouse's number; a 947 seen twice changes stock once
     * @param date             W15-01
     * @param lines            one per W19, in input order
     */
    record Adjusted(Control control, @Nullable String customerCode, String adjustmentNumber, LocalDate date,
            List<Adjustment> lines) implements WmsInbound {

        public Adjusted {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One W19 line in whole eaches.
     *
     * @param quantity   W19-02, negative for a decrease, never zero
     * @param reasonCode W19-01
     * @param reason     what the code means to a person
     */
    record Adjustment(String masterSku, int quantity, String reasonCode, String reason) {
    }

    /** A transaction set the portal does not take from a warehouse (an 856, or a 940 sent back). */
    record Unsupported(Control control, String transactionSet, String controlNumber) implements WmsInbound {
    }
}
