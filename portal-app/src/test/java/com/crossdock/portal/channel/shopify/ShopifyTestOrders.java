package com.crossdock.portal.channel.shopify;

/**
 * GraphQL {@code Order} nodes for tests. There is no published GraphQL order fixture, so the cancelled order of
 * {@code rest-2026-07-order-cancel-with-refund-response.json} is written here in the GraphQL shape: same values,
 * GIDs instead of numbers, UTC timestamps, enum values in capitals.
 */
final class ShopifyTestOrders {

    private ShopifyTestOrders() {
    }

    static String cancelledOrderNode() {
        return """
                {
                  "id": "gid://shopify/Order/450789469",
                  "name": "#1001",
                  "createdAt": "2008-01-10T16:00:00Z",
                  "updatedAt": "2025-04-02T16:31:11Z",
                  "currencyCode": "USD",
                  "email": "bob.norman@mail.example.com",
                  "displayFinancialStatus": "REFUNDED",
                  "cancelledAt": "2025-04-02T16:31:11Z",
                  "cancelReason": "OTHER",
                  "shippingAddress": {
                    "name": "Bob Norman",
                    "firstName": "Bob",
                    "lastName": "Norman",
                    "company": null,
                    "address1": "Chestnut Street 92",
                    "address2": "",
                    "city": "Louisville",
                    "provinceCode": "KY",
                    "zip": "40202",
                    "countryCodeV2": "US",
                    "phone": "+1(502)-459-2181"
                  },
                  "shippingLine": {"code": "Free Shipping", "title": "Free Shipping"},
                  "lineItems": {
                    "nodes": [
                      %s,
                      %s,
                      %s
                    ],
                    "pageInfo": {"hasNextPage": false, "endCursor": "eyJsYXN0X2lkIjo3MDMwNzM1MDR9"}
                  }
                }
                """.formatted(
                lineItem("466157049", "IPOD2008GREEN", "39072856", 1, 0),
                lineItem("518995019", "IPOD2008RED", "49148385", 1, 1),
                lineItem("703073504", "IPOD2008BLACK", "457924702", 1, 1));
    }

    /** A small open order in the GraphQL shape, for pages of orders. */
    static String openOrderNode(String id, String name, String updatedAt, String lineItemsJson, boolean moreLines) {
        return """
                {
                  "id": "gid://shopify/Order/%s",
                  "name": "%s",
                  "createdAt": "2026-05-04T09:00:00Z",
                  "updatedAt": "%s",
                  "currencyCode": "EUR",
                  "email": null,
                  "displayFinancialStatus": "PAID",
                  "cancelledAt": null,
                  "cancelReason": null,
                  "shippingAddress": {
                    "name": "Lena Vogel", "firstName": "Lena", "lastName": "Vogel", "company": null,
                    "address1": "Hafenstraße 7", "address2": null, "city": "Hamburg", "provinceCode": null,
                    "zip": "20457", "countryCodeV2": "DE", "phone": null
                  },
                  "shippingLine": {"code": "DHL_PAKET", "title": "DHL Paket"},
                  "lineItems": {
                    "nodes": [%s],
                    "pageInfo": {"hasNextPage": %s, "endCursor": "lines-%s"}
                  }
                }
                """.formatted(id, name, updatedAt, lineItemsJson, moreLines, id);
    }

    static String lineItem(String id, String sku, String variantId, int quantity, int unfulfilled) {
        return """
                {"id": "gid://shopify/LineItem/%s", "sku": "%s", "title": "IPod Nano - 8gb", "quantity": %d,
                 "unfulfilledQuantity": %d, "variant": {"id": "gid://shopify/ProductVariant/%s"}}"""
                .formatted(id, sku, quantity, unfulfilled, variantId);
    }
}
