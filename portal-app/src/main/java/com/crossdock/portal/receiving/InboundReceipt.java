package com.crossdock.portal.receiving;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the warehouse received against one shipment, from one 944 transaction.
 *
 * @param receiptKey what makes this receipt unique for the tenant (the warehouse's receipt number, else the
 *                   control numbers of the 944); a receipt with a key seen before changes nothing
 * @param complete   the warehouse says it is done receiving the shipment (a final 944), so missing units are short
 * @param lines      per master SKU: units received (damaged ones included) and of those damaged
 */
public record InboundReceipt(String receiptKey, boolean complete, List<Line> lines) {

    public InboundReceipt {
        lines = List.copyOf(lines);
        if (receiptKey.isBlank()) {
            throw new IllegalArgumentException("A receipt needs its key");
        }
    }

    /**
     * Units of one SKU and lot received, of which damaged.
     *
     * @param lot      the lot the warehouse recorded (W07-08), empty when it recorded none
     * @param expiryOn the expiry the warehouse recorded, if any
     */
    public record Line(String sku, String lot, @Nullable LocalDate expiryOn, int received, int damaged) {

        /** Units of a SKU received without a lot. */
        public Line(String sku, int received, int damaged) {
            this(sku, "", null, received, damaged);
        }

        public Line {
            if (received < 0 || damaged < 0 || damaged > received) {
                throw new IllegalArgumentException("Received " + received + " of " + sku + " with " + damaged
                        + " damaged cannot be");
            }
        }
    }
}
