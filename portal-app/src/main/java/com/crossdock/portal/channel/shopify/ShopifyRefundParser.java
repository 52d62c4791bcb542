package com.crossdock.portal.channel.shopify;

import com.crossdock.portal.channel.PayloadProblem;
import com.crossdock.portal.order.ChannelRefund;
import com.crossdock.portal.order.ChannelReturn;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns Shopify's refund and return webhooks into {@link ChannelRefund}s and {@link ChannelReturn}s: the
 * {@code refunds/create} body (the REST refund object) and the {@code returns/request} / {@code returns/approve} body.
 * Malformed input is refused the way {@link ShopifyOrderParser} refuses it: a {@link ShopifyPayloadException} with a
 * reason code and the JSON path at fault. Ids come out as Shopify's numeric ids, as the canonical order's do.
 * Stateless and thread-safe.
 */
public final class ShopifyRefundParser {

    /**
     * Parses a {@code refunds/create} webhook body (one refund object) or a REST response holding one refund
     * ({@code {"refund": {...}}}). A line restocks for {@code restock_type} {@code cancel}, {@code return} and
     * {@code legacy_restock}, not for {@code no_restock}; a payload without {@code restock_type} (older API
     * versions) uses the refund's {@code restock}. The amount is the sum of the successful refund transactions, or
     * {@code null} with its currency when there is none (a refund of units only, or one still pending).
     *
     * @throws ShopifyPayloadException when the body is not a refund Crossdock can use; its message names the path
     */
    public ChannelRefund parseRefund(byte[] json) {
        JsonNode root = ShopifyJson.readObject(json);
        if (!root.has("id") && root.path("refund").isObject()) {
            return fromRest(root.get("refund"), "$.refund");
        }
        return fromRest(root, "$");
    }

