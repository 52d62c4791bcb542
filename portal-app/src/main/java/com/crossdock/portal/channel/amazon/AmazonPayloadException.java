package com.crossdock.portal.channel.amazon;

import com.crossdock.portal.channel.ChannelPayloadException;
import com.crossdock.portal.channel.PayloadProblem;
import org.jspecify.annotations.Nullable;

/**
 * An Amazon payload could not be turned into Crossdock's records. It is kept as an exception with
 * {@link #reasonCode()} and the message, which names the JSON path at fault, together with the raw JSON.
 */
public class AmazonPayloadException extends ChannelPayloadException {

    AmazonPayloadException(PayloadProblem reasonCode, String path, String detail) {
        this(reasonCode, path, detail, null);
    }

    AmazonPayloadException(PayloadProblem reasonCode, String path, String detail, @Nullable Throwable cause) {
        super(reasonCode, path, detail, cause);
    }
}
