package com.crossdock.portal.channel.shopify;

import com.crossdock.portal.order.CanonicalOrder;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One page of orders from {@link ShopifyAdminClient#ordersUpdatedSince}.
 *
 * @param orders     the page's orders, oldest update first; one that could not be read is a
 *                   {@link PolledOrder.Rejected} and does not stop the others
 * @param nextCursor where the next page starts, or {@code null} on the last page
 */
public record OrderPage(List<PolledOrder> orders, @Nullable String nextCursor) {

    public OrderPage {
        orders = List.copyOf(orders);
    }

    /** The orders on this page that parsed. */
    public List<CanonicalOrder> canonicalOrders() {
        return orders.stream()
                .flatMap(polled -> polled instanceof PolledOrder.Parsed parsed
                        ? Stream.of(parsed.order())
                        : Stream.empty())
                .toList();
    }

    /** Whether another page follows. */
    public boolean hasNextPage() {
        return nextCursor != null;
    }
}
