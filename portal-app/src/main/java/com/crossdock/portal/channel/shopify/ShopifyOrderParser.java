package com.crossdock.portal.channel.shopify;

import com.crossdock.portal.channel.PayloadProblem;
import com.crossdock.portal.order.Address;
import com.crossdock.portal.order.CanonicalOrder;
import com.crossdock.portal.order.FinancialStatus;
import com.crossdock.portal.order.OrderLine;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns Shopify orders into {@link CanonicalOrder}s: the REST / webhook shape (snake_case, numeric ids) and the
 * Admin GraphQL {@code Order} node that {@link ShopifyAdminClient} queries (camelCase, GIDs). Both give the same
 * canonical order for the same Shopify order. Stateless and thread-safe.
 */
public final class ShopifyOrderParser {

    /**
     * Parses a webhook body ({@code orders/create}, {@code orders/updated}, ...: one order object) or a REST
     * response holding one order ({@code {"order": {...}}}).
     *
     * @throws ShopifyPayloadException when the body is not an order Crossdock can use; its message names the path
     */
    public CanonicalOrder parseRestOrder(byte[] json) {
        JsonNode root = ShopifyJson.readObject(json);
        if (!root.has("id") && root.path("order").isObject()) {
            return fromRest(root.get("order"), "$.order");
        }
        return fromRest(root, "$");
    }

    /**
     * Parses one GraphQL {@code Order} node as {@link ShopifyAdminClient} selects it.
     *
     * @throws ShopifyPayloadException when the node is not an order Crossdock can use
     */
    public CanonicalOrder parseGraphQlOrder(byte[] json) {
        return fromGraphQl(ShopifyJson.readObject(json), "$");
    }

