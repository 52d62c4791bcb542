package com.crossdock.portal.tenancy;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant a piece of work runs for. A service opens a scope with {@link #callIn} for exactly the duration of
 * one call, with the tenant passed in explicitly; Hibernate's tenant filter reads it from here. The scope is
 * always closed in {@code finally}, so a pooled thread never carries a tenant into the next request or job.
 */
public final class TenantScope {

    private static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();

    private TenantScope() {
    }

    /** Runs {@code work} for {@code tenant}. Nested scopes must name the same tenant. */
    public static <T> T callIn(TenantId tenant, Supplier<T> work) {
        TenantId outer = CURRENT.get();
        if (outer != null && !outer.equals(tenant)) {
            throw new IllegalStateException("A call for tenant " + tenant + " inside a call for tenant " + outer);
        }
        CURRENT.set(tenant);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            }
        }
    }

    /** Runs {@code work} for {@code tenant}. */
    public static void runIn(TenantId tenant, Runnable work) {
        callIn(tenant, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Fails unless the running call is scoped to {@code tenant}. Methods of other features that take a tenant id
     * but cannot check access themselves use it: only a service that has checked the caller opens the scope.
     */
    public static void requireCurrent(TenantId tenant) {
        if (!tenant.equals(CURRENT.get())) {
            throw new NoSuchTenantException(tenant);
        }
    }

    /** The tenant of the running call, if any. */
    public static Optional<TenantId> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
