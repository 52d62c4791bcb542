package com.crossdock.portal.health;

import com.crossdock.portal.database.DatabaseNotifications;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells live dashboards of this portal instance that a tenant's rollups moved: the instance's
 * {@link DatabaseNotifications} listens on {@code crossdock_health}, which a trigger on the hour rollup notifies at each
 * commit (from any instance), and each watch whose tenants moved is called, at most once per {@link #PACE} however
 * busy the tenant is. Watchers run on the listening thread and must only hand the work on (a Vaadin view calls
 * {@code ui.access}).
 */
@Component
class HealthUpdates {

    static final String CHANNEL = "crossdock_health";
    /** The shortest time between two calls of one watch: a busy tenant does not reload dashboards non-stop. */
    static final Duration PACE = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(HealthUpdates.class);

    private final Set<Watch> watches = new CopyOnWriteArraySet<>();

    HealthUpdates(DatabaseNotifications notifications) {
        notifications.subscribe(CHANNEL, this::heard);
    }

    /** A watcher of some tenants; its own identity, so the same tenants can be watched twice. */
    private static final class Watch {

        private final Set<TenantId> tenants;
        private final Runnable onChange;
        private final Set<TenantId> moved = new HashSet<>();
        private long calledAt = System.nanoTime() - PACE.toNanos();

        Watch(Set<TenantId> tenants, Runnable onChange) {
            this.tenants = Set.copyOf(tenants);
            this.onChange = onChange;
        }
    }

    /** Calls {@code onChange} after rollups of any of these tenants moved, until the answer is closed. */
    AutoCloseable watch(Set<TenantId> tenants, Runnable onChange) {
        Watch watch = new Watch(tenants, onChange);
        watches.add(watch);
        return () -> watches.remove(watch);
    }

    private void heard(List<String> tenants) {
        Set<TenantId> moved = new HashSet<>();
        tenants.forEach(tenant -> moved.add(new TenantId(UUID.fromString(tenant))));
        dispatch(moved, System.nanoTime());
    }

    /** Adds what moved to each watch of those tenants and calls those whose pace allows it. */
    void dispatch(Set<TenantId> moved, long nanoTime) {
        for (Watch watch : watches) {
            moved.stream().filter(watch.tenants::contains).forEach(watch.moved::add);
            if (!watch.moved.isEmpty() && nanoTime - watch.calledAt >= PACE.toNanos()) {
                watch.moved.clear();
                watch.calledAt = nanoTime;
                try {
                    watch.onChange.run();
                } catch (RuntimeException e) {
                    log.warn("A live dashboard failed to take a health update", e);
                }
            }
        }
    }
}
