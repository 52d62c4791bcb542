package com.crossdock.tenantconfig.x12;

import java.util.List;

/**
 * One ISA/IEA interchange as read.
 *
 * @param delimiters          the separators StAEDI detected from the ISA
 * @param senderQualifier     ISA05
 * @param senderId            ISA06, trailing padding removed
 * @param receiverQualifier   ISA07
 * @param receiverId          ISA08, trailing padding removed
 * @param date                ISA09 (YYMMDD)
 * @param time                ISA10 (HHMM)
 * @param version             ISA12 (00401, 00501, ...)
 * @param controlNumber       ISA13 as sent (nine digits)
 * @param acknowledgmentRequested ISA14 = 1: the sender asks for a TA1
 * @param production          ISA15 = P (false for T test data)
 * @param groups              the functional groups in order
 * @param interchangeAcks     TA1 segments the interchange carries (a TA1 sent back to us)
 */
public record X12Interchange(X12Delimiters delimiters, String senderQualifier, String senderId,
        String receiverQualifier, String receiverId, String date, String time, String version, String controlNumber,
        boolean acknowledgmentRequested, boolean production, List<X12Group> groups,
        List<InterchangeAck> interchangeAcks) {

    public X12Interchange {
        groups = List.copyOf(groups);
        interchangeAcks = List.copyOf(interchangeAcks);
    }
}
