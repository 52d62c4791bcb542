package com.crossdock.tenantconfig.x12;

import java.util.List;

/**
 * An 856 ship notice/manifest, read as its HL hierarchy; each level keeps its segments.
 *
 * @param purpose    BSN01
 * @param shipmentId BSN02
 * @param date       BSN03, CCYYMMDD
 * @param time       BSN04
 * @param levels     the HL levels in input order
 */
public record ShipNotice856(String purpose, String shipmentId, String date, String time, List<Level> levels)
        implements X12Content, X12Outbound {

    public ShipNotice856 {
        levels = List.copyOf(levels);
    }

    /**
     * One HL level.
     *
     * @param id       HL01
     * @param parentId HL02, empty for the top level
     * @param code     HL03 (S shipment, O order, T tare, P pack, I item)
     * @param segments the segments after the HL up to the next HL (or CTT/SE)
     */
    public record Level(String id, String parentId, String code, List<X12Segment> segments) {

        public Level {
            segments = List.copyOf(segments);
        }

        /** The elements at {@code element} of every segment with the given tag and first element. */
        public List<String> values(String tag, String qualifier, int element) {
            return segments.stream().filter(s -> s.tag().equals(tag) && s.element(1).equals(qualifier))
                    .map(s -> s.element(element)).toList();
        }
    }

    /** The levels with the given HL03 code. */
    public List<Level> levels(String code) {
        return levels.stream().filter(l -> l.code().equals(code)).toList();
    }
}
