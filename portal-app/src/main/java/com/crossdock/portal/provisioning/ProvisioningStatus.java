package com.crossdock.portal.provisioning;

/** Where a tenant stands in being set up in Keycloak. */
public enum ProvisioningStatus {
    /** Local sign-in mode, or a tenant that existed before provisioning: nothing to set up. */
    NOT_REQUIRED("Not required"),
    /** Saved in the portal; Keycloak not (yet) done. */
    PENDING("Pending"),
    /** Organization, brand admin and invitation done. */
    PROVISIONED("Done"),
    /** Keycloak or the e-mail server refused; the reason is kept and the tenant can be retried. */
    FAILED("Failed");

    private final String label;

    ProvisioningStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
