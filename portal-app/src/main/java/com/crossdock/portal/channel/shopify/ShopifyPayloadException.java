package com.crossdock.portal.channel.shopify;

import com.crossdock.portal.channel.ChannelPayloadException;
import com.crossdock.portal.channel.PayloadProblem;
import org.jspecify.annotations.Nullable;

/**
 * A Shopify payload could not be turned into Crossdock's records. The payload is quarantined with
 * {@link #reasonCode()} and the message, which names the JSON path at fault, so it can be fixed and replayed.
 */
public class ShopifyPayloadException extends ChannelPayloadException {

    ShopifyPayloadException(PayloadProblem reasonCode, String path, String detail) {
        this(reasonCode, path, detail, null);
    }

    ShopifyPayloadException(PayloadProblem reasonCode, String path, String detail, @Nullable Throwable cause) {
        super(reasonCode, path, detail, cause);
    }
}
