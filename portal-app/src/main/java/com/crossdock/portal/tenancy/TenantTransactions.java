package com.crossdock.portal.tenancy;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a unit of work for one tenant: the tenant scope is opened first, then the transaction, so Hibernate's
 * session is bound to that tenant for its whole life. Services call this; nothing else opens tenant scopes.
 */
@Component
public class TenantTransactions {

    private final TransactionTemplate writes;
    private final TransactionTemplate reads;
    private final JdbcClient jdbc;

    TenantTransactions(PlatformTransactionManager transactionManager, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.writes = new TransactionTemplate(transactionManager);
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
    }


    /** Reads data of {@code tenant} in a read-only transaction. */
    public <T> T read(TenantId tenant, Supplier<T> work) {
        requireNoUnscopedTransaction(tenant);
        return TenantScope.callIn(tenant, () -> reads.execute(status -> {
            bindRowLevelSecurity(tenant);
            return work.get();
        }));
    }

    /** Changes data of {@code tenant} in one transaction: all of it is written, or none. */
    public <T> T write(TenantId tenant, Supplier<T> work) {
        requireNoUnscopedTransaction(tenant);
        return TenantScope.callIn(tenant, () -> writes.execute(status -> {
            bindRowLevelSecurity(tenant);
            return work.get();
        }));
    }

    /**
     * Tells PostgreSQL's row-level security which tenant this transaction is for. The setting is local to the
     * transaction, so the pooled connection forgets it at commit or rollback.
     */
    private void bindRowLevelSecurity(TenantId tenant) {
        jdbc.sql("SELECT set_config('crossdock.tenant_id', :tenant, true)")
                .param("tenant", tenant.value().toString())
                .query(String.class)
                .single();
    }

    /**
     * A transaction opened outside the tenant's scope has a Hibernate session bound to no tenant; joining it
     * would read nothing and write rows with the wrong tenant. Fail loudly instead.
     */
    private static void requireNoUnscopedTransaction(TenantId tenant) {
        boolean sameScope = TenantScope.current().filter(tenant::equals).isPresent();
        if (!sameScope && TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Open the scope of tenant " + tenant + " before the transaction, "
                    + "not inside one (see TenantTransactions)");
        }
    }

    /** Changes data of {@code tenant} in one transaction. */
    public void writeAll(TenantId tenant, Runnable work) {
        write(tenant, () -> {
            work.run();
            return Boolean.TRUE;
        });
    }
}
