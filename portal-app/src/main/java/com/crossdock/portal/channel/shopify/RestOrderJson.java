package com.crossdock.portal.channel.shopify;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The parts of a REST Admin API / webhook order (API 2026-07) that Crossdock reads. Every field is nullable so
 * that a missing one is reported by the parser with its path instead of by a NullPointerException.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RestOrderJson(
        @Nullable Long id,
        @Nullable String name,
        @Nullable OffsetDateTime createdAt,
        @Nullable OffsetDateTime updatedAt,
        @Nullable String currency,
        @Nullable String email,
        @Nullable String contactEmail,
        @Nullable String financialStatus,
        @Nullable OffsetDateTime cancelledAt,
        @Nullable String cancelReason,
        @Nullable Address shippingAddress,
        @Nullable List<ShippingLine> shippingLines,
        @Nullable List<LineItem> lineItems) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LineItem(
            @Nullable Long id,
            @Nullable String sku,
            @Nullable Long variantId,
            @Nullable String title,
            @Nullable Integer quantity,
            @Nullable Integer fulfillableQuantity) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Address(
            @Nullable String name,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable String company,
            @Nullable String address1,
            @Nullable String address2,
            @Nullable String city,
            @Nullable String provinceCode,
            @Nullable String zip,
            @Nullable String countryCode,
            @Nullable String phone) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ShippingLine(@Nullable String code, @Nullable String title, @Nullable Boolean isRemoved) {
    }
}
