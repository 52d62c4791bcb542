package com.crossdock.tenantconfig.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads X12 interchanges into records. StAEDI tokenises, detects the delimiters from each ISA and checks the
 * envelope (ISA13 = IEA02, GS06 = GE02, ST02 = SE02, the SE01, GE01 and IEA01 counts, element sizes and codes of
 * the control segments); {@link TransactionMapper} checks the segments it maps itself.
 *
 * <p>Tolerated, each reported as a warning: a UTF-8 byte order mark, whitespace before the ISA and between
 * segments (line breaks, indentation), a missing terminator after the very last segment, an ISA11 that is not a
 * valid code, and GE02/IEA02 that equal GS06/ISA13 as numbers but not as text (leading zeros dropped).
 * Anything else StAEDI or the mapper finds refuses the whole input with an {@link X12Exception}. The reader never
 * lets a StAEDI exception through: its message becomes the reason of a problem at the segment it names.
 */
public final class X12Reader {

    /** Reads every interchange of {@code raw}; throws {@link X12Exception} with the reasons when it is refused. */
    public X12Transmission read(byte[] raw) {
        List<X12Problem> warnings = new ArrayList<>();
        String text = decode(raw, warnings);
        if (!text.startsWith("ISA")) {
            String start = text.substring(0, Math.min(text.length(), 20));
            String tag = start.replaceAll("[^A-Za-z0-9].*", "");
            throw new X12Exception(X12Problem.ofSegment(1, tag,
                    "the input does not start with an ISA interchange header (it starts with '"
                            + start.replaceAll("\\s+", " ") + "')"));
        }
        X12Delimiters delimiters = probeDelimiters(text);
        text = closeLastSegment(text, delimiters.segment(), warnings);
        EnvelopeAssembler assembler = new EnvelopeAssembler(warnings);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (EDIStreamReader reader = factory().createEDIStreamReader(new ByteArrayInputStream(bytes), "UTF-8")) {
            while (!assembler.stopped() && next(reader, assembler)) {
                assembler.accept(reader);
            }
        } catch (IOException e) {
            assembler.fail(0, "", "the input could not be closed: " + e.getMessage());
        } catch (EDIStreamException e) {
            assembler.fail(e.getLocation(), "cannot be tokenised: " + e.getMessage());
        }
        return assembler.finish();
    }

    private static boolean next(EDIStreamReader reader, EnvelopeAssembler assembler) throws EDIStreamException {
        try {
            if (!reader.hasNext()) {
                return false;
            }
            reader.next();
            return true;
        } catch (RuntimeException e) {
            // StAEDI signals some broken input with unchecked exceptions; they are refusals, not crashes
            assembler.fail(reader.getLocation(), "cannot be tokenised: " + e);
            return false;
        }
    }

    private static EDIInputFactory factory() {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        // line breaks between segments are allowed noise unless a line break is itself the terminator
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        factory.setProperty(EDIInputFactory.EDI_NEST_HIERARCHICAL_LOOPS, false);
        return factory;
    }

    /** UTF-8 when the bytes are valid UTF-8, ISO-8859-1 otherwise; BOM and leading whitespace removed. */
    private static String decode(byte[] raw, List<X12Problem> warnings) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            warnings.add(X12Problem.ofSegment(0, "", "the input is not valid UTF-8 (" + e.getMessage()
                    + "), read as ISO-8859-1"));
            text = new String(raw, StandardCharsets.ISO_8859_1);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.stripLeading();
    }

    /** Lets StAEDI read the ISA alone and reports the delimiters it found there. */
    private static X12Delimiters probeDelimiters(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (EDIStreamReader reader = factory().createEDIStreamReader(new ByteArrayInputStream(bytes), "UTF-8")) {
            while (reader.hasNext()) {
                if (reader.next() == EDIStreamEvent.START_INTERCHANGE) {
                    return delimiters(reader.getDelimiters(), 1);
                }
            }
        } catch (EDIStreamException e) {
            throw new X12Exception(EnvelopeAssembler.problemAt(e.getLocation(),
                    "the ISA cannot be read: " + e.getMessage()));
        } catch (X12Exception e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new X12Exception(X12Problem.ofSegment(1, "ISA", "the ISA cannot be read: " + e));
        }
        throw new X12Exception(X12Problem.ofSegment(1, "ISA", "the ISA is incomplete: an ISA has 16 elements and "
                + "is 106 characters long with its terminator"));
    }

    /** The delimiters StAEDI detected; refuses letters, digits and spaces, the mark of a mis-sized ISA. */
    static X12Delimiters delimiters(Map<String, Character> found, int isaPosition) {
        char element = found.getOrDefault(Delimiters.DATA_ELEMENT, '*');
        char component = found.getOrDefault(Delimiters.COMPONENT_ELEMENT, ':');
        char segment = found.getOrDefault(Delimiters.SEGMENT, '~');
        Character repetition = found.get(Delimiters.REPETITION);
        try {
            return new X12Delimiters(element, component, segment, repetition);
        } catch (IllegalArgumentException e) {
            throw new X12Exception(X12Problem.ofElement(isaPosition, "ISA", 16, "the delimiters read from the ISA "
                    + "are not usable (element '" + element + "', ISA16 component '" + component + "', terminator '"
                    + segment + "'" + (repetition == null ? "" : ", ISA11 repetition '" + repetition + "'")
                    + "): the ISA must be exactly 106 characters, so ISA16 is probably missing or an element is "
                    + "not padded to its fixed size"));
        }
    }

    /** Appends the terminator when the last segment lacks it (common at the end of a file), with a warning. */
    private static String closeLastSegment(String text, char terminator, List<X12Problem> warnings) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) != terminator && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > 0 && text.charAt(end - 1) == terminator) {
            return text;
        }
        warnings.add(X12Problem.ofSegment(0, "", "the last segment has no terminator '" + printable(terminator)
                + "'; one was assumed at the end of the input"));
        return text.substring(0, end) + terminator;
    }

    static String printable(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.valueOf(c);
        };
    }
}
