package com.crossdock.portal.api;

/**
 * A client just created, with its key: the only time the key is shown; the portal keeps only its hash.
 *
 * @param key the bearer key for {@code Authorization: Bearer ...}
 */
public record NewApiClient(ApiClientView client, String key) {

    @Override
    public String toString() {
        return "NewApiClient[" + client.name() + ", key hidden]";
    }
}
