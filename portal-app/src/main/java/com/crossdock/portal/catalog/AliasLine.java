package com.crossdock.portal.catalog;

import com.crossdock.tenantconfig.catalog.AliasKind;

/** One channel identifier of an item. */
public record AliasLine(AliasKind kind, String value) {
}
