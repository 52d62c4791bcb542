package com.crossdock.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.portal.identity.IdentityService;
import com.crossdock.portal.identity.NewUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.AsUser;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenancy.NoSuchTenantException;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The adversarial suite: every public method of every service that takes a {@link TenantId}, found by reflection
 * so a new method is never missed, is called by people of tenant A (and by an account manager not assigned to B)
 * with tenant B's id. Each call must answer "not found" (fail with {@link NoSuchTenantException}, or return
 * {@code false} or an empty result), or be refused for the caller's role whatever the id; and nothing of tenant B
 * may change.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossTenantAccessIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, CrossTenantAccessIT.class);
    }

    @Autowired ApplicationContext context;
    @Autowired TenantService tenants;
    @Autowired IdentityService identity;
    @Autowired UserDetailsService users;

    final JdbcClient superuser = TestDatabases.superuser(CrossTenantAccessIT.class);
    TenantId mine;
    TenantId theirs;

    @BeforeAll
    void seedTwoTenants() {
        SystemActor.call("test", () -> {
            identity.createUser(new NewUser("am.mine", "Mine AM", null, "long-password-0", Set.of(Role.ACCOUNT_MANAGER),
                    null));
            mine = tenants.create(new TenantCommand("Mine", "MINE", TenantStatus.ACTIVE, null, null)).id();
            theirs = tenants.create(new TenantCommand("Theirs", "THEIRS", TenantStatus.ACTIVE, null, "#123456")).id();
            tenants.recordActivity(theirs, "Note", "theirs only");
            identity.createUser(new NewUser("mine.admin", "A", null, "long-password-1", Set.of(Role.BRAND_ADMIN), mine));
            identity.createUser(new NewUser("mine.user", "U", null, "long-password-2", Set.of(Role.BRAND_USER), mine));
            return null;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"mine.admin", "mine.user", "am.mine"})
    void everyServiceMethodTakingATenantIdAnswersNotFoundForAnotherTenant(String username) throws Exception {
        String before = fingerprintOf(theirs);
        List<Method> probed = new ArrayList<>();
        for (Object service : context.getBeansWithAnnotation(Service.class).values()) {
            for (Method method : AopUtils.getTargetClass(service).getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && takesTenantId(method)) {
                    probed.add(method);
                    Outcome outcome = AsUser.call(users, username, () -> invoke(service, method, theirs));
                    String call = "%s as %s with another tenant's id".formatted(method, username);
                    if (outcome.failure() == null) {
                        assertThat(outcome.result()).as(call).isIn(Boolean.FALSE, java.util.Optional.empty());
                        continue;
                    }
                    assertThat(outcome.failure()).as(call)
                            .isInstanceOfAny(NoSuchTenantException.class, AccessDeniedException.class);
                    if (outcome.failure() instanceof AccessDeniedException) {
                        Outcome ownTenant = AsUser.call(users, username, () -> invoke(service, method, mine));
                        assertThat(ownTenant.failure()).as("%s refused for the role, whatever the tenant", method)
                                .isInstanceOf(AccessDeniedException.class);
                    }
                }
            }
        }
        assertThat(probed).as("service methods taking a TenantId").hasSizeGreaterThanOrEqualTo(6);
        assertThat(fingerprintOf(theirs)).isEqualTo(before);
    }

    private static boolean takesTenantId(Method method) {
        return Arrays.asList(method.getParameterTypes()).contains(TenantId.class);
    }

    record Outcome(Object result, Throwable failure) {
    }

    /** Calls {@code method} with {@code tenant} for the TenantId and harmless values elsewhere. */
    private static Outcome invoke(Object service, Method method, TenantId tenant) {
        Object[] arguments = Arrays.stream(method.getParameterTypes()).map(type -> argumentFor(type, tenant))
                .toArray();
        try {
            return new Outcome(service.getClass().getMethod(method.getName(), method.getParameterTypes())
                    .invoke(service, arguments), null);
        } catch (InvocationTargetException e) {
            return new Outcome(null, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not call " + method, e);
        }
    }

    private static Object argumentFor(Class<?> type, TenantId tenant) {
        if (type == TenantId.class) {
            return tenant;
        }
        if (type == TenantCommand.class) {
            return new TenantCommand("Taken over", "TAKEN", TenantStatus.PAUSED, null, "#000000");
        }
        if (type == String.class) {
            return "image/png";
        }
        if (type == byte[].class) {
            return new byte[] {(byte) 0x89, 'P', 'N', 'G'};
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type.isRecord()) {
            return recordFor(type, tenant);
        }
        return null;
    }

    private static Object recordFor(Class<?> type, TenantId tenant) {
        try {
            var components = type.getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(c -> c.getType()).toArray(Class<?>[]::new);
            return type.getDeclaredConstructor(types).newInstance(
                    Arrays.stream(types).map(t -> argumentFor(t, tenant)).toArray());
        } catch (java.lang.reflect.InvocationTargetException refused) {
            return null; // a value type that refuses placeholder values: the call gets null instead
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build a " + type, e);
        }
    }

    private String fingerprintOf(TenantId tenant) {
        return superuser.sql("""
                SELECT t.name || t.code || t.status || coalesce(t.accent_color, '') || t.version
                       || (SELECT count(*) FROM tenant_activity a WHERE a.tenant_id = t.id)
                       || (SELECT count(*) FROM tenant_aud r WHERE r.id = t.id)
                FROM tenant t WHERE t.id = :id""").param("id", tenant.value()).query(String.class).single();
    }
}
