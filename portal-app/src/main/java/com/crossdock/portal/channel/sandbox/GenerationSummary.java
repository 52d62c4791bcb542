package com.crossdock.portal.channel.sandbox;

import java.util.List;

/**
 * What {@link ShopifySandboxService#generateOrders} did: the orders it created in the sandbox shop and how the
 * portal answered their webhooks.
 *
 * @param orders     the orders created, in the order they were created
 * @param webhooks   deliveries sent, duplicates and the badly signed one included
 * @param duplicates deliveries sent a second time with the same webhook id
 * @param badSignatures deliveries signed with a wrong secret
 * @param accepted   deliveries the portal answered with 2xx (a duplicate is answered 200 as well)
 * @param refused    deliveries the portal answered otherwise
 * @param problems   what went wrong that should not have: a correctly signed delivery refused, or a badly signed
 *                   one accepted; empty when the portal answered every delivery as it should
 */
public record GenerationSummary(List<GeneratedOrder> orders, int webhooks, int duplicates, int badSignatures,
        int accepted, int refused, List<String> problems) {

    public GenerationSummary {
        orders = List.copyOf(orders);
        problems = List.copyOf(problems);
    }

    /** How many orders were created. */
    public int ordersCreated() {
        return orders.size();
    }

    /**
     * One order the sandbox created.
     *
     * @param id         the order's numeric Shopify id (the canonical channel order id)
     * @param name       its name, e.g. {@code #1001}
     * @param lines      its line count
     * @param bundle     whether a line is one of the catalog's bundles
     * @param unknownSku whether a line's SKU is unknown to the catalog (the pipeline should hold it)
     * @param updated    whether an {@code orders/updated} followed
     * @param cancelled  whether an {@code orders/cancelled} followed
     */
    public record GeneratedOrder(String id, String name, int lines, boolean bundle, boolean unknownSku,
            boolean updated, boolean cancelled) {
    }
}
