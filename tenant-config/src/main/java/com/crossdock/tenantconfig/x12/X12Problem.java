package com.crossdock.tenantconfig.x12;

/**
 * One reason an interchange is refused (or, as a warning, a deviation that was tolerated).
 *
 * @param segmentPosition   the segment's number counted from 1 at the first ISA of the input; 0 when unknown
 * @param segmentTag        the segment's tag (ISA, GS, W12, ...), or empty when unknown
 * @param elementPosition   the element's number within the segment (1-based), 0 when the whole segment is meant
 * @param componentPosition the component's number within a composite element (1-based), 0 for a simple element
 * @param reason            what is wrong, in words
 */
public record X12Problem(int segmentPosition, String segmentTag, int elementPosition, int componentPosition,
        String reason) {

    /** A problem of a whole segment. */
    static X12Problem ofSegment(int segmentPosition, String segmentTag, String reason) {
        return new X12Problem(segmentPosition, segmentTag, 0, 0, reason);
    }

    /** A problem of one simple element. */
    static X12Problem ofElement(int segmentPosition, String segmentTag, int elementPosition, String reason) {
        return new X12Problem(segmentPosition, segmentTag, elementPosition, 0, reason);
    }

    /** Where and what, e.g. {@code segment 30 (GE), element GE02: ...}. */
    public String describe() {
        StringBuilder where = new StringBuilder("segment ").append(segmentPosition);
        if (!segmentTag.isEmpty()) {
            where.append(" (").append(segmentTag).append(')');
        }
        if (elementPosition > 0) {
            where.append(", element ").append(segmentTag).append(String.format("%02d", elementPosition));
            if (componentPosition > 0) {
                where.append('-').append(String.format("%02d", componentPosition));
            }
        }
        return where.append(": ").append(reason).toString();
    }
}
