package com.crossdock.portal.catalog;

import java.util.UUID;

/** An item with everything it holds, and the version an edit is based on. */
public record ItemDetails(UUID id, ItemCommand item, long version) {
}
