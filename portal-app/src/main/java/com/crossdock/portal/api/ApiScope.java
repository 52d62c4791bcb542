package com.crossdock.portal.api;

import java.util.Arrays;
import java.util.Optional;

/** What an API client may do, per resource: read, or also write. A write scope does not imply its read scope. */
public enum ApiScope {
    ORDERS_READ("orders:read"),
    ORDERS_WRITE("orders:write"),
    INVENTORY_READ("inventory:read"),
    ITEMS_READ("items:read"),
    ITEMS_WRITE("items:write"),
    EXCEPTIONS_READ("exceptions:read"),
    EXCEPTIONS_WRITE("exceptions:write"),
    INBOUND_READ("inbound:read"),
    INBOUND_WRITE("inbound:write"),
    SYNC_READ("sync:read"),
    RETURNS_READ("returns:read"),
    RETURNS_WRITE("returns:write");

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    /** The scope's name in keys, documents and the OpenAPI description, e.g. {@code orders:write}. */
    public String value() {
        return value;
    }

    /** The Spring Security authority an API call carries for it, e.g. {@code SCOPE_orders:write}. */
    public String authority() {
        return "SCOPE_" + value;
    }

    public static Optional<ApiScope> of(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value.strip())).findFirst();
    }
}
