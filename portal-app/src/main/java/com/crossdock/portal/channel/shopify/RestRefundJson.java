package com.crossdock.portal.channel.shopify;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The parts of a REST Admin API refund / {@code refunds/create} webhook body (API 2026-07) that Crossdock reads.
 * Every field is nullable so that a missing one is reported by the parser with its path.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RestRefundJson(
        @Nullable Long id,
        @Nullable Long orderId,
        @Nullable OffsetDateTime createdAt,
        @Nullable String note,
        @Nullable Boolean restock,
        @Nullable List<RefundLineItem> refundLineItems,
        @Nullable List<Transaction> transactions) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RefundLineItem(
            @Nullable Long lineItemId,
            @Nullable Integer quantity,
            @Nullable String restockType,
            @Nullable LineItem lineItem) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LineItem(@Nullable Long id, @Nullable String sku) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Transaction(
            @Nullable String kind,
            @Nullable String status,
            @Nullable BigDecimal amount,
            @Nullable String currency) {
    }
}
