package com.crossdock.tenantconfig.onboarding;

/** How much of a tenant's integration is live. */
public enum GoLiveScope {
    /** Nothing is live yet. */
    NONE,
    /** Some channels, flows or SKUs are live. */
    PARTIAL,
    /** Every configured channel and flow is live. */
    FULL
}