    /**
     * Parses a {@code returns/request} or {@code returns/approve} webhook body. Shopify's returns payload carries no
     * change time of its own in every version, so {@code receivedAt} (the webhook's {@code X-Shopify-Triggered-At},
     * else when it arrived) stands in when {@code updated_at} is absent. Statuses and reasons come in upper case as
     * the GraphQL API spells them ({@code REQUESTED}, {@code SIZE_TOO_SMALL}); a line without a reason gets
     * {@code UNKNOWN}, and one without its fulfillment line item (an unverified return line) is read from its own
     * {@code line_item}.
     *
     * @throws ShopifyPayloadException when the body is not a return Crossdock can use; its message names the path
     */
    public ChannelReturn parseReturn(byte[] json, Instant receivedAt) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        JsonNode root = ShopifyJson.readObject(json);
        ReturnWebhookJson payload = ShopifyJson.bind(root, ReturnWebhookJson.class, "$");
        String id = id(payload.id(), payload.adminGraphqlApiId(), "Return", "$");
        ReturnWebhookJson.Reference order = required(payload.order(), "$.order");
        String orderId = id(order.id(), order.adminGraphqlApiId(), "Order", "$.order");
        List<ReturnWebhookJson.ReturnLineItem> items = required(payload.returnLineItems(), "$.return_line_items");
        List<ChannelReturn.Line> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            lines.add(returnLine(items.get(i), "$.return_line_items[" + i + "]"));
        }
        String status = required(payload.status(), "$.status").strip().toUpperCase(Locale.ROOT);
        if (status.isEmpty()) {
            throw new ShopifyPayloadException(PayloadProblem.INVALID_VALUE, "$.status", "a return status must not be blank");
        }
        Instant updatedAt = payload.updatedAt() == null ? receivedAt : payload.updatedAt().toInstant();
        return new ChannelReturn(id, orderId, status, updatedAt, lines);
    }

    private static ChannelRefund fromRest(JsonNode node, String path) {
        RestRefundJson refund = ShopifyJson.bind(node, RestRefundJson.class, path);
        String id = String.valueOf(required(refund.id(), path + ".id"));
        String orderId = String.valueOf(required(refund.orderId(), path + ".order_id"));
        Instant createdAt = required(refund.createdAt(), path + ".created_at").toInstant();
        List<RestRefundJson.RefundLineItem> items = required(refund.refundLineItems(), path + ".refund_line_items");
        List<ChannelRefund.Line> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            lines.add(refundLine(items.get(i), refund.restock(), path + ".refund_line_items[" + i + "]"));
        }
        Money refunded = refunded(refund.transactions(), path + ".transactions");
        return new ChannelRefund(id, orderId, createdAt, lines, refunded == null ? null : refunded.amount(),
                refunded == null ? null : refunded.currency(), Objects.requireNonNullElse(refund.note(), ""));
    }

    private static ChannelRefund.Line refundLine(RestRefundJson.@Nullable RefundLineItem item,
            @Nullable Boolean refundRestocks, String path) {
        RestRefundJson.RefundLineItem line = required(item, path);
        Long lineItemId = line.lineItemId() != null ? line.lineItemId()
                : line.lineItem() == null ? null : line.lineItem().id();
        String sku = line.lineItem() == null ? null : line.lineItem().sku();
        return new ChannelRefund.Line(String.valueOf(required(lineItemId, path + ".line_item_id")),
                Objects.requireNonNullElse(sku, ""), quantity(line.quantity(), path + ".quantity"),
                restocks(line.restockType(), refundRestocks, path + ".restock_type"));
    }

    private static boolean restocks(@Nullable String restockType, @Nullable Boolean refundRestocks, String path) {
        if (restockType == null) {
            // before restock_type, a refund said for all its lines whether they went back to stock
            return required(refundRestocks, path);
        }
        return switch (restockType) {
            case "cancel", "return", "legacy_restock" -> true;
            case "no_restock" -> false;
            // guessing wrong would put units into stock that are not there, or leave out ones that are
            default -> throw new ShopifyPayloadException(PayloadProblem.INVALID_VALUE, path, "expected no_restock, cancel, "
                    + "return or legacy_restock, found \"" + restockType + "\"");
        };
    }

    /** The successful refund transactions' sum, or {@code null} when there is none. */
    private static @Nullable Money refunded(@Nullable List<RestRefundJson.@Nullable Transaction> transactions,
            String path) {
        if (transactions == null) {
            return null;
        }
        BigDecimal sum = null;
        String currency = null;
        for (int i = 0; i < transactions.size(); i++) {
            String transactionPath = path + "[" + i + "]";
            RestRefundJson.Transaction transaction = required(transactions.get(i), transactionPath);
            if (!"refund".equals(transaction.kind()) || !"success".equals(transaction.status())) {
                continue;
            }
            BigDecimal amount = required(transaction.amount(), transactionPath + ".amount");
            String code = required(transaction.currency(), transactionPath + ".currency");
            if (currency != null && !currency.equals(code)) {
                throw new ShopifyPayloadException(PayloadProblem.INVALID_VALUE, transactionPath + ".currency",
                        "refund transactions in " + currency + " and " + code + " cannot be added up");
            }
            currency = code;
            sum = sum == null ? amount : sum.add(amount);
        }
        return sum == null ? null : new Money(sum, Objects.requireNonNull(currency));
    }

    private static ChannelReturn.Line returnLine(ReturnWebhookJson.@Nullable ReturnLineItem item, String path) {
        ReturnWebhookJson.ReturnLineItem line = required(item, path);
        ReturnWebhookJson.LineItem orderLine;
        String orderLinePath;
        if (line.fulfillmentLineItem() != null) {
            orderLinePath = path + ".fulfillment_line_item.line_item";
            orderLine = required(line.fulfillmentLineItem().lineItem(), orderLinePath);
        } else {
            // an unverified return line (not from a fulfillment Shopify knows) names the order's line itself
            orderLinePath = path + ".line_item";
            orderLine = line.lineItem();
            if (orderLine == null) {
                throw new ShopifyPayloadException(PayloadProblem.MISSING_FIELD, path + ".fulfillment_line_item",
                        "required but absent or null");
            }
        }
        String lineId = id(orderLine.id(), orderLine.adminGraphqlApiId(), "LineItem", orderLinePath);
        String reason = line.returnReason() == null || line.returnReason().isBlank() ? "UNKNOWN"
                : line.returnReason().strip().toUpperCase(Locale.ROOT);
        return new ChannelReturn.Line(lineId, Objects.requireNonNullElse(orderLine.sku(), ""),
                quantity(line.quantity(), path + ".quantity"), reason);
    }

    /** The numeric id, from the number or else from the GID beside it ({@code admin_graphql_api_id}). */
    private static String id(@Nullable Long number, @Nullable String gid, String type, String path) {
        if (number != null) {
            return String.valueOf(number);
        }
        if (gid != null) {
            return ShopifyGid.numericId(gid, type, path + ".admin_graphql_api_id");
        }
        throw new ShopifyPayloadException(PayloadProblem.MISSING_FIELD, path + ".id",
                "required but absent or null (and no admin_graphql_api_id either)");
    }

    private static int quantity(@Nullable Integer quantity, String path) {
        int units = required(quantity, path);
        if (units < 1) {
            throw new ShopifyPayloadException(PayloadProblem.INVALID_VALUE, path, "a quantity must be at least 1, was "
                    + units);
        }
        return units;
    }

    private static <T> T required(@Nullable T value, String path) {
        if (value == null) {
            throw new ShopifyPayloadException(PayloadProblem.MISSING_FIELD, path, "required but absent or null");
        }
        return value;
    }

    private record Money(BigDecimal amount, String currency) {
    }
}
