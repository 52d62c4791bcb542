package com.crossdock.portal.warehouse.x12;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What can still be found in an input the reader refused: the ISA's control number, date and time, and each GS and
 * ST with its segment position (counted from 1 at the ISA, as {@code X12Problem} counts). It reads the delimiters
 * from the fixed places of the ISA and assumes nothing else, so it finds what a 997 or TA1 has to name.
 *
 * @param isaControl ISA13, or null when the ISA cannot be read
 * @param isaDate    ISA09
 * @param isaTime    ISA10
 * @param groups     the GS segments found, with their ST segments
 */
record RawEnvelope(@Nullable String isaControl, String isaDate, String isaTime, List<Group> groups) {

    /** A GS with its transactions. */
    record Group(String functionalId, String controlNumber, List<Transaction> transactions) {
    }

    /** An ST at segment {@code position} of the input. */
    record Transaction(String type, String controlNumber, int position) {
    }

    static RawEnvelope scan(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("ISA");
        if (start < 0 || text.length() < start + 106) {
            return new RawEnvelope(null, "", "", List.of());
        }
        String isa = text.substring(start, start + 106);
        char element = isa.charAt(3);
        char terminator = isa.charAt(105);
        if (Character.isLetterOrDigit(element) || Character.isLetterOrDigit(terminator) || element == terminator) {
            return new RawEnvelope(null, "", "", List.of());
        }
        String[] isaElements = isa.substring(0, 105).split(Pattern.quote(String.valueOf(element)),
                -1);
        if (isaElements.length != 17 || !isaElements[13].matches("\\d{9}")) {
            return new RawEnvelope(null, "", "", List.of());
        }
        List<Group> groups = new ArrayList<>();
        List<Transaction> transactions = null;
        String[] segments = text.substring(start).split(Pattern.quote(String.valueOf(terminator)));
        for (int i = 0; i < segments.length; i++) {
            String[] e = segments[i].strip().split(Pattern.quote(String.valueOf(element)), -1);
            if (e[0].equals("GS")) {
                transactions = new ArrayList<>();
                groups.add(new Group(at(e, 1), at(e, 6), transactions));
            } else if (e[0].equals("ST") && transactions != null) {
                transactions.add(new Transaction(at(e, 1), at(e, 2), i + 1));
            }
        }
        return new RawEnvelope(isaElements[13], isaElements[9], isaElements[10], groups);
    }

    private static String at(String[] elements, int n) {
        return n < elements.length ? elements[n] : "";
    }
}
