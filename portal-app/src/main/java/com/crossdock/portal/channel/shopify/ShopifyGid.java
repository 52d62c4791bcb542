package com.crossdock.portal.channel.shopify;

import com.crossdock.portal.channel.PayloadProblem;
import java.util.Objects;
import java.util.regex.Pattern;

/** Shopify's global ids ({@code gid://shopify/Order/450789469}) and the numeric ids inside them. */
final class ShopifyGid {

    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

    private ShopifyGid() {
    }

    /**
     * The numeric id inside a GID of the given type, so a GraphQL order and the same order from a REST webhook get
     * the same canonical id.
     */
    static String numericId(String gid, String type, String path) {
        String prefix = "gid://shopify/" + type + "/";
        String id = gid.startsWith(prefix) ? gid.substring(prefix.length()) : "";
        // a GID may carry parameters (gid://shopify/LineItem/1?x=y); the id ends before them
        int query = id.indexOf('?');
        id = query < 0 ? id : id.substring(0, query);
        if (!NUMERIC.matcher(id).matches()) {
            throw new ShopifyPayloadException(PayloadProblem.INVALID_VALUE, path,
                    "expected a " + type + " id like " + prefix + "123, found \"" + gid + "\"");
        }
        return id;
    }

    /** The GID for an id given either as a GID of the right type or as the bare number in it. */
    static String of(String type, String id) {
        Objects.requireNonNull(id, type + " id");
        String prefix = "gid://shopify/" + type + "/";
        if (id.startsWith(prefix) || NUMERIC.matcher(id).matches()) {
            return id.startsWith(prefix) ? id : prefix + id;
        }
        throw new IllegalArgumentException("expected a " + type + " id (" + prefix + "123 or 123), was \"" + id + "\"");
    }
}
