package com.crossdock.tenantconfig.tenant;

import java.util.Objects;
import java.util.UUID;

/** The identity of a tenant. Every tenant-owned record and every tenant-scoped call carries one. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    public static TenantId parse(String text) {
        return new TenantId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
