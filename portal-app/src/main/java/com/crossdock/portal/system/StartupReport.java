package com.crossdock.portal.system;

import com.crossdock.portal.demo.DemoData;
import com.crossdock.portal.demo.DemoProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** When the portal is ready: creates demo data if due, then prints where to open it and who can sign in. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final DemoData demo;
    private final DemoProperties demoProperties;
    private final Environment environment;

    StartupReport(DemoData demo, DemoProperties demoProperties, Environment environment) {
        this.demo = demo;
        this.demoProperties = demoProperties;
        this.environment = environment;
    }

    @EventListener
    public void onReady(ApplicationReadyEvent event) {
        List<String> created = demo.seedIfEmpty();
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : environment.getProperty("server.port", Integer.class, 8080);
        String host = environment.getProperty("server.address", "localhost");
        StringBuilder report = new StringBuilder()
                .append("\n\n  Crossdock is running: open http://")
                .append("127.0.0.1".equals(host) || "0.0.0.0".equals(host) ? "localhost" : host)
                .append(':').append(port).append("/\n");
        if (!created.isEmpty()) {
            report.append("\n  Demo users (password: ").append(demoProperties.password()).append(")\n");
            created.forEach(line -> report.append("    ").append(line).append('\n'));
        } else if (demo.enabled()) {
            report.append("  Demo users were created at the first start; the password is ")
                    .append(demoProperties.password()).append(" unless it was changed.\n");
        }
        log.info("{}", report);
    }
}
