package com.crossdock.tenantconfig.x12;

import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Turns StAEDI's events into segments, envelopes and problems, one reader pass. */
final class EnvelopeAssembler {

    private final List<X12Problem> warnings;
    private final List<X12Problem> problems = new ArrayList<>();
    private final List<X12Interchange> interchanges = new ArrayList<>();
    private final TransactionMapper mapper = new TransactionMapper();

    private @Nullable SegmentBuilder segment;
    private @Nullable X12Segment isa;
    private @Nullable X12Delimiters delimiters;
    private final List<X12Group> groups = new ArrayList<>();
    private final List<InterchangeAck> acks = new ArrayList<>();
    private @Nullable X12Segment gs;
    private final List<X12Transaction> transactions = new ArrayList<>();
    private @Nullable List<X12Segment> transaction;
    private int lastPosition;
    private boolean stopped;

    EnvelopeAssembler(List<X12Problem> warnings) {
        this.warnings = warnings;
    }

    boolean stopped() {
        return stopped;
    }

    void accept(EDIStreamReader reader) {
        Location at = reader.getLocation();
        switch (reader.getEventType()) {
            case START_INTERCHANGE -> delimiters = X12Reader.delimiters(reader.getDelimiters(), 0);
            case START_SEGMENT -> segment = new SegmentBuilder(at.getSegmentPosition(), reader.getText());
            case ELEMENT_DATA -> {
                if (segment != null) {
                    segment.add(at.getElementPosition(), at.getComponentPosition(), at.getElementOccurrence(),
                            reader.getText());
                }
            }
            case END_SEGMENT -> {
                if (segment != null) {
                    endSegment(segment.build());
                    segment = null;
                }
            }
            case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> error(reader, at);
            default -> {
                // loops, composites and envelope boundaries: the segments themselves carry what is needed
            }
        }
    }

    private void endSegment(X12Segment s) {
        lastPosition = s.position();
        switch (s.tag()) {
            case "ISA" -> {
                isa = s;
                groups.clear();
                acks.clear();
            }
            case "TA1" -> acks.add(new InterchangeAck(s.element(1), s.element(2), s.element(3), s.element(4),
                    s.element(5)));
            case "GS" -> {
                gs = s;
                transactions.clear();
                checkComponentSeparator(s);
            }
            case "ST" -> {
                transaction = new ArrayList<>();
                transaction.add(s);
            }
            case "SE" -> endTransaction(s);
            case "GE" -> endGroup();
            case "IEA" -> endInterchange();
            default -> {
                if (transaction != null) {
                    transaction.add(s);
                } else {
                    problems.add(X12Problem.ofSegment(s.position(), s.tag(), "the segment stands outside any "
                            + "ST/SE transaction set"));
                }
            }
        }
    }

    /**
     * A 105-character ISA makes StAEDI take the real terminator for ISA16 and the line break after it for the
     * terminator; every segment then ends in an empty component, GS first.
     */
    private void checkComponentSeparator(X12Segment s) {
        X12Delimiters d = delimiters;
        if (d == null || (d.segment() != '\n' && d.segment() != '\r') || s.elements().isEmpty()) {
            return;
        }
        List<String> last = s.elements().getLast();
        if (last.size() > 1 && last.getLast().isEmpty()) {
            problems.clear();
            problems.add(X12Problem.ofElement(isa == null ? 1 : isa.position(), "ISA", 16, "ISA16 (the component "
                    + "separator) is missing: '" + d.component() + "' was read as ISA16 and the line break as the "
                    + "segment terminator, and the GS at segment " + s.position() + " ends with '" + d.component()
                    + "', so '" + d.component() + "' is really the terminator and the ISA is one character short"));
            stopped = true;
        }
    }

    private void endTransaction(X12Segment se) {
        List<X12Segment> segments = transaction;
        transaction = null;
        if (segments == null) {
            problems.add(X12Problem.ofSegment(se.position(), "SE", "SE without ST"));
            return;
        }
        segments.add(se);
        X12Segment st = segments.getFirst();
        X12Content content = mapper.map(st.element(1), segments, delimiters, problems);
        transactions.add(new X12Transaction(st.element(1), st.element(2), segments, content));
    }

    private void endGroup() {
        X12Segment header = gs;
        if (header != null) {
            groups.add(new X12Group(header.element(1), header.element(2), header.element(3), header.element(4),
                    header.element(5), header.element(6), header.element(8), transactions));
        }
        gs = null;
        transactions.clear();
    }

