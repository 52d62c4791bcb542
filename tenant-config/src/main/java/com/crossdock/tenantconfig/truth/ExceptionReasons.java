package com.crossdock.tenantconfig.truth;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every exception queue the portal records into, as data: a reason whose data has an owner follows that owner's side
 * (an unknown SKU is for whoever owns master data), the others have a fixed side (an unusable warehouse document is
 * the 3PL's; a store that refuses its credentials is the brand's). A tenant may give any queue another side and
 * response time; these are the defaults.
 */
public final class ExceptionReasons {

    private static final Duration HOUR = Duration.ofHours(1);

    /** The known queues, in the order people read them. */
    public static final List<ExceptionReason> ALL = List.of(
            follows("UNKNOWN_SKU", "An order line's SKU is not in the catalog", DataType.MASTER_SKU_DATA, 4),
            follows("AMBIGUOUS_SKU", "An order line's SKU matches more than one item", DataType.MASTER_SKU_DATA, 4),
            follows("SKU_NOT_IN_CHANNEL", "A catalog SKU is not listed in the store", DataType.MASTER_SKU_DATA, 24),
            fixed("OWNERSHIP_CONFLICT", "A change came from a system that does not own the data (routed to the "
                    + "owner's side)", ExceptionReason.THREE_PL, 4),
            follows("SHIPMENT_MISMATCH", "The warehouse shipped other units than the order has",
                    DataType.SHIPMENT_TRACKING, 4),
            follows("SHIPMENT_FOR_UNKNOWN_ORDER", "The warehouse shipped an order the portal does not know",
                    DataType.SHIPMENT_TRACKING, 4),
            follows("FULFILLMENT_REFUSED", "The store refused a shipment's fulfillment", DataType.ORDER_STATUS, 4),
            follows("ORDER_NOT_IN_CHANNEL", "The channel does not know an order the warehouse shipped",
                    DataType.ORDER_STATUS, 4),
            follows("FULFILLMENT_MISMATCH", "The store's fulfillment orders do not match the shipment",
                    DataType.ORDER_STATUS, 4),
            follows("TRACKING_REFUSED", "The store refused a tracking number", DataType.ORDER_STATUS, 4),
            follows("ACKNOWLEDGE_REFUSED", "The marketplace refused an order's acknowledgement",
                    DataType.ORDER_STATUS, 2),
            fixed("UNUSABLE_PAGE", "A channel answered a page of orders the portal cannot read",
                    ExceptionReason.THREE_PL, 4),
            follows("CANCEL_AFTER_SHIPMENT", "The store cancelled an order the warehouse had shipped",
                    DataType.ORDER_STATUS, 2),
            fixed("CANCEL_AFTER_PICKING", "The store cancelled an order the warehouse is picking or packing",
                    ExceptionReason.THREE_PL, 1),
            follows("FEED_FATAL", "The marketplace could not process an inventory feed at all",
                    DataType.AVAILABLE_INVENTORY, 4),
            fixed("UNUSABLE_NOTIFICATION", "A marketplace notification the portal cannot read",
                    ExceptionReason.THREE_PL, 8),
            follows("INVENTORY_REFUSED", "The store refused an available quantity", DataType.AVAILABLE_INVENTORY, 8),
            fixed("CHANNEL_UNAVAILABLE", "The store could not be reached or refused the connection's credentials",
                    ExceptionReason.BRAND, 2),
            fixed("FLOW_FAILED", "A flow's run failed", ExceptionReason.THREE_PL, 2),
            fixed("WMS_ORDER_INCOMPLETE", "An order cannot be written as a 940 for the warehouse",
                    ExceptionReason.THREE_PL, 4),
            fixed("WMS_TRANSFER_INCOMPLETE", "An inbound shipment cannot be written as a 943",
                    ExceptionReason.THREE_PL, 4),
            fixed("WMS_DOCUMENT_UNUSABLE", "The warehouse sent a document the portal cannot use",
                    ExceptionReason.THREE_PL, 4),
            fixed("ACK_OVERDUE", "The warehouse did not acknowledge a document in time", ExceptionReason.THREE_PL, 4),
            follows("RECEIPT_FOR_UNKNOWN_SHIPMENT", "The warehouse received against a shipment nobody announced",
                    DataType.ON_HAND_BY_STATUS, 8),
            follows("RETURN_UNKNOWN_ORDER", "A return names an order the portal does not know",
                    DataType.RETURNS_DISPOSITION, 24),
            follows("RETURN_UNKNOWN_ITEM", "A return names an item that is not in the catalog",
                    DataType.RETURNS_DISPOSITION, 24),
            follows("RETURN_BAD_QUANTITY", "A return's quantity cannot be", DataType.RETURNS_DISPOSITION, 24),
            follows("RETURN_ALREADY_DISPOSITIONED", "A second disposition for a unit decided already",
                    DataType.RETURNS_DISPOSITION, 24),
            follows("RETURN_REFUND_REFUSED", "The store refused a return's refund", DataType.RETURNS_DISPOSITION, 8),
            fixed("MALFORMED_JSON", "A channel sent a payload that is not JSON", ExceptionReason.THREE_PL, 4),
            fixed("WRONG_TYPE", "A channel payload field has the wrong type", ExceptionReason.THREE_PL, 4),
            fixed("MISSING_FIELD", "A channel payload lacks a required field", ExceptionReason.THREE_PL, 4),
            fixed("INVALID_VALUE", "A channel payload field holds a value that cannot be", ExceptionReason.THREE_PL,
                    4),
            fixed("INCOMPLETE", "A channel payload is incomplete", ExceptionReason.THREE_PL, 4));

    /** Who answers for a reason code the list does not know, and how soon. */
    public static final ExceptionReason UNLISTED = new ExceptionReason("OTHER", "Any other reason", null,
            ExceptionReason.THREE_PL, Duration.ofHours(8));

    private ExceptionReasons() {
    }

    /** The queue of {@code code}, if it is a known one. */
    public static Optional<ExceptionReason> of(String code) {
        return ALL.stream().filter(reason -> reason.code().equals(code)).findFirst();
    }

    /** The queue of {@code code}, or {@link #UNLISTED}. */
    public static ExceptionReason orUnlisted(String code) {
        return of(code).orElse(UNLISTED);
    }

    private static ExceptionReason follows(String code, String label, DataType type, int hours) {
        return new ExceptionReason(code, label, type, ExceptionReason.THREE_PL, HOUR.multipliedBy(hours));
    }

    private static ExceptionReason fixed(String code, String label, String party, int hours) {
        return new ExceptionReason(code, label, null, party, HOUR.multipliedBy(hours));
    }
}
