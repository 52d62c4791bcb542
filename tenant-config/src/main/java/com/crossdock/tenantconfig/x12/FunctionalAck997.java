package com.crossdock.tenantconfig.x12;

import java.util.List;

/**
 * A 997 functional acknowledgment of one functional group: what the portal sends for what it received, and what
 * a partner sends back for the portal's 940s and 943s.
 *
 * @param functionalId       AK1-01, the acknowledged group's GS01
 * @param groupControlNumber AK1-02, its GS06
 * @param transactions       AK2 loops, one per transaction acknowledged
 * @param groupStatus        AK9-01 (A accepted, E accepted with errors, P partially accepted, R rejected)
 * @param included           AK9-02 number of transaction sets included
 * @param received           AK9-03 number received
 * @param accepted           AK9-04 number accepted
 * @param groupErrors        AK9-05 ... functional group syntax error codes
 */
public record FunctionalAck997(String functionalId, String groupControlNumber, List<TransactionAck> transactions,
        String groupStatus, int included, int received, int accepted, List<String> groupErrors)
        implements X12Content, X12Outbound {

    public FunctionalAck997 {
        transactions = List.copyOf(transactions);
        groupErrors = List.copyOf(groupErrors);
    }

    /**
     * AK2/AK5: one transaction's acknowledgment with the AK3/AK4 detail where known.
     *
     * @param type          AK2-01 transaction set id
     * @param controlNumber AK2-02 its ST02
     * @param status        AK5-01 (A, E, R, ...)
     * @param errorCodes    AK5-02 ... transaction set syntax error codes
     * @param segmentErrors AK3 loops
     */
    public record TransactionAck(String type, String controlNumber, String status, List<String> errorCodes,
            List<SegmentError> segmentErrors) {

        public TransactionAck {
            errorCodes = List.copyOf(errorCodes);
            segmentErrors = List.copyOf(segmentErrors);
        }

        /** AK5-01 is A or E. */
        public boolean isAccepted() {
            return status.equals("A") || status.equals("E");
        }
    }

    /**
     * AK3: a segment in error.
     *
     * @param tag           AK3-01 segment id
     * @param position      AK3-02 position in the transaction set (ST = 1)
     * @param loopId        AK3-03, may be empty
     * @param code          AK3-04 segment syntax error code, may be empty
     * @param elementErrors the AK4s that follow
     */
    public record SegmentError(String tag, int position, String loopId, String code,
            List<ElementError> elementErrors) {

        public SegmentError {
            elementErrors = List.copyOf(elementErrors);
        }
    }

    /**
     * AK4: an element in error.
     *
     * @param position  AK4-01 element position (component position after the component separator, e.g. 8 or 8:1)
     * @param reference AK4-02 data element reference number, may be empty
     * @param code      AK4-03 data element syntax error code
     * @param badValue  AK4-04 copy of the bad data element, may be empty
     */
    public record ElementError(String position, String reference, String code, String badValue) {
    }
}
