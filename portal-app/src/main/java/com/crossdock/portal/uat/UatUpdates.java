package com.crossdock.portal.uat;

import com.crossdock.portal.database.DatabaseNotifications;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Live progress of UAT runs across portal instances: a step that starts or finishes, a queued, closed or signed run
 * notifies {@code crossdock_uat} with {@code tenant:run}; each instance's {@link DatabaseNotifications} hears it
 * (whichever instance's {@link UatJob} worked the run) and wakes the watchers of that tenant only, with the run's id,
 * once per notification batch.
 */
@Component
class UatUpdates {

    static final String CHANNEL = "crossdock_uat";
    private static final Logger log = LoggerFactory.getLogger(UatUpdates.class);

    private final DatabaseNotifications notifications;
    private final Map<TenantId, Set<Consumer<UUID>>> watchers = new ConcurrentHashMap<>();

    UatUpdates(DatabaseNotifications notifications) {
        this.notifications = notifications;
        notifications.subscribe(CHANNEL, this::heard);
    }

    /** Tells every instance that the tenant's run changed. */
    void changed(TenantId tenant, UUID run) {
        notifications.send(CHANNEL, tenant.value() + ":" + run);
    }

    /** Calls {@code watcher} with a run's id whenever one of the tenant's runs changed; answers what stops it. */
    Runnable watch(TenantId tenant, Consumer<UUID> watcher) {
        Set<Consumer<UUID>> set = watchers.computeIfAbsent(tenant, t -> new CopyOnWriteArraySet<>());
        set.add(watcher);
        return () -> set.remove(watcher);
    }

    private void heard(List<String> payloads) {
        Set<String> distinct = new LinkedHashSet<>(payloads);
        for (String payload : distinct) {
            int colon = payload.indexOf(':');
            TenantId tenant;
            UUID run;
            try {
                tenant = new TenantId(UUID.fromString(payload.substring(0, Math.max(colon, 0))));
                run = UUID.fromString(payload.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                log.warn("Ignored a {} notification that is not tenant:run: {}", CHANNEL, payload, e);
                continue;
            }
            for (Consumer<UUID> watcher : watchers.getOrDefault(tenant, Set.of())) {
                try {
                    watcher.accept(run);
                } catch (RuntimeException e) {
                    log.warn("A UAT watcher failed; it stays registered until its view detaches", e);
                }
            }
        }
    }
}
