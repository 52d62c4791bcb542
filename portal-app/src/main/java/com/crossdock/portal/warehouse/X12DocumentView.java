package com.crossdock.portal.warehouse;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One X12 transaction a tenant exchanged with its warehouse: direction, type, control numbers, what it was about,
 * how it was applied and acknowledged, and its segments as read or written.
 */
public record X12DocumentView(UUID id, String direction, String transactionSet, String interchangeNo,
        String groupNo, String transactionNo, String reference, @Nullable String orderName, String status,
        String ackStatus, String message, String fileName, Instant createdAt, String segments) {
}
