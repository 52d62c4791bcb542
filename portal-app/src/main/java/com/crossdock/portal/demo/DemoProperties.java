package com.crossdock.portal.demo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data for trying Crossdock out.
 *
 * @param enabled  whether to create demo tenants and users in an empty database (env {@code CROSSDOCK_DEMO});
 *                 unset means on with the embedded database and off with an external one
 * @param password the password of every demo user (env {@code CROSSDOCK_DEMO_PASSWORD})
 */
@ConfigurationProperties("crossdock.demo")
public record DemoProperties(@Nullable Boolean enabled, String password) {
}
