package com.crossdock.tenantconfig.x12;

import java.util.ArrayList;
import java.util.List;

/** Collects one segment's element events (positions as StAEDI reports them) into an {@link X12Segment}. */
final class SegmentBuilder {

    private final int position;
    private final String tag;
    private final List<List<String>> elements = new ArrayList<>();
    private final List<X12Segment.Repeat> repeats = new ArrayList<>();
    private List<String> repeat = new ArrayList<>();
    private int repeatElement;

    SegmentBuilder(int position, String tag) {
        this.position = position;
        this.tag = tag;
    }

    void add(int element, int component, int occurrence, String value) {
        if (element < 1) {
            return;
        }
        if (occurrence > 1) {
            if (repeatElement != element || component <= 1) {
                flushRepeat();
                repeatElement = element;
            }
            repeat.add(value);
            return;
        }
        while (elements.size() < element) {
            elements.add(new ArrayList<>());
        }
        List<String> components = elements.get(element - 1);
        int index = Math.max(component, 1);
        while (components.size() < index) {
            components.add("");
        }
        components.set(index - 1, value);
    }

    private void flushRepeat() {
        if (!repeat.isEmpty()) {
            repeats.add(new X12Segment.Repeat(repeatElement, repeat));
        }
        repeat = new ArrayList<>();
    }

    X12Segment build() {
        flushRepeat();
        for (List<String> components : elements) {
            if (components.isEmpty()) {
                components.add("");
            }
        }
        return new X12Segment(position, tag, elements, repeats);
    }
}
