package com.crossdock.portal.sync.recovery;

import com.crossdock.portal.CrossdockApplication;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.net.URI;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole portal (the real Spring Boot application, web server included) started in this JVM, which the test
 * stops when it wants to rather than when the JVM ends; several may share one database.
 */
final class Portal implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Portal(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static Portal start(PortalSettings settings) {
        return new Portal(SpringApplication.run(CrossdockApplication.class,
                settings.asArguments().toArray(String[]::new)));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** Where this portal receives a connection's Shopify webhooks. */
    URI webhookAddress(TenantId tenant, UUID connectionId) {
        return webhookAddress(port(), tenant, connectionId);
    }

    static URI webhookAddress(int port, TenantId tenant, UUID connectionId) {
        return URI.create("http://127.0.0.1:" + port + "/webhooks/shopify/" + tenant.value() + "/" + connectionId);
    }

    @Override
    public void close() {
        context.close();
    }
}
