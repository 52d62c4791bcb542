package com.crossdock.portal.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened to one of a brand's records, published as a Spring application event inside the tenant
 * transaction of the work that did it (listeners run in that transaction and tenant scope). Outbound webhooks are
 * made of it.
 *
 * @param type      a stable name, one of the constants here
 * @param subjectId the order, exception, inbound shipment or return it is about
 * @param data      what a receiver needs, as JSON-ready values (strings, numbers, lists), in a stable order
 */
public record BrandEvent(String type, UUID subjectId, Map<String, Object> data) {

    public static final String ORDER_RELEASED = "order.released";
    public static final String ORDER_HELD = "order.held";
    public static final String ORDER_SHIPPED = "order.shipped";
    public static final String EXCEPTION_OPENED = "exception.opened";
    public static final String EXCEPTION_RESOLVED = "exception.resolved";
    public static final String RECEIPT_COMPLETED = "receipt.completed";
    /** A unit of a return got its disposition (by a person, or by a tenant rule at receipt). */
    public static final String RETURN_DISPOSITIONED = "return.dispositioned";
    /**
     * The warehouse's available units of a SKU moved by at least a subscription's threshold; published as
     * {@link InventoryChanges}, one delivery per SKU and subscription whose threshold the move meets.
     */
    public static final String INVENTORY_CHANGED = "inventory.changed";

    /** Every type a tenant can subscribe to, in the order the Webhooks view lists them. */
    public static final java.util.List<String> TYPES = java.util.List.of(ORDER_RELEASED, ORDER_HELD, ORDER_SHIPPED,
            EXCEPTION_OPENED, EXCEPTION_RESOLVED, RECEIPT_COMPLETED, RETURN_DISPOSITIONED, INVENTORY_CHANGED);

    public BrandEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subjectId, "subjectId");
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
