package com.crossdock.portal.warehouse.x12;

import com.crossdock.tenantconfig.x12.FunctionalAck997;
import com.crossdock.tenantconfig.x12.InterchangeAck;
import com.crossdock.tenantconfig.x12.X12Exception;
import com.crossdock.tenantconfig.x12.X12Group;
import com.crossdock.tenantconfig.x12.X12Problem;
import com.crossdock.tenantconfig.x12.X12Transaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds 997s: accepting a group that was read, rejecting some of its transactions, or rejecting what a refused
 * input still shows (AK3/AK4 from the reader's problems; the AK4-03 code is inferred from the problem's wording).
 */
final class Acknowledgments {

    private static final Pattern QUOTED = Pattern.compile("'([^']{1,99})'");

    FunctionalAck997 of(X12Group group, Map<String, List<FunctionalAck997.SegmentError>> rejected) {
        List<FunctionalAck997.TransactionAck> acks = new ArrayList<>();
        for (X12Transaction tx : group.transactions()) {
            List<FunctionalAck997.SegmentError> errors = rejected.get(tx.controlNumber());
            acks.add(errors == null ? new FunctionalAck997.TransactionAck(tx.type(), tx.controlNumber(), "A",
                    List.of(), List.of()) : rejection(tx.type(), tx.controlNumber(), errors));
        }
        return summary(group.functionalId(), group.controlNumber(), acks, List.of());
    }

    WmsRefusal refusal(byte[] raw, X12Exception refusal) {
        RawEnvelope envelope = RawEnvelope.scan(raw);
        if (envelope.groups().isEmpty()) {
            String control = envelope.isaControl();
            return new WmsRefusal(List.of(), control == null ? null : new InterchangeAck(control, envelope.isaDate(),
                    envelope.isaTime(), "R", noteCode(refusal.problems())));
        }
        List<FunctionalAck997> acks = new ArrayList<>();
        for (RawEnvelope.Group group : envelope.groups()) {
            List<FunctionalAck997.TransactionAck> transactions = new ArrayList<>();
            List<RawEnvelope.Transaction> sets = group.transactions();
            for (int i = 0; i < sets.size(); i++) {
                RawEnvelope.Transaction st = sets.get(i);
                int end = i + 1 < sets.size() ? sets.get(i + 1).position() : Integer.MAX_VALUE;
                transactions.add(rejection(st.type(), st.controlNumber(), segmentErrors(refusal.problems(),
                        st.position(), end)));
            }
            boolean groupTrailer = refusal.problems().stream().anyMatch(p -> p.segmentTag().equals("GE")
                    && p.reason().contains("GS06"));
            acks.add(summary(group.functionalId(), group.controlNumber(), transactions,
                    groupTrailer ? List.of("4") : List.of()));
        }
        return new WmsRefusal(acks, null);
    }

    private static FunctionalAck997.TransactionAck rejection(String type, String control,
            List<FunctionalAck997.SegmentError> errors) {
        return new FunctionalAck997.TransactionAck(echoed(type), echoed(control), "R", errors.isEmpty() ? List.of() : List.of("5"),
                errors);
    }

    private static FunctionalAck997 summary(String functionalId, String control,
            List<FunctionalAck997.TransactionAck> acks, List<String> groupErrors) {
        int accepted = (int) acks.stream().filter(FunctionalAck997.TransactionAck::isAccepted).count();
        String status = accepted == acks.size() && groupErrors.isEmpty() ? "A" : accepted == 0 ? "R" : "P";
        return new FunctionalAck997(echoed(functionalId), echoed(control), acks, status, acks.size(), acks.size(), accepted,
                groupErrors);
    }

    /**
     * A value of a refused file echoed back in AK1/AK2: the file could not be read, so the value may hold anything,
     * our own separators too, which would break the 997 itself. Only letters and digits go back ("0" when none is
     * left; a value too long stays as it came, since that is what the 997 names), so the warehouse still recognises
     * its control numbers.
     */
    static String echoed(String value) {
        String kept = value == null ? "" : value.replaceAll("[^A-Za-z0-9]", "");
        return kept.isEmpty() ? "0" : kept;
    }

    /** AK3/AK4 for the problems between this ST (position 1 of the set) and the next one, envelope tags left out. */
    private static List<FunctionalAck997.SegmentError> segmentErrors(List<X12Problem> problems, int st, int end) {
        Map<Integer, List<X12Problem>> bySegment = new LinkedHashMap<>();
        for (X12Problem p : problems) {
            boolean envelope = List.of("ISA", "GS", "GE", "IEA").contains(p.segmentTag());
            if (!envelope && p.segmentPosition() >= st && p.segmentPosition() < end) {
                bySegment.computeIfAbsent(p.segmentPosition(), k -> new ArrayList<>()).add(p);
            }
        }
        List<FunctionalAck997.SegmentError> errors = new ArrayList<>();
        for (Map.Entry<Integer, List<X12Problem>> segment : bySegment.entrySet()) {
            List<FunctionalAck997.ElementError> elements = segment.getValue().stream()
                    .filter(p -> p.elementPosition() > 0).map(Acknowledgments::elementError).toList();
            String tag = segment.getValue().getFirst().segmentTag();
            errors.add(new FunctionalAck997.SegmentError(tag, segment.getKey() - st + 1, "",
                    elements.isEmpty() ? "" : "8", elements));
        }
        return errors;
    }

    private static FunctionalAck997.ElementError elementError(X12Problem p) {
        String position = p.componentPosition() > 0 ? p.elementPosition() + ":" + p.componentPosition()
                : Integer.toString(p.elementPosition());
        Matcher quoted = QUOTED.matcher(p.reason());
        String bad = quoted.find() && quoted.group(1).matches("[A-Za-z0-9 ._/#-]+") ? quoted.group(1) : "";
        return new FunctionalAck997.ElementError(position, "", code(p.reason()), bad);
    }

    /** AK4-03: 1 missing, 4 too short, 5 too long, 6 invalid character, 8 invalid date, 7 invalid code otherwise. */
    static String code(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.contains("required but empty") || r.contains(" is empty")) {
            return "1";
        }
        if (r.contains("too short")) {
            return "4";
        }
        if (r.contains("too long") || r.contains("may be missing before it")) {
            return "5";
        }
        if (r.contains("not a decimal") || r.contains("not a whole number")) {
            return "6";
        }
        if (r.contains("date")) {
            return "8";
        }
        return "7";
    }

    /** TA1-05: 001 when ISA13 and IEA02 differ, 024 (invalid interchange content) otherwise. */
    private static String noteCode(List<X12Problem> problems) {
        return problems.stream().anyMatch(p -> p.segmentTag().equals("IEA") && p.reason().contains("ISA13"))
                ? "001" : "024";
    }
}
