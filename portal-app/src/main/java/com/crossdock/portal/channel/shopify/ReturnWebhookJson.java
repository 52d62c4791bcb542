package com.crossdock.portal.channel.shopify;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The parts of a {@code returns/request} or {@code returns/approve} webhook body (API 2026-07) that Crossdock reads.
 * Ids come as numbers and as GIDs ({@code admin_graphql_api_id}); either is enough. Every field is nullable so that a
 * missing one is reported by the parser with its path.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ReturnWebhookJson(
        @Nullable Long id,
        @Nullable String adminGraphqlApiId,
        @Nullable String status,
        @Nullable OffsetDateTime updatedAt,
        @Nullable Reference order,
        @Nullable List<ReturnLineItem> returnLineItems) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Reference(@Nullable Long id, @Nullable String adminGraphqlApiId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ReturnLineItem(
            @Nullable Integer quantity,
            @Nullable String returnReason,
            @Nullable FulfillmentLineItem fulfillmentLineItem,
            @Nullable LineItem lineItem) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record FulfillmentLineItem(@Nullable Long id, @Nullable LineItem lineItem) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LineItem(@Nullable Long id, @Nullable String adminGraphqlApiId, @Nullable String sku) {
    }
}
