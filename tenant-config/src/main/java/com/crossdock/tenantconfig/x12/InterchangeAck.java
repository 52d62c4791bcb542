package com.crossdock.tenantconfig.x12;

/**
 * A TA1 interchange acknowledgment.
 *
 * @param controlNumber the ISA13 of the interchange acknowledged
 * @param date          that interchange's ISA09 (YYMMDD)
 * @param time          that interchange's ISA10 (HHMM)
 * @param ackCode       A accepted, E accepted with errors, R rejected
 * @param noteCode      the interchange note code (000 no error, 001 ISA13/IEA02 mismatch, ...)
 */
public record InterchangeAck(String controlNumber, String date, String time, String ackCode, String noteCode) {
}
