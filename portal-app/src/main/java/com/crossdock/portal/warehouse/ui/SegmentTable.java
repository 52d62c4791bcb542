package com.crossdock.portal.warehouse.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * X12 segments as people read them: one row per segment, its tag, then each element that has a value with its
 * position ({@code W12-03 CC}), so "which element is wrong" can be answered without counting asterisks.
 */
final class SegmentTable extends Div {

    private static final int SHOWN = 400;

    SegmentTable(String segments) {
        addClassName("cd-segments");
        setId("document-segment-table");
        List<String> lines = lines(segments);
        char separator = separator(lines);
        for (String line : lines.subList(0, Math.min(SHOWN, lines.size()))) {
            add(row(line, separator));
        }
        if (lines.size() > SHOWN) {
            Div more = new Div("… and " + (lines.size() - SHOWN) + " more segments: see the raw text below");
            more.addClassName("cd-muted");
            add(more);
        }
    }

    private static Div row(String line, char separator) {
        String[] elements = line.split(Pattern.quote(String.valueOf(separator)), -1);
        Div row = new Div();
        row.addClassName("cd-segment");
        Span tag = new Span(elements[0]);
        tag.addClassName("cd-segment-tag");
        row.add(tag);
        for (int i = 1; i < elements.length; i++) {
            if (elements[i].isEmpty()) {
                continue;
            }
            Span element = new Span();
            element.addClassName("cd-element");
            Span position = new Span(elements[0] + "%02d".formatted(i));
            position.addClassName("cd-element-position");
            element.add(position, new Span(elements[i]));
            row.add(element);
        }
        return row;
    }

    /** The segments, one per line, without their terminator. */
    static List<String> lines(String segments) {
        List<String> lines = new ArrayList<>();
        for (String raw : segments.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            char last = line.charAt(line.length() - 1);
            lines.add(Character.isLetterOrDigit(last) || line.length() < 3 ? line : line.substring(0, line.length() - 1));
        }
        return lines;
    }

    /** The ISA's fourth character when there is an ISA, else the usual asterisk. */
    static char separator(List<String> lines) {
        return !lines.isEmpty() && lines.getFirst().startsWith("ISA") && lines.getFirst().length() > 3
                ? lines.getFirst().charAt(3) : '*';
    }
}
