package com.crossdock.tenantconfig.x12;

import java.util.List;

/**
 * A party of an N1 loop (N1, N2, N3, N4).
 *
 * @param entityCode  N101: ST ship-to, SF ship-from, WH warehouse, DE depositor, CN consignee, BT bill-to, ...
 * @param name        N102
 * @param idQualifier N103 (9 DUNS+4, 91 assigned by seller, 92 assigned by buyer, ...), empty when absent
 * @param id          N104, empty when absent
 * @param addressLines N2 names continued, then N3 address lines, in order
 * @param city        N401
 * @param state       N402
 * @param postalCode  N403
 * @param country     N404
 */
public record X12Party(String entityCode, String name, String idQualifier, String id, List<String> addressLines,
        String city, String state, String postalCode, String country) {

    public X12Party {
        addressLines = List.copyOf(addressLines);
    }

    /** A party known only by its N1 segment. */
    public static X12Party named(String entityCode, String name, String idQualifier, String id) {
        return new X12Party(entityCode, name, idQualifier, id, List.of(), "", "", "", "");
    }
}
