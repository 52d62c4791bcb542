package com.crossdock.portal.channel.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.order.CanonicalOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SP-API notifications against Amazon's fixtures, and a buyer's cancel request turned into a cancellation. */
class AmazonNotificationTest {

    @Test
    void anOrderChangeForABuyersCancelRequestNamesTheOrderAndTheRequest() {
        AmazonNotification parsed = AmazonNotification.parse(AmazonFixtures.bytes(
                "notification-ORDER_CHANGE-buyer-requested-cancel.json"));

        assertThat(parsed).isInstanceOfSatisfying(AmazonNotification.OrderChange.class, change -> {
            assertThat(change.notificationId()).isEqualTo("d0e9e693-c3ad-4373-979f-ed4ec98dd746");
            assertThat(change.amazonOrderId()).isEqualTo("903-8868176-2219830");
            assertThat(change.sellerId()).isEqualTo("A3TH9S8BH6GOGM");
            assertThat(change.changeType()).isEqualTo("BuyerRequestedChange");
            assertThat(change.changeReason()).isEqualTo("Buyer Requested Cancel");
            assertThat(change.changedAt()).isEqualTo(Instant.parse("2022-11-29T19:42:04.284Z"));
            assertThat(change.buyerRequestedCancel()).isTrue();
        });
    }

    @Test
    void anMfnQuantityChangeNamesTheSkuAndQuantity() {
        AmazonNotification parsed = AmazonNotification.parse(AmazonFixtures.bytes(
                "notification-LISTINGS_ITEM_MFN_QUANTITY_CHANGE.json"));

        assertThat(parsed).isEqualTo(new AmazonNotification.MfnQuantityChange("8e009934-da2c-4f9c-9bc7-93f23b7e1f60",
                "LISTINGS_ITEM_MFN_QUANTITY_CHANGE", "AXXXXXXXXXXXXX", "NLS-SHOES-03", 99, "DEFAULT"));
    }

    @Test
    void anUnusableNotificationNamesThePath() {
        assertThatThrownBy(() -> AmazonNotification.parse("{\"NotificationType\":\"ORDER_CHANGE\"}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(AmazonPayloadException.class,
                e -> assertThat(e.path()).isEqualTo("$.NotificationMetadata"));
        assertThat(AmazonNotification.parse(("{\"NotificationType\":\"FEED_PROCESSING_FINISHED\","
                + "\"NotificationMetadata\":{\"NotificationId\":\"n1\"},\"Payload\":{}}")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(AmazonNotification.Other.class);
    }

    @Test
    void aBuyersCancelRequestCancelsAnUnshippedOrderAsANewerChange() {
        AmazonOrderParser parser = new AmazonOrderParser();
        String order = parser.parseOrdersPage(AmazonFixtures.bytes("orders-v0-getOrders-response-multi.json"))
                .orders().getFirst();
        List<String> items = parser.parseItemsPage(AmazonFixtures.bytes(
                "orders-v0-getOrderItems-response-buyer-cancel.json")).items();
        Instant asked = Instant.parse("2022-11-29T19:42:04.284Z");

        CanonicalOrder cancelled = ((AmazonOrder.ForWarehouse) parser.parseOrder(AmazonOrderParser
                .combineWithBuyerCancel(order, items, asked, "Buyer Requested Cancel")
                .getBytes(StandardCharsets.UTF_8))).order();

        assertThat(cancelled.isCancelled()).isTrue();
        assertThat(cancelled.cancelReason()).isEqualTo("Buyer requested cancellation on Amazon: Buyer Requested Cancel");
        assertThat(cancelled.updatedAt()).isAfter(asked);
        assertThat(cancelled.lines()).allSatisfy(line -> assertThat(line.fulfillableQuantity()).isZero());
        CanonicalOrder plain = ((AmazonOrder.ForWarehouse) parser.parseOrder(AmazonOrderParser.combine(order, items)
                .getBytes(StandardCharsets.UTF_8))).order();
        assertThat(plain.isCancelled()).as("without the notification, the seller decides").isFalse();
    }
}
