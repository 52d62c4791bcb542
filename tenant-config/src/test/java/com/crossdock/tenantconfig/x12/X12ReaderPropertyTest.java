package com.crossdock.tenantconfig.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Mutated documents are either read in full or refused with problems; nothing else escapes the reader. */
class X12ReaderPropertyTest {

    private final X12Reader reader = new X12Reader();

    /** What one mutation does to the document. */
    enum Mutation { DROP_SEGMENT, DUPLICATE_SEGMENT, ALTER_SEGMENT, FLIP_BYTE, SWAP_DELIMITER, TRUNCATE }

    record Case(String fixture, Mutation mutation, int where, int what) {
    }

    @Provide
    Arbitrary<Case> mutations() {
        return Combinators.combine(Arbitraries.of(Fixtures.ALL), Arbitraries.of(Mutation.class),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 255)).as(Case::new);
    }

    @Property(tries = 400)
    void a_mutated_document_is_read_or_refused_and_nothing_else(@ForAll("mutations") Case c) {
        byte[] mutated = mutate(Fixtures.bytes(c.fixture()), c);
        try {
            X12Transmission t = reader.read(mutated);
            assertThat(t.interchanges()).isNotEmpty();
            assertThat(t.interchanges()).allSatisfy(i -> assertThat(i.controlNumber()).isNotEmpty());
        } catch (X12Exception e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.reason()).isNotBlank());
        }
    }

    @Property(tries = 100)
    void a_written_order_with_one_segment_dropped_is_refused(@ForAll("positions") int index) {
        byte[] edi = new X12Writer(new X12Envelope(X12Delimiters.standard(), "00401", "ZZ", "A", "ZZ", "B", "AA",
                "BB", true, false)).write(X12WriterRoundTripTest.newOrder(), new X12ControlNumbers(1, 1, 1),
                java.time.LocalDateTime.of(2026, 1, 1, 0, 0));
        List<String> segments = new ArrayList<>(Arrays.asList(new String(edi, StandardCharsets.UTF_8).split("~")));
        segments.remove(index % segments.size());
        byte[] broken = (String.join("~", segments) + "~").getBytes(StandardCharsets.UTF_8);
        try {
            reader.read(broken);
            throw new AssertionError("a document missing segment " + index % segments.size() + " was accepted");
        } catch (X12Exception e) {
            assertThat(e.problems()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 1000);
    }

    private static byte[] mutate(byte[] raw, Case c) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("(?<=[~}*\\n])", -1)));
        int i = c.where() % Math.max(lines.size(), 1);
        switch (c.mutation()) {
            case DROP_SEGMENT -> lines.remove(i);
            case DUPLICATE_SEGMENT -> lines.add(i, lines.get(i));
            case ALTER_SEGMENT -> lines.set(i, lines.get(i).replace("*", "**"));
            case FLIP_BYTE -> {
                byte[] copy = raw.clone();
                if (copy.length > 0) {
                    copy[c.where() % copy.length] = (byte) c.what();
                }
                return copy;
            }
            case SWAP_DELIMITER -> {
                return text.replace(text.length() > 3 ? text.charAt(3) : '*', (char) (33 + c.what() % 90))
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            case TRUNCATE -> {
                return Arrays.copyOf(raw, c.where() % Math.max(raw.length, 1));
            }
        }
        return String.join("", lines).getBytes(StandardCharsets.ISO_8859_1);
    }
}
