package com.crossdock.portal.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.portal.database.DatabaseNotifications;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class HealthUpdatesTest {

    private final TenantId apparel = new TenantId(UUID.randomUUID());
    private final TenantId home = new TenantId(UUID.randomUUID());

    @Test
    void aWatchIsCalledOnlyForItsOwnTenantsAndAtMostOnceAPace() throws Exception {
        HealthUpdates updates = new HealthUpdates(new DatabaseNotifications(Mockito.mock(DataSource.class)));
        AtomicInteger apparelHeard = new AtomicInteger();
        AutoCloseable watch = updates.watch(Set.of(apparel), apparelHeard::incrementAndGet);
        long now = System.nanoTime();
        updates.dispatch(Set.of(home), now);
        assertThat(apparelHeard).as("another tenant moved").hasValue(0);
        updates.dispatch(Set.of(apparel, home), now);
        assertThat(apparelHeard).hasValue(1);
        updates.dispatch(Set.of(apparel), now + HealthUpdates.PACE.toNanos() / 2);
        assertThat(apparelHeard).as("within the pace: kept for later").hasValue(1);
        updates.dispatch(Set.of(), now + HealthUpdates.PACE.toNanos());
        assertThat(apparelHeard).as("the kept change, once the pace allows").hasValue(2);
        updates.dispatch(Set.of(), now + 3 * HealthUpdates.PACE.toNanos());
        assertThat(apparelHeard).as("nothing new").hasValue(2);
        watch.close();
        updates.dispatch(Set.of(apparel), now + 5 * HealthUpdates.PACE.toNanos());
        assertThat(apparelHeard).as("closed").hasValue(2);
    }

    @Test
    void aWatcherThatFailsDoesNotStopTheOthers() {
        HealthUpdates updates = new HealthUpdates(new DatabaseNotifications(Mockito.mock(DataSource.class)));
        AtomicInteger heard = new AtomicInteger();
        updates.watch(Set.of(apparel), () -> {
            throw new IllegalStateException("detached");
        });
        updates.watch(Set.of(apparel), heard::incrementAndGet);
        updates.dispatch(Set.of(apparel), System.nanoTime());
        assertThat(heard).hasValue(1);
    }
}
