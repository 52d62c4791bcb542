package com.crossdock.portal.channel.amazon;

import com.crossdock.portal.channel.PayloadProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An SP-API notification (the body Amazon puts on the seller's SQS queue), read into what the connector acts on:
 * an {@code ORDER_CHANGE} (the order to read again, and whether the buyer asked to cancel), a
 * {@code LISTINGS_ITEM_MFN_QUANTITY_CHANGE}, or another type it does not act on.
 */
public sealed interface AmazonNotification {

    String notificationId();

    String type();

    /** An order changed at Amazon: read it again; {@code buyerCancelReason} is set when the buyer asked to cancel. */
    record OrderChange(String notificationId, String type, String sellerId, String amazonOrderId, String changeType,
            @Nullable String changeReason, Instant changedAt, boolean buyerRequestedCancel) implements AmazonNotification {
    }

    /** The merchant-fulfilled quantity of a seller SKU changed at Amazon (an order, or an edit in Seller Central). */
    record MfnQuantityChange(String notificationId, String type, String sellerId, String sku, int quantity,
            String fulfillmentChannelCode) implements AmazonNotification {
    }

    /** A notification type the connector does not act on. */
    record Other(String notificationId, String type) implements AmazonNotification {
    }

    /** Reads a notification body; strict like the order parser. */
    static AmazonNotification parse(byte[] json) {
        JsonNode root;
        try {
            root = AmazonOrderParser.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new AmazonPayloadException(PayloadProblem.MALFORMED_JSON, "$", e.getOriginalMessage(), e);
        }
        root = AmazonFeeds.object(root, "$");
        String type = AmazonFeeds.text(root, "NotificationType", "$");
        JsonNode metadata = AmazonFeeds.object(root.get("NotificationMetadata"), "$.NotificationMetadata");
        String id = AmazonFeeds.text(metadata, "NotificationId", "$.NotificationMetadata");
        JsonNode payload = AmazonFeeds.object(root.get("Payload"), "$.Payload");
        return switch (type) {
            case "ORDER_CHANGE" -> {
                String path = "$.Payload.OrderChangeNotification";
                JsonNode change = AmazonFeeds.object(payload.get("OrderChangeNotification"), path);
                JsonNode trigger = change.path("OrderChangeTrigger");
                String reason = trigger.isObject() ? AmazonFeeds.optional(trigger, "ChangeReason") : null;
                String at = trigger.isObject() ? AmazonFeeds.optional(trigger, "TimeOfOrderChange") : null;
                boolean buyerCancel = reason != null && reason.toLowerCase(java.util.Locale.ROOT).contains("cancel")
                        && "BuyerRequestedChange".equals(AmazonFeeds.optional(change, "OrderChangeType"));
                for (JsonNode item : change.path("Summary").path("OrderItems")) {
                    buyerCancel |= item.path("IsBuyerRequestedCancel").asBoolean(false);
                }
                Instant changedAt;
                try {
                    changedAt = Instant.parse(at != null ? at : AmazonFeeds.text(root, "EventTime", "$"));
                } catch (DateTimeParseException e) {
                    throw new AmazonPayloadException(PayloadProblem.INVALID_VALUE, path + ".OrderChangeTrigger.TimeOfOrderChange",
                            "not an ISO 8601 time", e);
                }
                yield new OrderChange(id, type, AmazonFeeds.text(change, "SellerId", path),
                        AmazonFeeds.text(change, "AmazonOrderId", path), AmazonFeeds.text(change, "OrderChangeType",
                        path), reason, changedAt, buyerCancel);
            }
            case "LISTINGS_ITEM_MFN_QUANTITY_CHANGE" -> {
                JsonNode quantity = payload.get("Quantity");
                if (quantity == null || !quantity.isIntegralNumber()) {
                    throw new AmazonPayloadException(PayloadProblem.MISSING_FIELD, "$.Payload.Quantity", "a whole number is "
                            + "required");
                }
                yield new MfnQuantityChange(id, type, AmazonFeeds.text(payload, "SellerId", "$.Payload"),
                        AmazonFeeds.text(payload, "Sku", "$.Payload"), quantity.intValue(),
                        AmazonFeeds.text(payload, "FulfillmentChannelCode", "$.Payload"));
            }
            default -> new Other(id, type);
        };
    }
}
