package com.crossdock.tenantconfig.x12;

/**
 * How the writer addresses and formats an interchange for one partner.
 *
 * @param delimiters        the separators to write (ISA16 carries the component separator)
 * @param version           ISA12: {@code 00401} (GS08 004010) or {@code 00501} (GS08 005010)
 * @param senderQualifier   ISA05 (ZZ mutually defined, 01 DUNS, 12 phone, ...)
 * @param senderId          ISA06, at most 15 characters
 * @param receiverQualifier ISA07
 * @param receiverId        ISA08, at most 15 characters
 * @param groupSenderId     GS02
 * @param groupReceiverId   GS03
 * @param production        ISA15 P, or T for test data
 * @param lineBreaks        a line break after every terminator, as many partners like to read files
 */
public record X12Envelope(X12Delimiters delimiters, String version, String senderQualifier, String senderId,
        String receiverQualifier, String receiverId, String groupSenderId, String groupReceiverId,
        boolean production, boolean lineBreaks) {

    public X12Envelope {
        if (!version.equals("00401") && !version.equals("00501")) {
            throw new IllegalArgumentException("The writer writes versions 00401 and 00501, not " + version);
        }
        if (version.equals("00501") && delimiters.repetition() == null) {
            throw new IllegalArgumentException("Version 00501 needs a repetition separator for ISA11");
        }
        requireSize("sender id", senderId, 1, 15);
        requireSize("receiver id", receiverId, 1, 15);
        requireSize("sender qualifier", senderQualifier, 2, 2);
        requireSize("receiver qualifier", receiverQualifier, 2, 2);
        requireSize("group sender id", groupSenderId, 2, 15);
        requireSize("group receiver id", groupReceiverId, 2, 15);
    }

    private static void requireSize(String what, String value, int min, int max) {
        if (value.length() < min || value.length() > max) {
            throw new IllegalArgumentException("The " + what + " '" + value + "' must be " + min + " to " + max
                    + " characters");
        }
    }

    /** GS08 for the ISA12 version. */
    String groupVersion() {
        return version.equals("00401") ? "004010" : "005010";
    }
}