    CanonicalOrder fromRest(JsonNode node, String path) {
        RestOrderJson order = ShopifyJson.bind(node, RestOrderJson.class, path);
        String id = String.valueOf(required(order.id(), path + ".id"));
        List<RestOrderJson.LineItem> items = required(order.lineItems(), path + ".line_items");
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String linePath = path + ".line_items[" + i + "]";
            RestOrderJson.LineItem item = required(items.get(i), linePath);
            lines.add(valid(linePath, () -> new OrderLine(
                    String.valueOf(required(item.id(), linePath + ".id")),
                    Objects.requireNonNullElse(item.sku(), ""),
                    item.variantId() == null ? null : String.valueOf(item.variantId()),
                    Objects.requireNonNullElse(item.title(), ""),
                    required(item.quantity(), linePath + ".quantity"),
                    required(item.fulfillableQuantity(), linePath + ".fulfillable_quantity"))));
        }
        requireLines(lines, path + ".line_items");
        RestOrderJson.ShippingLine shipping = firstShippingLine(order.shippingLines());
        return valid(path, () -> new CanonicalOrder(
                id,
                required(order.name(), path + ".name"),
                instant(required(order.createdAt(), path + ".created_at")),
                instant(required(order.updatedAt(), path + ".updated_at")),
                required(order.currency(), path + ".currency"),
                blankToNull(order.email() != null && !order.email().isBlank() ? order.email() : order.contactEmail()),
                restAddress(order.shippingAddress()),
                shipping == null ? null : blankToNull(shipping.code()),
                shipping == null ? null : blankToNull(shipping.title()),
                lines,
                financialStatus(order.financialStatus()),
                order.cancelledAt() == null ? null : instant(order.cancelledAt()),
                cancelReason(order.cancelReason())));
    }

    CanonicalOrder fromGraphQl(JsonNode node, String path) {
        GraphQlOrderJson order = ShopifyJson.bind(node, GraphQlOrderJson.class, path);
        String id = ShopifyGid.numericId(required(order.id(), path + ".id"), "Order", path + ".id");
        GraphQlOrderJson.LineItems connection = required(order.lineItems(), path + ".lineItems");
        GraphQlOrderJson.PageInfo pageInfo = connection.pageInfo();
        if (pageInfo != null && Boolean.TRUE.equals(pageInfo.hasNextPage())) {
            // a partial order would ship short: the client must fetch the remaining lines first
            throw new ShopifyPayloadException(PayloadProblem.INCOMPLETE, path + ".lineItems",
                    "the order has more line items than this payload holds");
        }
        List<GraphQlOrderJson.LineItem> items = required(connection.nodes(), path + ".lineItems.nodes");
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String linePath = path + ".lineItems.nodes[" + i + "]";
            GraphQlOrderJson.LineItem item = required(items.get(i), linePath);
            String variantId = item.variant() == null || item.variant().id() == null ? null
                    : ShopifyGid.numericId(item.variant().id(), "ProductVariant", linePath + ".variant.id");
            lines.add(valid(linePath, () -> new OrderLine(
                    ShopifyGid.numericId(required(item.id(), linePath + ".id"), "LineItem", linePath + ".id"),
                    Objects.requireNonNullElse(item.sku(), ""),
                    variantId,
                    Objects.requireNonNullElse(item.title(), ""),
                    required(item.quantity(), linePath + ".quantity"),
                    required(item.unfulfilledQuantity(), linePath + ".unfulfilledQuantity"))));
        }
        requireLines(lines, path + ".lineItems.nodes");
        GraphQlOrderJson.ShippingLine shipping = order.shippingLine();
        return valid(path, () -> new CanonicalOrder(
                id,
                required(order.name(), path + ".name"),
                instant(required(order.createdAt(), path + ".createdAt")),
                instant(required(order.updatedAt(), path + ".updatedAt")),
                required(order.currencyCode(), path + ".currencyCode"),
                blankToNull(order.email()),
                graphQlAddress(order.shippingAddress()),
                shipping == null ? null : blankToNull(shipping.code()),
                shipping == null ? null : blankToNull(shipping.title()),
                lines,
                financialStatus(order.displayFinancialStatus()),
                order.cancelledAt() == null ? null : instant(order.cancelledAt()),
                cancelReason(order.cancelReason())));
    }

    private static Address restAddress(RestOrderJson.@Nullable Address address) {
        if (address == null) {
            return Address.NONE;
        }
        return new Address(personName(address.name(), address.firstName(), address.lastName()), address.company(),
                address.address1(), address.address2(), address.city(), address.provinceCode(), address.zip(),
                address.countryCode(), address.phone());
    }

    private static Address graphQlAddress(GraphQlOrderJson.@Nullable Address address) {
        if (address == null) {
            return Address.NONE;
        }
        return new Address(personName(address.name(), address.firstName(), address.lastName()), address.company(),
                address.address1(), address.address2(), address.city(), address.provinceCode(), address.zip(),
                address.countryCodeV2(), address.phone());
    }

    /** Shopify fills {@code name} from first and last name, but older payloads and imports may carry only those. */
    private static @Nullable String personName(@Nullable String name, @Nullable String first, @Nullable String last) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        String joined = (Objects.requireNonNullElse(first, "") + " " + Objects.requireNonNullElse(last, "")).strip();
        return joined.isEmpty() ? null : joined;
    }

    private static RestOrderJson.@Nullable ShippingLine firstShippingLine(
            @Nullable List<RestOrderJson.@Nullable ShippingLine> shippingLines) {
        if (shippingLines == null) {
            return null;
        }
        // an edited order keeps its removed shipping lines, flagged
        return shippingLines.stream()
                .filter(line -> line != null && !Boolean.TRUE.equals(line.isRemoved()))
                .findFirst()
                .orElse(null);
    }

    private static FinancialStatus financialStatus(@Nullable String value) {
        if (value == null) {
            return FinancialStatus.UNKNOWN;
        }
        // REST says partially_refunded, GraphQL PARTIALLY_REFUNDED
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "PENDING" -> FinancialStatus.PENDING;
            case "AUTHORIZED" -> FinancialStatus.AUTHORIZED;
            case "PARTIALLY_PAID" -> FinancialStatus.PARTIALLY_PAID;
            case "PAID" -> FinancialStatus.PAID;
            case "PARTIALLY_REFUNDED" -> FinancialStatus.PARTIALLY_REFUNDED;
            case "REFUNDED" -> FinancialStatus.REFUNDED;
            case "VOIDED" -> FinancialStatus.VOIDED;
            case "EXPIRED" -> FinancialStatus.EXPIRED;
            default -> FinancialStatus.UNKNOWN;
        };
    }

    private static @Nullable String cancelReason(@Nullable String value) {
        String reason = blankToNull(value);
        // REST says other, GraphQL OTHER
        return reason == null ? null : reason.toLowerCase(Locale.ROOT);
    }

    private static void requireLines(List<OrderLine> lines, String path) {
        if (lines.isEmpty()) {
            throw new ShopifyPayloadException(PayloadProblem.MISSING_FIELD, path, "an order needs at least one line item");
        }
    }

    private static <T> T required(@Nullable T value, String path) {
        if (value == null) {
            throw new ShopifyPayloadException(PayloadProblem.MISSING_FIELD, path, "required but absent or null");
        }
        return value;
    }

    /** Builds a record, reporting a broken invariant (say, a negative quantity) with the path of its JSON. */
    private static <T> T valid(String path, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new ShopifyPayloadException(PayloadProblem.INVALID_VALUE, path, e.getMessage(), e);
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time.toInstant();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
