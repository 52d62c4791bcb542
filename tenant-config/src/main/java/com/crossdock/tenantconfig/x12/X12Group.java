package com.crossdock.tenantconfig.x12;

import java.util.List;

/**
 * One GS/GE functional group.
 *
 * @param functionalId  GS01 (OW 940, SW 945, AR 943, RE 944, IB 846, AW 947, FA 997, SH 856, ...)
 * @param senderId      GS02
 * @param receiverId    GS03
 * @param date          GS04 (CCYYMMDD)
 * @param time          GS05
 * @param controlNumber GS06
 * @param version       GS08 (004010, 005010, ...)
 * @param transactions  the transaction sets in order
 */
public record X12Group(String functionalId, String senderId, String receiverId, String date, String time,
        String controlNumber, String version, List<X12Transaction> transactions) {

    public X12Group {
        transactions = List.copyOf(transactions);
    }
}
