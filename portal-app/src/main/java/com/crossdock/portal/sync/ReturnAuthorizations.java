package com.crossdock.portal.sync;

import java.util.List;
import java.util.UUID;

/**
 * What the feature that authorises returns (RMAs) does with the store's returns, implemented there so that the sync
 * engine needs no knowledge of it. Both methods run inside the sync engine's tenant transaction: what they write
 * commits or rolls back with the channel's record.
 */
public interface ReturnAuthorizations {

    /**
     * A refund or return arrived from the store: expect its units back, or say why not.
     *
     * @return the problems that keep it from becoming an RMA, each recorded as an exception with the raw payload;
     *         empty when it was taken (or needs no RMA)
     */
    List<Problem> arrived(ChannelReturnArrival arrival);

    /** The store was told the refund of an RMA (its {@code refundRef}); the RMA may close. */
    void channelTold(UUID rmaId, String refundRef);

    /**
     * Why a channel's return could not become an RMA.
     *
     * @param reasonCode  e.g. {@code RETURN_UNKNOWN_ORDER}
     * @param fingerprint what makes two occurrences the same problem: {@code return:<channel return id>}, so that the
     *                    exception closes by itself once a retry makes the RMA
     * @param message     what a person should do, in a sentence
     */
    record Problem(String reasonCode, String fingerprint, String message) {
    }
}
