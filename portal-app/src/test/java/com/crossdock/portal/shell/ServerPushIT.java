package com.crossdock.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.portal.support.TestDatabases;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Server push over real HTTP, without a browser: a page's UI starts with push on, the push script is served, and the
 * push connection (long polling, the web socket's fallback) gets through the security chain, with a CSP that lets
 * the page open a web socket to this host.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServerPushIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, ServerPushIT.class);
    }

    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .cookieHandler(new CookieManager()).build();

    @Test
    void theSignInPagesUiHasPushOnAndItsPushConnectionGetsThrough() throws Exception {
        assertThat(get("/login").statusCode()).isEqualTo(200);
        HttpResponse<String> init = get("/?v-r=init&location=login&query=&v-bw=1000&v-bh=800&v-sw=1000&v-sh=800"
                + "&v-tzo=0&v-dst=0&v-rtzo=0&v-tzid=UTC&v-curdate=0&v-wn=test&v-np=test");
        assertThat(init.body()).contains("\"key\":\"pushMode\",\"feat\":5,\"value\":\"AUTOMATIC\"");
        Matcher script = Pattern.compile("\"pushScript\":\"([^\"]+)\"").matcher(init.body());
        assertThat(script.find()).isTrue();
        assertThat(get("/" + script.group(1)).statusCode()).isEqualTo(200);

        Matcher pushId = Pattern.compile("\"Vaadin-Push-ID\":\"([^\"]+)\"").matcher(init.body());
        assertThat(pushId.find()).isTrue();
        HttpResponse<String> push = http.sendAsync(HttpRequest.newBuilder(URI.create(base() + "/?v-r=push&v-uiId=0"
                + "&v-pushId=" + pushId.group(1) + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=3.1.5-javascript"
                + "&X-Atmosphere-Transport=long-polling&X-atmo-protocol=true")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).get(15, TimeUnit.SECONDS);
        assertThat(push.statusCode()).as("the push connection, not the sign-in page").isEqualTo(200);
        assertThat(push.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/plain"));
        assertThat(push.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("connect-src 'self' ws: wss:"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
