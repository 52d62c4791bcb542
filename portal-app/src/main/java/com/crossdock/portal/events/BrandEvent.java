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
 * @param subjectId the order, exception or inbound shipment it is about
 * @param data      what a receiver needs, as JSON-ready values (strings, numbers, lists), in a stable order
 */
public record BrandEvent(String type, UUID subjectId, Map<String, Object> data) {

    public static final String ORDER_RELEASED = "order.released";
    public static final String ORDER_HELD = "order.held";
    public static final String ORDER_SHIPPED = "order.shipped";
    public static final String EXCEPTION_OPENED = "exception.opened";
    public static final String EXCEPTION_RESOLVED = "exception.resolved";
    public static final String RECEIPT_COMPLETED = "receipt.completed";

    /** Every type a tenant can subscribe to, in the order the Webhooks view lists them. */
    public static final java.util.List<String> TYPES = java.util.List.of(ORDER_RELEASED, ORDER_HELD, ORDER_SHIPPED,
            EXCEPTION_OPENED, EXCEPTION_RESOLVED, RECEIPT_COMPLETED);

    public BrandEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subjectId, "subjectId");
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
