package com.crossdock.portal.channel.sandbox;

/**
 * One webhook the sandbox sent for a change made in its shop (a refund, a return request, a cancellation), and how
 * the portal answered it.
 *
 * @param topic      the webhook topic, e.g. {@code refunds/create}
 * @param orderName  the order it concerns, e.g. {@code #1001}
 * @param resourceId the GID of what was made or changed (the refund, the return, the order)
 * @param webhookId  the {@code X-Shopify-Webhook-Id} it was sent with
 * @param status     the HTTP status the portal answered
 * @param accepted   whether that status was a 2xx
 * @param response   the portal's answer body
 */
public record SandboxDelivery(String topic, String orderName, String resourceId, String webhookId, int status,
        boolean accepted, String response) {
}
