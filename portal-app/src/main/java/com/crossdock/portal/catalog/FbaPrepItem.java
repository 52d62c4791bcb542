package com.crossdock.portal.catalog;

import com.crossdock.tenantconfig.prep.PrepAttributes;

/**
 * An FBA-bound item (it has an FNSKU) under one of its Amazon seller SKUs, with its prep attributes.
 *
 * @param sku  the master SKU
 * @param msku the Amazon seller SKU
 * @param prep the item's FBA prep attributes
 */
public record FbaPrepItem(String sku, String msku, PrepAttributes prep) {
}
