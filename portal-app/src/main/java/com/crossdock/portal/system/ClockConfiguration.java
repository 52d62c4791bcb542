package com.crossdock.portal.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** The one clock of the portal, so tests can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
