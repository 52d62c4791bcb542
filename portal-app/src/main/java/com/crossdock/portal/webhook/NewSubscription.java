package com.crossdock.portal.webhook;

/**
 * A subscription just made, with its signing secret: the only time the secret is shown.
 *
 * @param secret what the receiver checks {@code Crossdock-Signature} with
 */
public record NewSubscription(SubscriptionView subscription, String secret) {

    @Override
    public String toString() {
        return "NewSubscription[" + subscription.url() + ", secret hidden]";
    }
}
