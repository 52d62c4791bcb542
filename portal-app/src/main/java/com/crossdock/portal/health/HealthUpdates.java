package com.crossdock.portal.health;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tells live dashboards of this portal instance that a tenant's rollups moved: one connection listens on
 * {@code crossdock_health}, which a trigger on the hour rollup notifies at each commit (from any instance), and each
 * watch whose tenants moved is called, at most once per {@link #PACE} however busy the tenant is. Watchers run on
 * the listening thread and must only hand the work on (a Vaadin view calls {@code ui.access}).
 */
@Component
class HealthUpdates implements SmartLifecycle {

    static final String CHANNEL = "crossdock_health";
    /** The shortest time between two calls of one watch: a busy tenant does not reload dashboards non-stop. */
    static final Duration PACE = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(HealthUpdates.class);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final Set<Watch> watches = new CopyOnWriteArraySet<>();
    private volatile boolean running;
    private volatile Thread listener;

    HealthUpdates(DataSource dataSource) {
        this.dataSource = dataSource;
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

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("health-updates").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications((int) PACE.toMillis() / 2);
                    Set<TenantId> moved = new HashSet<>();
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            moved.add(new TenantId(UUID.fromString(notification.getParameter())));
                        }
                    }
                    dispatch(moved, System.nanoTime());
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Listening for health updates failed; live dashboards wait until it works again", e);
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
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
