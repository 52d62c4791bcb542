package com.crossdock.e2e.keycloak;

import com.crossdock.e2e.ChildProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Keycloak (the distribution unpacked by the build into {@code keycloak.home}) in dev mode on a free
 * loopback port, with the portal's realm imported fresh at every start. The realm file holds no client secrets:
 * Keycloak makes them up at import, and the portal's is read back through the admin API, as an operator would
 * copy it from the admin console.
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "crossdock";

    /** The internal id the realm file gives the {@code crossdock-portal} client. */
    private static final String PORTAL_CLIENT_UUID = "0c6a3f2e-5b1d-4f7a-9e2c-7d8b1a4c6e01";
    /** The internal id the realm file gives the {@code crossdock-provisioning} service-account client. */
    private static final String PROVISIONING_CLIENT_UUID = "0c6a3f2e-5b1d-4f7a-9e2c-7d8b1a4c6e02";
    private static final String ADMIN = "admin";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SECRET_VALUE = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"");

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 60;

    private final Process process;
    private final String baseUrl;
    private final String adminPassword;
    private final Path log;
    private String portalClientSecret = "";
    private String provisioningClientSecret = "";

    private KeycloakServer(Process process, String baseUrl, String adminPassword, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.adminPassword = adminPassword;
        this.log = log;
    }

    /** Starts Keycloak and returns once the realm's OpenID configuration answers; fails with its log otherwise. */
    static KeycloakServer start() {
        Path home = Path.of(requiredProperty("keycloak.home")).toAbsolutePath();
        Path realm = Path.of(requiredProperty("keycloak.realm")).toAbsolutePath();
        Path launcher = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalStateException("No Keycloak at " + home + "; run the tests through Maven "
                    + "(./mvnw -pl e2e-tests verify), which unpacks it in pre-integration-test");
        }
        Path tmp = home.resolve("tmp");
        Path log = home.resolve("keycloak.log");
        prepare(home, realm, tmp);
        int port = freePort();
        String adminPassword = randomSecret();
        List<String> command = List.of("bash", launcher.toString(), "start-dev", "--http-port=" + port,
                "--http-host=127.0.0.1", "--import-realm");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + tmp,
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
        KeycloakServer keycloak = new KeycloakServer(process, "http://127.0.0.1:" + port, adminPassword, log);
        try {
            keycloak.awaitRealm();
            keycloak.portalClientSecret = keycloak.readClientSecret(PORTAL_CLIENT_UUID);
            keycloak.provisioningClientSecret = keycloak.readClientSecret(PROVISIONING_CLIENT_UUID);
            return keycloak;
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The issuer of the portal's realm, as the portal is configured with it. */
    String issuer() {
        return baseUrl + "/realms/" + REALM;
    }

    String portalClientSecret() {
        return portalClientSecret;
    }

    String provisioningClientSecret() {
        return provisioningClientSecret;
    }

    /**
     * Points the realm's e-mail at an SMTP server without TLS or authentication (a test server on this machine),
     * through the admin API as an operator would in Realm settings → Email.
     */
    void useSmtpServer(String host, int port, String from) {
        String realm = """
                {"smtpServer": {"host": "%s", "port": "%d", "from": "%s", "fromDisplayName": "Crossdock",
                 "auth": "false", "ssl": "false", "starttls": "false"}}""".formatted(host, port, from);
        try (HttpClient client = HttpClient.newHttpClient()) {
            send(client, HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + REALM))
                    .header("Authorization", "Bearer " + adminToken(client))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(realm))
                    .build(), 204);
        }
    }
    /**
     * {@code --import-realm} skips a realm that already exists, so the data of an earlier run is removed; the
     * realm file is copied into {@code data/import}, where Keycloak looks for it.
     */
    private static void prepare(Path home, Path realm, Path tmp) {
        try {
            deleteRecursively(home.resolve("data"));
            deleteRecursively(tmp);
            Files.createDirectories(tmp);
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, imports.resolve(realm.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Keycloak in " + home, e);
        }
    }

    private void awaitRealm() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (true) {
                if (!process.isAlive()) {
                    throw startupFailure("exited with code " + process.exitValue() + " before the realm answered");
                }
                if (ChildProcesses.answersOk(client, request)) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw startupFailure("did not serve realm " + REALM + " within " + STARTUP_TIMEOUT.toSeconds()
                            + " s");
                }
                // returns early when the process exits, so a crash is reported at once
                process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw startupFailure("startup wait was interrupted");
        }
    }

    /** Reads {@code /admin/realms/crossdock/<path>} and counts the matches of {@code regex} in the JSON. */
    int countMatches(String path, String regex) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            String json = send(client, HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + REALM + "/"
                            + path))
                    .header("Authorization", "Bearer " + adminToken(client))
                    .GET()
                    .build(), 200);
            return (int) Pattern.compile(regex).matcher(json).results().count();
        }
    }

    /** Signs in to the master realm as the bootstrap admin and reads the secret Keycloak gave a client. */
    private String readClientSecret(String clientUuid) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return extract(SECRET_VALUE, send(client, HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/"
                            + REALM + "/clients/" + clientUuid + "/client-secret"))
                    .header("Authorization", "Bearer " + adminToken(client))
                    .GET()
                    .build(), 200));
        }
    }

    private String adminToken(HttpClient client) {
        String form = "grant_type=password&client_id=admin-cli&username=" + ADMIN + "&password=" + adminPassword;
        return extract(ACCESS_TOKEN, send(client, HttpRequest.newBuilder(
                        URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), 200));
    }

    private String send(HttpClient client, HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak's admin API did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + request.uri(), e);
        }
    }

    private static String extract(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + pattern + " in Keycloak's answer " + json);
        }
        return matcher.group(1);
    }

    private IllegalStateException startupFailure(String what) {
        close();
        return new IllegalStateException("Keycloak " + what + ". Last lines of " + log + ":\n"
                + ChildProcesses.logTail(log, LOG_TAIL_LINES));
    }

    /** Stops Keycloak by pid (SIGTERM, forcibly after a grace period), and whatever it started. */
    @Override
    public void close() {
        ChildProcesses.stopTree(process, STOP_GRACE);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set; run the tests through Maven "
                    + "(./mvnw -pl e2e-tests verify) or pass -D" + name + "=...");
        }
        return value;
    }
}
