package com.crossdock.portal.tenant;

import com.crossdock.portal.tenancy.TenantScope;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.onboarding.GoLiveScope;
import com.crossdock.tenantconfig.onboarding.OnboardingFacts;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.truth.ExceptionReasons;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The facts a tenant's onboarding stage follows from, read from its data in one read (a handful of counts, cheap
 * enough for every row of a portfolio): connections, an active catalog, the rules (owners chosen, ship methods
 * mapped, every exception queue owned), a passing UAT run signed by both roles at the current configuration version
 * (the UAT view also marks a sign-off stale when the run's catalog items changed), and how many of its live
 * connections' flows are live.
 */
@Component
class OnboardingFactsReader {

    private final TenantTransactions transactions;
    private final JdbcClient jdbc;

    OnboardingFactsReader(TenantTransactions transactions, JdbcClient jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /**
     * The tenant's facts, read in its own transaction or in the one of its scope that is open. A summary asked for
     * inside another tenant's or an unscoped transaction (a job going through its tenants) cannot read the tenant's
     * rows there, and a second connection could wait forever on a busy pool; it gets what is known without them
     * (people signed in), which is all such callers need.
     */
    OnboardingFacts facts(TenantId tenant, int brandUsersSignedIn) {
        boolean elsewhere = TransactionSynchronizationManager.isActualTransactionActive()
                && TenantScope.current().filter(tenant::equals).isEmpty();
        if (elsewhere) {
            return OnboardingFacts.newTenant().withBrandUsersSignedIn(brandUsersSignedIn);
        }
        return transactions.read(tenant, () -> read(brandUsersSignedIn));
    }

    private OnboardingFacts read(int brandUsersSignedIn) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM channel_connection),
                       EXISTS (SELECT 1 FROM catalog_item WHERE status = 'ACTIVE'),
                       EXISTS (SELECT 1 FROM source_of_truth) AND EXISTS (SELECT 1 FROM ship_method_mapping)
                           AND (SELECT count(*) FROM exception_owner) >= :queues,
                       (SELECT count(*) FROM channel_flow f JOIN channel_connection c ON c.id = f.connection_id
                        WHERE c.mode = 'LIVE'),
                       -- a sandbox's flows switched live are a rehearsal: only live connections make a brand live
                       (SELECT count(*) FROM go_live_flow g JOIN channel_connection c ON c.id = g.connection_id
                        WHERE g.live AND c.mode = 'LIVE'),
                       (SELECT max(g.switched_at) FROM go_live_flow g JOIN channel_connection c
                            ON c.id = g.connection_id WHERE g.live AND c.mode = 'LIVE'),
                       EXISTS (SELECT 1 FROM uat_signoff s WHERE s.role = 'BRAND_ADMIN'
                                 AND s.config_version = coalesce((SELECT config_version FROM tenant_setup), 0)
                                 AND EXISTS (SELECT 1 FROM uat_signoff o WHERE o.run_id = s.run_id
                                               AND o.role = 'ACCOUNT_MANAGER'
                                               AND o.config_version = s.config_version))""")
                .param("queues", ExceptionReasons.ALL.size())
                .query((rs, n) -> {
                    long flows = rs.getLong(4);
                    long live = rs.getLong(5);
                    GoLiveScope scope = live == 0 ? GoLiveScope.NONE : live >= flows ? GoLiveScope.FULL
                            : GoLiveScope.PARTIAL;
                    Timestamp since = rs.getTimestamp(6);
                    LocalDate fullySince = scope == GoLiveScope.FULL && since != null
                            ? since.toInstant().atZone(ZoneOffset.UTC).toLocalDate() : null;
                    return new OnboardingFacts(brandUsersSignedIn, rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3),
                            rs.getBoolean(7), scope, fullySince);
                }).single();
    }
}
