package com.crossdock.portal.channel.sandbox;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.net.URI;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where this portal answers as a sandbox shop and as a webhook receiver: {@code crossdock.sandbox.portal-url}, or
 * this machine at the port the server listens on (random in tests), its bind address or loopback.
 */
@Component
public class SandboxAddress {

    private final SandboxProperties properties;
    private final Environment environment;

    SandboxAddress(SandboxProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** The base URL a connector is given for a sandbox connection; the Admin API path follows it. */
    public URI adminBaseUrl(TenantId tenant, UUID connectionId) {
        return URI.create(portal() + "/sandbox/shopify/" + tenant.value() + "/" + connectionId);
    }

    /** The SP-API endpoint (and LWA token endpoint, under {@code /auth/o2/token}) of an Amazon sandbox connection. */
    public URI amazonBaseUrl(TenantId tenant, UUID connectionId) {
        return URI.create(portal() + "/sandbox/amazon/" + tenant.value() + "/" + connectionId);
    }

    /**
     * The SQS endpoint of an Amazon sandbox connection's notification queue (AWS JSON 1.0, what the AWS SDK's SQS
     * client is pointed at with {@code endpointOverride}).
     */
    public URI amazonSqsEndpoint(TenantId tenant, UUID connectionId) {
        return URI.create(amazonBaseUrl(tenant, connectionId) + "/sqs");
    }

    /** The URL of an Amazon sandbox connection's notification queue, shaped like SQS's {@code .../{account}/{name}}. */
    public String amazonQueueUrl(TenantId tenant, UUID connectionId) {
        return amazonSqsEndpoint(tenant, connectionId) + "/" + sandboxAwsAccount(connectionId) + "/"
                + SANDBOX_QUEUE;
    }

    /** The sandbox queue's name. */
    static final String SANDBOX_QUEUE = "sp-api-notifications";

    /** The made-up twelve-digit AWS account a sandbox connection's queue belongs to. */
    static String sandboxAwsAccount(UUID connectionId) {
        return String.format("%012d", Math.floorMod(connectionId.getMostSignificantBits(), 1_000_000_000_000L));
    }

    /** The Marketplace API endpoint (and Token API, under {@code /v3/token}) of a Walmart sandbox connection. */
    public URI walmartBaseUrl(TenantId tenant, UUID connectionId) {
        return URI.create(portal() + "/sandbox/walmart/" + tenant.value() + "/" + connectionId);
    }

    /** {@code {portal}/webhooks/shopify/{tenant}/{connection}}, the address a real shop is given. */
    URI webhookAddress(TenantId tenant, UUID connectionId) {
        String base = properties.portalUrl() != null ? properties.portalUrl().toString().replaceAll("/+$", "")
                : portal();
        return URI.create(base + "/webhooks/shopify/" + tenant.value() + "/" + connectionId);
    }

    private String portal() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String host = environment.getProperty("server.address", "");
        if (host.isBlank() || host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port + environment.getProperty("server.servlet.context-path", "");
    }
}
