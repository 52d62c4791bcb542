package com.crossdock.portal.sync;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the warehouse got of one order and sent back.
 *
 * @param messages  the order's outbox messages, oldest first
 * @param shipments its shipments, oldest first
 */
public record WarehouseTrail(List<Message> messages, List<Shipment> shipments) {

    public WarehouseTrail {
        messages = List.copyOf(messages);
        shipments = List.copyOf(shipments);
    }

    /** How many messages of {@code kind} (ORDER, CANCEL) were queued. */
    public long count(String kind) {
        return messages.stream().filter(message -> message.kind().equals(kind)).count();
    }

    /**
     * One outbox message.
     *
     * @param kind    ORDER (what a 940 is written from) or CANCEL
     * @param payload the JSON the warehouse gets
     * @param sentAt  when the warehouse took it, null while it waits
     */
    public record Message(UUID id, String kind, String payload, Instant createdAt, @Nullable Instant sentAt) {
    }

    /** One shipment: the warehouse's reference, carrier, tracking numbers and whether the store was told. */
    public record Shipment(String warehouseRef, String carrier, String trackingNumbers, String writebackStatus) {
    }
}
