package com.crossdock.portal.channel.sandbox;

import com.crossdock.portal.channel.sandbox.SandboxStore.Address;
import com.crossdock.portal.channel.sandbox.SandboxStore.Line;
import com.crossdock.portal.channel.sandbox.SandboxStore.Order;
import java.math.BigDecimal;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies of the sandbox's webhooks. An order as Shopify's order webhooks carry it ({@code orders/create},
 * {@code orders/updated}, {@code orders/cancelled}): the REST Admin API's order object of API 2026-07, snake_case with
 * numeric ids, as in Shopify's published orders list. A refund as {@code refunds/create} carries it (the REST refund
 * object, as in Shopify's published refunds list), and a return as {@code returns/request} does (the order and each
 * fulfillment line item named by id and GID only, no SKU, as in Shopify's example). Built from the shop as it is at
 * that moment, so each delivery shows what Shopify would have sent then.
 */
final class WebhookBodies {

    static final String SHIPPING_CODE = "Standard";
    static final String SHIPPING_TITLE = "Standard Shipping";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookBodies() {
    }

    /** The webhook body of {@code order} now; call with the store locked. */
    static byte[] order(Order order, String shopDomain) {
        return JSON.writeValueAsBytes(orderJson(order, shopDomain));
    }

    static ObjectNode orderJson(Order order, String shopDomain) {
        boolean cancelled = order.cancelledAt != null;
        String total = order.subtotal().toPlainString();
        ObjectNode json = JSON.createObjectNode()
                .put("id", order.id)
                .put("admin_graphql_api_id", SandboxAdminApi.gid("Order", order.id))
                .put("app_id", (Long) null)
                .put("buyer_accepts_marketing", false)
                .put("cancel_reason", cancelled ? order.cancelReason.toLowerCase(java.util.Locale.ROOT) : null)
                .put("cancelled_at", cancelled ? order.cancelledAt.toString() : null)
                .put("closed_at", (String) null)
                .put("confirmed", true)
                .put("contact_email", order.email)
                .put("created_at", order.createdAt.toString())
                .put("currency", "USD")
                .put("current_subtotal_price", cancelled ? "0.00" : total)
                .put("current_total_price", cancelled ? "0.00" : total)
                .put("email", order.email)
                .put("financial_status", order.financialStatus().toLowerCase(java.util.Locale.ROOT))
                .put("fulfillment_status", fulfillmentStatus(order))
                .put("name", order.name)
                .put("note", order.note)
                .put("number", order.number - 1000)
                .put("order_number", order.number)
                .put("order_status_url", "https://" + shopDomain + "/orders/" + order.id + "/authenticate")
                .put("presentment_currency", "USD")
                .put("processed_at", order.createdAt.toString())
                .put("source_name", "web")
                .put("subtotal_price", total)
                .put("tags", String.join(", ", order.tags))
                .put("test", true)
                .put("total_price", total)
                .put("total_discounts", "0.00")
                .put("total_tax", "0.00")
                .put("updated_at", order.updatedAt.toString());
        json.set("billing_address", address(order.shipTo));
        json.set("shipping_address", address(order.shipTo));
        json.putArray("shipping_lines").addObject()
                .put("id", order.id + 1)
                .put("code", order.shippingMethod == null ? SHIPPING_CODE : order.shippingMethod)
                .put("title", order.shippingMethod == null ? SHIPPING_TITLE : order.shippingMethod)
                .put("price", "0.00")
                .put("source", "shopify")
                .put("is_removed", false);
        ArrayNode lines = json.putArray("line_items");
        order.lines.forEach(line -> lines.add(line(line, cancelled)));
        return json;
    }

    /** The {@code refunds/create} body of {@code refund}; call with the store locked. */
    static byte[] refund(SandboxStore.Refund refund, long locationId) {
        Order order = refund.order();
        ObjectNode json = JSON.createObjectNode()
                .put("id", refund.id())
                .put("order_id", order.id)
                .put("created_at", refund.createdAt().toString())
                .put("note", refund.note())
                .put("user_id", (Long) null)
                .put("processed_at", refund.createdAt().toString())
                .put("restock", refund.restocks())
                .put("admin_graphql_api_id", SandboxAdminApi.gid("Refund", refund.id()));
        json.putNull("return");
        json.putArray("duties");
        json.putArray("order_adjustments");
        json.putArray("refund_shipping_lines");
        ArrayNode lines = json.putArray("refund_line_items");
        for (SandboxStore.RefundLine line : refund.lines()) {
            BigDecimal subtotal = line.line().variant.price().multiply(BigDecimal.valueOf(line.quantity()));
            ObjectNode item = lines.addObject()
                    .put("id", line.id())
                    .put("quantity", line.quantity())
                    .put("line_item_id", line.line().id)
                    .put("location_id", locationId)
                    .put("restock_type", line.restockType())
                    .put("subtotal", subtotal)
                    .put("total_tax", BigDecimal.ZERO.setScale(2));
            item.set("subtotal_set", moneySet(subtotal));
            item.set("total_tax_set", moneySet(BigDecimal.ZERO.setScale(2)));
            item.set("line_item", line(line.line(), order.cancelledAt != null));
        }
        json.putArray("transactions").addObject()
                .put("id", refund.transactionId())
                .put("order_id", order.id)
                .put("kind", "refund")
                .put("gateway", "bogus")
                .put("status", "success")
                .put("message", "Bogus Gateway: Forced success")
                .put("created_at", refund.createdAt().toString())
                .put("test", true)
                .put("parent_id", (Long) null)
                .put("processed_at", refund.createdAt().toString())
                .put("source_name", "web")
                .put("amount", refund.amount().toPlainString())
                .put("currency", "USD")
                .put("admin_graphql_api_id", SandboxAdminApi.gid("OrderTransaction", refund.transactionId()));
        return JSON.writeValueAsBytes(json);
    }

