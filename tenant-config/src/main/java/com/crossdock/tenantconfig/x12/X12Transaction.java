package com.crossdock.tenantconfig.x12;

import java.util.List;

/**
 * One ST/SE transaction set: its segments as read (ST and SE included) and what the codec made of them.
 *
 * @param type          ST01 (945, 944, ...)
 * @param controlNumber ST02
 * @param segments      every segment from ST to SE, nothing left out
 * @param content       the typed record for the types the codec knows, {@link X12Content.Unmapped} otherwise
 */
public record X12Transaction(String type, String controlNumber, List<X12Segment> segments, X12Content content) {

    public X12Transaction {
        segments = List.copyOf(segments);
    }
}
