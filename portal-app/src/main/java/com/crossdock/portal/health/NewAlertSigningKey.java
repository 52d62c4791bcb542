package com.crossdock.portal.health;

/**
 * A signing key just made: the only time its secret is shown. The tenant's alert webhook receivers check
 * {@code X-Crossdock-Signature} with it.
 */
public record NewAlertSigningKey(AlertSigningKey key, String secret) {

    @Override
    public String toString() {
        return "NewAlertSigningKey[" + key.hint() + ", secret hidden]";
    }
}
