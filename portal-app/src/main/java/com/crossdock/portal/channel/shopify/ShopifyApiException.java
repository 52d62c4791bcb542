package com.crossdock.portal.channel.shopify;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Shopify refused or could not complete an Admin API call; {@link #kind()} says whether trying later can help. */
public class ShopifyApiException extends RuntimeException {

    /** What went wrong, and so what the caller can do about it. */
    public enum Kind {
        /** Shopify answered with GraphQL {@code errors}: a bad query, a missing access scope, ... */
        GRAPHQL_ERRORS,
        /** The mutation ran and refused the input ({@code userErrors}); the same input will fail again. */
        USER_ERRORS,
        /** An HTTP status that retrying will not change (401 bad token, 403, 404 unknown shop or API version). */
        REJECTED,
        /** Shopify stayed unavailable, rate-limited or too slow through every retry; try again later. */
        UNAVAILABLE,
        /**
         * A mutation that is not safe to repeat failed in a way that leaves open whether Shopify applied it (a 5xx
         * or a timeout after sending); look at Shopify's state before sending it again.
         */
        OUTCOME_UNKNOWN,
        /**
         * What the call is about is not in the shop: an order that does not exist (or the app may not see), no
         * active location that fulfils online orders.
         */
        NOT_FOUND,
        /** The calling thread was interrupted while waiting. */
        INTERRUPTED
    }

    private final Kind kind;
    private final String operation;
    private final List<String> messages;

    ShopifyApiException(Kind kind, String operation, List<String> messages, @Nullable Throwable cause) {
        super(operation + " failed (" + kind + "): " + String.join("; ", messages), cause);
        this.kind = kind;
        this.operation = operation;
        this.messages = List.copyOf(messages);
    }

    ShopifyApiException(Kind kind, String operation, String message, @Nullable Throwable cause) {
        this(kind, operation, List.of(message), cause);
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The GraphQL operation that failed, e.g. {@code FulfillmentCreate}. */
    public String operation() {
        return operation;
    }

    /** Shopify's own messages (GraphQL errors, user errors) or a description of the failure. */
    public List<String> messages() {
        return messages;
    }
}