    /** The {@code returns/request} body of {@code requested}. */
    static byte[] returnRequest(SandboxStore.Return requested) {
        ObjectNode json = JSON.createObjectNode()
                .put("id", requested.id())
                .put("admin_graphql_api_id", SandboxAdminApi.gid("Return", requested.id()))
                .put("status", requested.status().toLowerCase(java.util.Locale.ROOT))
                .put("name", requested.name());
        json.putObject("order")
                .put("id", requested.order().id)
                .put("admin_graphql_api_id", SandboxAdminApi.gid("Order", requested.order().id));
        json.put("total_return_line_items", requested.lines().size());
        ArrayNode lines = json.putArray("return_line_items");
        for (SandboxStore.ReturnLine line : requested.lines()) {
            ObjectNode item = lines.addObject()
                    .put("id", line.id())
                    .put("admin_graphql_api_id", SandboxAdminApi.gid("ReturnLineItem", line.id()));
            ObjectNode fulfillmentLine = item.putObject("fulfillment_line_item")
                    .put("id", line.fulfillmentLineId())
                    .put("admin_graphql_api_id", SandboxAdminApi.gid("FulfillmentLineItem", line.fulfillmentLineId()));
            fulfillmentLine.putObject("line_item")
                    .put("id", line.line().id)
                    .put("admin_graphql_api_id", SandboxAdminApi.gid("LineItem", line.line().id));
            item.put("quantity", line.quantity())
                    .put("return_reason", line.reason().toLowerCase(java.util.Locale.ROOT))
                    .put("return_reason_note", "")
                    .put("customer_note", (String) null);
        }
        json.putArray("return_shipping_fees");
        json.putArray("exchange_line_items");
        json.put("total_exchange_line_items", 0);
        return JSON.writeValueAsBytes(json);
    }

    private static ObjectNode moneySet(BigDecimal amount) {
        ObjectNode set = JSON.createObjectNode();
        set.putObject("shop_money").put("amount", amount.toPlainString()).put("currency_code", "USD");
        set.putObject("presentment_money").put("amount", amount.toPlainString()).put("currency_code", "USD");
        return set;
    }

    private static ObjectNode line(Line line, boolean cancelled) {
        BigDecimal price = line.variant.price();
        return JSON.createObjectNode()
                .put("id", line.id)
                .put("admin_graphql_api_id", SandboxAdminApi.gid("LineItem", line.id))
                .put("current_quantity", line.quantity - line.cancelled)
                .put("fulfillable_quantity", cancelled ? 0 : line.remaining())
                .put("fulfillment_service", "manual")
                .put("fulfillment_status", line.fulfilled == 0 ? null
                        : line.remaining() == 0 ? "fulfilled" : "partial")
                .put("gift_card", false)
                .put("grams", 200)
                .put("name", line.variant.title())
                .put("price", price.toPlainString())
                .put("product_exists", true)
                .put("product_id", line.variant.productId())
                .put("quantity", line.quantity)
                .put("requires_shipping", true)
                .put("sku", line.variant.sku())
                .put("taxable", true)
                .put("title", line.variant.title())
                .put("total_discount", "0.00")
                .put("variant_id", line.variant.id())
                .put("variant_inventory_management", "shopify")
                .put("variant_title", (String) null)
                .put("vendor", (String) null);
    }

    private static ObjectNode address(Address address) {
        return JSON.createObjectNode()
                .put("first_name", address.firstName())
                .put("last_name", address.lastName())
                .put("name", address.name())
                .put("company", (String) null)
                .put("address1", address.address1())
                .put("address2", address.address2())
                .put("city", address.city())
                .put("province", address.province())
                .put("province_code", address.provinceCode())
                .put("zip", address.zip())
                .put("country", address.country())
                .put("country_code", address.countryCode())
                .put("phone", address.phone());
    }

    private static @org.jspecify.annotations.Nullable String fulfillmentStatus(Order order) {
        return switch (order.fulfillmentStatus()) {
            case "FULFILLED" -> "fulfilled";
            case "PARTIALLY_FULFILLED" -> "partial";
            default -> null;
        };
    }
}
