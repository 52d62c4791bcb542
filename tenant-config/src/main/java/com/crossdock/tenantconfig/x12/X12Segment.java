package com.crossdock.tenantconfig.x12;

import java.util.List;

/**
 * One segment as read, every element kept.
 *
 * @param position the segment's number counted from 1 at the first ISA of the input
 * @param tag      the segment id (W05, N1, ...)
 * @param elements the elements in order, each as its list of components (one for a simple element); for an
 *                 element that repeats this is its first occurrence
 * @param repeats  further occurrences of repeating elements as element position and components, in order
 */
public record X12Segment(int position, String tag, List<List<String>> elements, List<Repeat> repeats) {

    /** A further occurrence of a repeating element (ISA11 repetition separator, version 00402 on). */
    public record Repeat(int elementPosition, List<String> components) {

        public Repeat {
            components = List.copyOf(components);
        }
    }

    public X12Segment {
        elements = elements.stream().map(List::copyOf).toList();
        repeats = List.copyOf(repeats);
    }

    /** A segment of simple elements, as the writer and tests build them. */
    public static X12Segment of(int position, String tag, String... elements) {
        return new X12Segment(position, tag, java.util.Arrays.stream(elements).map(List::of).toList(), List.of());
    }

    /** The first component of element {@code n} (1-based), or empty when the segment is shorter. */
    public String element(int n) {
        return component(n, 1);
    }

    /** Component {@code c} of element {@code n} (both 1-based), or empty when absent. */
    public String component(int n, int c) {
        if (n < 1 || n > elements.size()) {
            return "";
        }
        List<String> components = elements.get(n - 1);
        return c < 1 || c > components.size() ? "" : components.get(c - 1);
    }

    /** How many elements the segment carries (trailing empty ones included as sent). */
    public int size() {
        return elements.size();
    }
}
