package com.crossdock.portal.channel;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An Amazon seller account to connect, as entered: the seller (merchant) id, the marketplaces to read orders from,
 * the SP-API region, the Login with Amazon app's client id and secret with the refresh token the seller's
 * authorisation of the app produced, and the Amazon SQS queue SP-API notifications are delivered to with its AWS
 * region and the access key id and secret that may read it. In sandbox mode the credentials are the sandbox's own
 * and may be left blank (the sandbox has its own queue).
 */
public record AmazonConnectionCommand(String name, String sellerId, List<String> marketplaceIds,
        @Nullable AmazonRegion region, @Nullable ChannelMode mode, @Nullable String lwaClientId,
        @Nullable String lwaClientSecret, @Nullable String refreshToken, @Nullable String sqsQueueUrl,
        @Nullable String awsRegion, @Nullable String awsAccessKeyId, @Nullable String awsSecretAccessKey) {

    /** A connection without a notification queue (a sandbox one, whose queue is the sandbox's). */
    public AmazonConnectionCommand(String name, String sellerId, List<String> marketplaceIds,
            @Nullable AmazonRegion region, @Nullable ChannelMode mode, @Nullable String lwaClientId,
            @Nullable String lwaClientSecret, @Nullable String refreshToken) {
        this(name, sellerId, marketplaceIds, region, mode, lwaClientId, lwaClientSecret, refreshToken, null, null,
                null, null);
    }
}
