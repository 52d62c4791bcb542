package com.crossdock.tenantconfig.tenant;

/** The commercial status of a tenant, set by the 3PL. Onboarding progress is separate and computed. */
public enum TenantStatus {
    /** Onboarding or live: its integrations may run. */
    ACTIVE("Active"),
    /** Temporarily stopped by the 3PL: no flow runs, the data stays. */
    PAUSED("Paused"),
    /** No longer a client: kept for records, read-only. */
    OFFBOARDED("Offboarded");

    private final String label;

    TenantStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
