package com.crossdock.portal.catalog;

/** One channel identifier of an item. */
public record AliasLine(AliasKind kind, String value) {
}
