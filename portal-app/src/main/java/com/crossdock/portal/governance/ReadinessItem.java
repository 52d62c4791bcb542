package com.crossdock.portal.governance;

/**
 * One item of a tenant's go-live readiness, worked out from its data.
 *
 * @param id     stable id of the item (the test contract and the component id)
 * @param label  what is checked
 * @param passed whether it passes now
 * @param reason why it passes or fails, with what to do
 * @param route  the portal route where it is fixed
 * @param owner  who fixes it while it fails: "Brand", "3PL" or "Brand and 3PL"
 */
public record ReadinessItem(String id, String label, boolean passed, String reason, String route, String owner) {

    /** An item the brand's people fix. */
    public ReadinessItem(String id, String label, boolean passed, String reason, String route) {
        this(id, label, passed, reason, route, "Brand");
    }
}
