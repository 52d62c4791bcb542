package com.crossdock.portal.provisioning;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A tenant's provisioning state as the Tenants list shows it. */
public record Provisioning(ProvisioningStatus status, @Nullable String problem, @Nullable Instant provisionedAt) {

    public static final Provisioning NOT_REQUIRED = new Provisioning(ProvisioningStatus.NOT_REQUIRED, null, null);
    public static final Provisioning PENDING = new Provisioning(ProvisioningStatus.PENDING, null, null);

    static Provisioning done(Instant at) {
        return new Provisioning(ProvisioningStatus.PROVISIONED, null, at);
    }

    static Provisioning failed(String problem) {
        return new Provisioning(ProvisioningStatus.FAILED, problem, null);
    }

    /** "Done", "Pending", "Failed: Keycloak at ... is not reachable". */
    public String label() {
        return problem == null ? status.label() : status.label() + ": " + problem;
    }
}