    private void endInterchange() {
        X12Segment header = isa;
        X12Delimiters d = delimiters;
        if (header != null && d != null) {
            interchanges.add(new X12Interchange(d, header.element(5), header.element(6).strip(), header.element(7),
                    header.element(8).strip(), header.element(9), header.element(10), header.element(12),
                    header.element(13), header.element(14).equals("1"), header.element(15).equals("P"), groups,
                    acks));
        }
        isa = null;
        groups.clear();
        acks.clear();
    }

    private void error(EDIStreamReader reader, Location at) {
        EDIStreamValidationError type = reader.getErrorType();
        String tag = at.getSegmentTag() == null ? "" : at.getSegmentTag();
        String value = reader.hasText() ? reader.getText() : "";
        int element = Math.max(at.getElementPosition(), 0);
        X12Problem problem = new X12Problem(at.getSegmentPosition(), tag, element,
                Math.max(at.getComponentPosition(), 0), reason(type, tag, element, value));
        if (tolerated(type, tag, element, value)) {
            warnings.add(problem);
        } else {
            problems.add(problem);
        }
    }

    /** ISA11 codes and control numbers that match as numbers are read anyway; nothing else is. */
    private boolean tolerated(EDIStreamValidationError type, String tag, int element, String value) {
        if (tag.equals("ISA") && element == 11 && type == EDIStreamValidationError.INVALID_CODE_VALUE) {
            return true;
        }
        boolean controlReference = (tag.equals("IEA") || tag.equals("GE")) && element == 2;
        boolean lengthOrMatch = type == EDIStreamValidationError.DATA_ELEMENT_TOO_SHORT
                || type == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH;
        return controlReference && lengthOrMatch && sameNumber(value, headerReference(tag));
    }

    private String headerReference(String trailer) {
        X12Segment header = trailer.equals("IEA") ? isa : gs;
        return header == null ? "" : header.element(trailer.equals("IEA") ? 13 : 6);
    }

    private static boolean sameNumber(String a, String b) {
        if (a.isEmpty() || b.isEmpty() || !a.chars().allMatch(Character::isDigit)
                || !b.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return new java.math.BigInteger(a).equals(new java.math.BigInteger(b));
    }

    private String reason(EDIStreamValidationError type, String tag, int element, String value) {
        String name = tag + String.format("%02d", element);
        return switch (type) {
            case CONTROL_REFERENCE_MISMATCH -> name + " '" + value + "' does not match "
                    + switch (tag) {
                        case "IEA" -> "ISA13 '" + headerReference("IEA") + "'";
                        case "GE" -> "GS06 '" + headerReference("GE") + "'";
                        default -> "ST02 '" + (transaction == null ? "" : transaction.getFirst().element(2)) + "'";
                    };
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> name + " says " + value + " but the "
                    + switch (tag) {
                        case "SE" -> "transaction set has " + (transaction == null ? "?" : transaction.size() + 1)
                                + " segments from ST to SE";
                        case "GE" -> "group has " + transactions.size() + " transaction sets";
                        default -> "interchange has " + groups.size() + " functional groups";
                    };
            default -> {
                String words = type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
                yield (element > 0 ? name + ": " : tag + ": ") + words + (value.isEmpty() ? "" : " ('" + value
                        + "')");
            }
        };
    }

    void fail(Location at, String reason) {
        problems.add(problemAt(at, reason));
        stopped = true;
    }

    void fail(int position, String tag, String reason) {
        problems.add(X12Problem.ofSegment(position, tag, reason));
        stopped = true;
    }

    static X12Problem problemAt(@Nullable Location at, String reason) {
        if (at == null) {
            return X12Problem.ofSegment(0, "", reason);
        }
        return new X12Problem(Math.max(at.getSegmentPosition(), 0), at.getSegmentTag() == null ? ""
                : at.getSegmentTag(), Math.max(at.getElementPosition(), 0), Math.max(at.getComponentPosition(), 0),
                reason);
    }

    X12Transmission finish() {
        if (!stopped) {
            if (transaction != null) {
                problems.add(X12Problem.ofSegment(lastPosition, "", "the input ends inside transaction set "
                        + transaction.getFirst().element(2) + ": SE is missing"));
            }
            if (gs != null) {
                problems.add(X12Problem.ofSegment(lastPosition, "", "the input ends inside functional group "
                        + gs.element(6) + ": GE is missing"));
            }
            if (isa != null) {
                problems.add(X12Problem.ofSegment(lastPosition, "", "the input ends inside interchange "
                        + isa.element(13) + ": IEA is missing"));
            }
        }
        if (interchanges.isEmpty() && problems.isEmpty()) {
            problems.add(X12Problem.ofSegment(lastPosition, "", "the input holds no complete interchange"));
        }
        if (!problems.isEmpty()) {
            throw new X12Exception(problems);
        }
        return new X12Transmission(interchanges, warnings);
    }
}
