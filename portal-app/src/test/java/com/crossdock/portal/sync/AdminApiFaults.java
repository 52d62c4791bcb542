package com.crossdock.portal.sync;

import com.crossdock.portal.channel.sandbox.FaultPlan;
import com.crossdock.portal.channel.sandbox.ShopifySandboxService;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.tenantconfig.tenant.TenantId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a sandbox shop answer a share of its Admin API calls with a fault, spread at random over the calls rather
 * than in a burst at the start of a run: a filter in front of the sandbox's GraphQL endpoint counts the shop's calls
 * and, for the unlucky ones, arms the shop's own {@link FaultPlan} with one fault (alternately a 429 with
 * {@code Retry-After} and a 500) just before the sandbox answers that call. The faults themselves are the sandbox's.
 * Import {@link Configuration} into a test's context to use it.
 */
public final class AdminApiFaults {

    private static final Duration RETRY_AFTER = Duration.ofMillis(100);

    private final ShopifySandboxService sandbox;
    private @Nullable UUID connection;
    private @Nullable TenantId tenant;
    private int percent;
    private Random random = new Random();
    private long calls;
    private long rateLimited;
    private long serverErrors;

    AdminApiFaults(ShopifySandboxService sandbox) {
        this.sandbox = sandbox;
    }

    /** From now on, {@code percent} % of the connection's Admin API calls (at random, from {@code seed}) fail. */
    public synchronized void arm(TenantId tenant, UUID connection, int percent, long seed) {
        this.tenant = tenant;
        this.connection = connection;
        this.percent = percent;
        this.random = new Random(seed);
    }

    /** No more faults. */
    public synchronized void disarm() {
        this.percent = 0;
    }

    /** Admin API calls the faulty connection's shop received while armed. */
    public synchronized long calls() {
        return calls;
    }

    /** Calls answered HTTP 429. */
    public synchronized long rateLimited() {
        return rateLimited;
    }

    /** Calls answered HTTP 500. */
    public synchronized long serverErrors() {
        return serverErrors;
    }

    private synchronized void before(String path) {
        if (percent == 0 || connection == null || tenant == null || !path.contains("/" + connection + "/")) {
            return;
        }
        calls++;
        if (random.nextInt(100) >= percent) {
            return;
        }
        boolean tooMany = (rateLimited + serverErrors) % 2 == 0;
        FaultPlan plan = tooMany ? FaultPlan.none().withRateLimited(1, RETRY_AFTER)
                : FaultPlan.none().withServerErrors(1);
        TenantId target = tenant;
        UUID store = connection;
        SystemActor.call("faults", () -> sandbox.fault(target, store, plan));
        if (tooMany) {
            rateLimited++;
        } else {
            serverErrors++;
        }
    }

    /** The faults and the filter that places them. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        AdminApiFaults adminApiFaults(@Lazy ShopifySandboxService sandbox) {
            return new AdminApiFaults(sandbox);
        }

        @Bean
        OncePerRequestFilter adminApiFaultFilter(AdminApiFaults faults) {
            return new OncePerRequestFilter() {
                @Override
                protected boolean shouldNotFilter(HttpServletRequest request) {
                    return !request.getRequestURI().startsWith("/sandbox/shopify/");
                }

                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                        FilterChain chain) throws ServletException, IOException {
                    faults.before(request.getRequestURI());
                    chain.doFilter(request, response);
                }
            };
        }
    }
}
