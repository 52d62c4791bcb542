package com.crossdock.portal.sync;

import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.channel.shopify.ReturnRefundRequest;
import com.crossdock.portal.channel.shopify.ShopifyAdminClient;
import com.crossdock.portal.channel.shopify.ShopifyApiException;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Shopify's side of the returns write-back: each RMA's refund is one {@code refundCreate}, units back in stock
 * restocked ({@code RETURN}) at the connection's primary location and the others not ({@code NO_RESTOCK}), with the
 * RMA's idempotency key, so Shopify refunds once however often it is sent.
 */
@Component
class ShopifyRefunds implements RefundChannel {

    private final ChannelService channels;

    ShopifyRefunds(ChannelService channels) {
        this.channels = channels;
    }

    @Override
    public String channel() {
        return "SHOPIFY";
    }

    @Override
    public String label() {
        return "Shopify";
    }

    @Override
    public String where() {
        return "Shopify";
    }

    @Override
    public Session open(TenantId tenant, UUID connectionId, List<Signal> due) {
        ShopifyAdminClient client = channels.shopifyClient(tenant, connectionId)
                .orElseThrow(() -> new NoSuchConnectionException(connectionId));
        String location = due.stream().anyMatch(signal -> signal.lines().stream()
                .anyMatch(ReturnSignals.Line::restock)) ? client.primaryLocationId() : null;
        return signal -> {
            try {
                return client.createReturnRefund(new ReturnRefundRequest(gid("Order", signal.channelOrderId()),
                        signal.lines().stream().map(line -> new ReturnRefundRequest.Line(gid("LineItem",
                                line.channelLineId()), line.quantity(), line.restock())).toList(), location,
                        "Crossdock " + signal.rmaNumber(), signal.idempotencyKey()));
            } catch (ShopifyApiException refused) {
                if (refused.kind() == ShopifyApiException.Kind.USER_ERRORS
                        || refused.kind() == ShopifyApiException.Kind.GRAPHQL_ERRORS
                        || refused.kind() == ShopifyApiException.Kind.NOT_FOUND) {
                    throw new Refused(String.join("; ", refused.messages()));
                }
                throw new Unavailable(refused.getMessage(), refused);
            }
        };
    }

    private static String gid(String type, String id) {
        return id.startsWith("gid://") ? id : "gid://shopify/" + type + "/" + id;
    }
}
