package com.crossdock.portal.channel.shopify;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code Order} node as {@link ShopifyAdminClient}'s order query selects it (see {@link AdminGraphQl}).
 * Every field is nullable so that a missing one is reported with its path.
 */
record GraphQlOrderJson(
        @Nullable String id,
        @Nullable String name,
        @Nullable OffsetDateTime createdAt,
        @Nullable OffsetDateTime updatedAt,
        @Nullable String currencyCode,
        @Nullable String email,
        @Nullable String displayFinancialStatus,
        @Nullable OffsetDateTime cancelledAt,
        @Nullable String cancelReason,
        @Nullable Address shippingAddress,
        @Nullable ShippingLine shippingLine,
        @Nullable LineItems lineItems) {

    record LineItems(@Nullable List<LineItem> nodes, @Nullable PageInfo pageInfo) {
    }

    record LineItem(
            @Nullable String id,
            @Nullable String sku,
            @Nullable String title,
            @Nullable Integer quantity,
            @Nullable Integer unfulfilledQuantity,
            @Nullable Variant variant) {
    }

    record Variant(@Nullable String id) {
    }

    record PageInfo(@Nullable Boolean hasNextPage, @Nullable String endCursor) {
    }

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
            @Nullable String countryCodeV2,
            @Nullable String phone) {
    }

    record ShippingLine(@Nullable String code, @Nullable String title) {
    }
}
