package com.crossdock.portal.channel.shopify;

/** The Admin GraphQL operations the connector sends (API 2026-07). */
enum AdminGraphQl {

    ACCESS_SCOPES("AccessScopes", true, """
            query AccessScopes {
              currentAppInstallation {
                accessScopes {
                  handle
                }
              }
            }
            """),

    ORDERS_UPDATED_SINCE("OrdersUpdatedSince", true, """
            query OrdersUpdatedSince($first: Int!, $after: String, $query: String!) {
              orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
                nodes {
                  id
                  name
                  createdAt
                  updatedAt
                  currencyCode
                  email
                  displayFinancialStatus
                  cancelledAt
                  cancelReason
                  shippingAddress {
                    name
                    firstName
                    lastName
                    company
                    address1
                    address2
                    city
                    provinceCode
                    zip
                    countryCodeV2
                    phone
                  }
                  shippingLine {
                    code
                    title
                  }
                  lineItems(first: %d) {
                    nodes {
                      ...OrderLine
                    }
                    pageInfo {
                      hasNextPage
                      endCursor
                    }
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
            """.formatted(AdminGraphQl.LINE_ITEMS_PER_ORDER) + AdminGraphQl.ORDER_LINE_FRAGMENT),

    ORDER_LINE_ITEMS("OrderLineItems", true, """
            query OrderLineItems($id: ID!, $after: String) {
              order(id: $id) {
                lineItems(first: 100, after: $after) {
                  nodes {
                    ...OrderLine
                  }
                  pageInfo {
                    hasNextPage
                    endCursor
                  }
                }
              }
            }
            """ + AdminGraphQl.ORDER_LINE_FRAGMENT),

    ORDER_FULFILLMENT_ORDERS("OrderFulfillmentOrders", true, """
            query OrderFulfillmentOrders($id: ID!, $after: String) {
              order(id: $id) {
                fulfillmentOrders(first: %d, after: $after) {
                  nodes {
                    id
                    status
                    lineItems(first: %d) {
                      nodes {
                        ...FulfillmentOrderLine
                      }
                      pageInfo {
                        hasNextPage
                        endCursor
                      }
                    }
                  }
                  pageInfo {
                    hasNextPage
                    endCursor
                  }
                }
              }
            }
            """.formatted(AdminGraphQl.FULFILLMENT_ORDERS_PER_PAGE, AdminGraphQl.LINE_ITEMS_PER_FULFILLMENT_ORDER)
            + AdminGraphQl.FULFILLMENT_ORDER_LINE_FRAGMENT),

    FULFILLMENT_ORDER_LINE_ITEMS("FulfillmentOrderLineItems", true, """
            query FulfillmentOrderLineItems($id: ID!, $after: String) {
              fulfillmentOrder(id: $id) {
                lineItems(first: 100, after: $after) {
                  nodes {
                    ...FulfillmentOrderLine
                  }
                  pageInfo {
                    hasNextPage
                    endCursor
                  }
                }
              }
            }
            """ + AdminGraphQl.FULFILLMENT_ORDER_LINE_FRAGMENT),

    // a list, not a connection; 50 is far more than any real order has, and keeps the cost at about 100 points
    ORDER_FULFILLMENTS("OrderFulfillments", true, """
            query OrderFulfillments($id: ID!) {
              order(id: $id) {
                fulfillments(first: 50) {
                  id
                  status
                  trackingInfo {
                    number
                    company
                  }
                }
              }
            }
            """),

    VARIANT_QUANTITIES_BY_SKU("VariantQuantitiesBySku", true, """
            query VariantQuantitiesBySku($first: Int!, $after: String, $query: String!) {
              productVariants(first: $first, after: $after, query: $query) {
                nodes {
                  id
                  sku
                  inventoryQuantity
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
            """),

    VARIANTS_BY_SKU("VariantsBySku", true, """
            query VariantsBySku($first: Int!, $after: String, $query: String!) {
              productVariants(first: $first, after: $after, query: $query) {
                nodes {
                  id
                  sku
                  inventoryItem {
                    id
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
            """),

    LOCATIONS("Locations", true, """
            query Locations {
              locations(first: 10, query: "active:true") {
                nodes {
                  id
                  name
                  isActive
                  fulfillsOnlineOrders
                }
              }
            }
            """),

    // not repeatable: a second fulfillment for the same parcel would be refused or, worse, ship twice on paper
    FULFILLMENT_CREATE("FulfillmentCreate", false, """
            mutation FulfillmentCreate($fulfillment: FulfillmentInput!) {
              fulfillmentCreate(fulfillment: $fulfillment) {
                fulfillment {
                  id
                  status
                }
                userErrors {
                  field
                  message
                }
              }
            }
            """),

    // repeatable because of the idempotency key: Shopify applies one key's change once
    INVENTORY_SET_QUANTITIES("InventorySetQuantities", true, """
            mutation InventorySetQuantities($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) {
              inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) {
                inventoryAdjustmentGroup {
                  id
                }
                userErrors {
                  code
                  field
                  message
                }
              }
            }
            """),

    // repeatable because of the idempotency key: one RMA's refund is made once however often it is sent
    REFUND_CREATE("RefundCreate", true, """
            mutation RefundCreate($input: RefundInput!, $idempotencyKey: String!) {
              refundCreate(input: $input) @idempotent(key: $idempotencyKey) {
                refund {
                  id
                }
                userErrors {
                  field
                  message
                }
              }
            }
            """);

    /**
     * Line items fetched with each order. Shopify prices a connection at its page size, so a small page keeps an
     * orders page affordable (about 55 points per order); longer orders fetch the rest with ORDER_LINE_ITEMS.
     */
    static final int LINE_ITEMS_PER_ORDER = 25;

    /** Fulfillment orders per page of an order: most orders have one, a split across locations a few. */
    static final int FULFILLMENT_ORDERS_PER_PAGE = 5;

    /** Lines fetched with each fulfillment order; longer ones fetch the rest with FULFILLMENT_ORDER_LINE_ITEMS. */
    static final int LINE_ITEMS_PER_FULFILLMENT_ORDER = 25;

    private static final String FULFILLMENT_ORDER_LINE_FRAGMENT = """
            fragment FulfillmentOrderLine on FulfillmentOrderLineItem {
              id
              sku
              remainingQuantity
              lineItem {
                id
              }
            }
            """;

    private static final String ORDER_LINE_FRAGMENT = """
            fragment OrderLine on LineItem {
              id
              sku
              title
              quantity
              unfulfilledQuantity
              variant {
                id
              }
            }
            """;

    private final String operationName;
    private final boolean repeatable;
    private final String document;

    AdminGraphQl(String operationName, boolean repeatable, String document) {
        this.operationName = operationName;
        this.repeatable = repeatable;
        this.document = document;
    }

    String operationName() {
        return operationName;
    }

    /** Whether sending it twice does no harm, so it may be retried after an answer that never came. */
    boolean repeatable() {
        return repeatable;
    }

    String document() {
        return document;
    }
}
