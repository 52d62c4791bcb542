package com.crossdock.portal.sync.recovery;

import com.crossdock.portal.CrossdockApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run in a JVM of its own by {@link ForkedPortal}: starts the real portal with the settings given as arguments and
 * says on which port it listens; then it serves until it is killed.
 */
public final class PortalProcess {

    static final String READY = "PORTAL-READY port=";

    private PortalProcess() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(CrossdockApplication.class, args);
        System.out.println(READY + context.getEnvironment().getRequiredProperty("local.server.port"));
        System.out.flush();
    }
}
