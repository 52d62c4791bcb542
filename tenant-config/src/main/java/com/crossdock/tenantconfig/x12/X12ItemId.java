package com.crossdock.tenantconfig.x12;

/**
 * An item identifier with its product/service id qualifier (data element 235).
 *
 * @param qualifier {@code UA} U.P.C./EAN case code (also used for the W01-03/W12-06 case code elements),
 *                  {@code VN} vendor's item,
 *                  {@code UP} U.P.C. consumer package, {@code UK} GTIN-14, {@code SK} SKU, {@code BP} buyer's part,
 *                  {@code IN} buyer's item, ...
 * @param value     the identifier
 */
public record X12ItemId(String qualifier, String value) {
}
