package com.crossdock.tenantconfig.x12;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes 940, 943, 944, 945, 846, 856 and 997 transaction sets in one ISA/GS envelope, and TA1 interchange acknowledgments,
 * with the partner's delimiters and version; StAEDI does the writing. Control numbers and the timestamp come from
 * the caller, so the same input always gives the same bytes. Data containing a delimiter, a line without quantity
 * or a new 940 without ship-to is refused with an {@link IllegalArgumentException}. The 944, 945 and 846 are what a
 * warehouse sends; the portal writes them for its sandbox warehouse and for tests.
 */
public final class X12Writer {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private final X12Envelope envelope;

    /** A writer for one partner's envelope settings. */
    public X12Writer(X12Envelope envelope) {
        this.envelope = envelope;
    }

    /**
     * One interchange with one functional group holding {@code documents}, all of the same kind (GS01 follows it).
     */
    public byte[] write(List<? extends X12Outbound> documents, X12ControlNumbers numbers, LocalDateTime at) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("An interchange holds at least one transaction set");
        }
        String functionalId = functionalId(documents.getFirst());
        if (documents.stream().anyMatch(d -> !functionalId(d).equals(functionalId))) {
            throw new IllegalArgumentException("A functional group holds one kind of transaction set");
        }
        if (numbers.firstTransaction() + documents.size() - 1 > 999_999_999L) {
            throw new IllegalArgumentException("The transaction control numbers would pass 999999999");
        }
        List<X12Segment> segments = new ArrayList<>();
        segments.add(isa(numbers.interchange(), at));
        segments.add(X12Segment.of(0, "GS", functionalId, envelope.groupSenderId(), envelope.groupReceiverId(),
                at.format(CCYYMMDD), at.format(HHMM), Long.toString(numbers.group()), "X",
                envelope.groupVersion()));
        for (int i = 0; i < documents.size(); i++) {
            String control = String.format("%04d", numbers.firstTransaction() + i);
            List<X12Segment> body = OutboundSegments.of(documents.get(i));
            segments.add(X12Segment.of(0, "ST", transactionType(documents.get(i)), control));
            segments.addAll(body);
            segments.add(X12Segment.of(0, "SE", Integer.toString(body.size() + 2), control));
        }
        segments.add(X12Segment.of(0, "GE", Integer.toString(documents.size()), Long.toString(numbers.group())));
        segments.add(X12Segment.of(0, "IEA", "1", String.format("%09d", numbers.interchange())));
        return emit(segments);
    }

    /** A single document in its own interchange and group. */
    public byte[] write(X12Outbound document, X12ControlNumbers numbers, LocalDateTime at) {
        return write(List.of(document), numbers, at);
    }

    /** An interchange carrying only a TA1 (no functional group), as sent for a received ISA with ISA14 = 1. */
    public byte[] writeTa1(InterchangeAck ack, long interchangeControlNumber, LocalDateTime at) {
        new X12ControlNumbers(interchangeControlNumber, 1, 1);
        return emit(List.of(isa(interchangeControlNumber, at),
                X12Segment.of(0, "TA1", ack.controlNumber(), ack.date(), ack.time(), ack.ackCode(), ack.noteCode()),
                X12Segment.of(0, "IEA", "0", String.format("%09d", interchangeControlNumber))));
    }

    private X12Segment isa(long control, LocalDateTime at) {
        X12Delimiters d = envelope.delimiters();
        Character repetition = d.repetition();
        String isa11 = envelope.version().equals("00401") || repetition == null ? "U" : repetition.toString();
        return X12Segment.of(0, "ISA", "00", " ".repeat(10), "00", " ".repeat(10), envelope.senderQualifier(),
                pad(envelope.senderId()), envelope.receiverQualifier(), pad(envelope.receiverId()),
                at.format(YYMMDD), at.format(HHMM), isa11, envelope.version(), String.format("%09d", control), "0",
                envelope.production() ? "P" : "T", String.valueOf(d.component()));
    }

    private static String pad(String id) {
        return String.format("%-15s", id);
    }

    private static String functionalId(X12Outbound document) {
        return switch (document) {
            case ShippingOrder940 o -> "OW";
            case StockTransfer943 t -> "AR";
            case ReceiptAdvice944 r -> "RE";
            case ShippingAdvice945 s -> "SW";
            case InventoryAdvice846 i -> "IB";
            case FunctionalAck997 a -> "FA";
            case ShipNotice856 n -> "SH";
        };
    }

    private static String transactionType(X12Outbound document) {
        return switch (document) {
            case ShippingOrder940 o -> "940";
            case StockTransfer943 t -> "943";
            case ReceiptAdvice944 r -> "944";
            case ShippingAdvice945 s -> "945";
            case InventoryAdvice846 i -> "846";
            case FunctionalAck997 a -> "997";
            case ShipNotice856 n -> "856";
        };
    }

    private byte[] emit(List<X12Segment> segments) {
        X12Delimiters d = envelope.delimiters();
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(Delimiters.SEGMENT, d.segment());
        factory.setProperty(Delimiters.DATA_ELEMENT, d.element());
        factory.setProperty(Delimiters.COMPONENT_ELEMENT, d.component());
        if (d.repetition() != null && envelope.version().equals("00501")) {
            factory.setProperty(Delimiters.REPETITION, d.repetition());
        }
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, envelope.lineBreaks());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            EDIStreamWriter writer = factory.createEDIStreamWriter(out, StandardCharsets.UTF_8.name());
            writer.startInterchange();
            for (X12Segment s : segments) {
                writeSegment(writer, s);
            }
            writer.endInterchange();
            writer.close();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("StAEDI refused to write the interchange: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private void writeSegment(EDIStreamWriter writer, X12Segment s) throws EDIStreamException {
        writer.writeStartSegment(s.tag());
        int last = s.elements().size();
        while (last > 0 && s.elements().get(last - 1).stream().allMatch(String::isEmpty)) {
            last--;
        }
        for (int i = 0; i < last; i++) {
            List<String> components = s.elements().get(i);
            boolean delimiterElement = s.tag().equals("ISA") && (i == 15 || i == 10);
            if (!delimiterElement) {
                components.forEach(c -> checkData(s.tag(), c));
            }
            if (components.size() == 1) {
                writer.writeElement(components.getFirst());
            } else {
                writer.writeStartElement();
                for (String c : components) {
                    writer.writeComponent(c);
                }
                writer.endElement();
            }
        }
        writer.writeEndSegment();
    }

    private void checkData(String tag, String value) {
        X12Delimiters d = envelope.delimiters();
        String delimiters = "" + d.element() + d.component() + d.segment()
                + (envelope.version().equals("00501") && d.repetition() != null ? d.repetition() : "");
        for (char c : value.toCharArray()) {
            if (delimiters.indexOf(c) >= 0) {
                throw new IllegalArgumentException("The " + tag + " value '" + value + "' contains the delimiter '"
                        + c + "'");
            }
        }
    }
}
