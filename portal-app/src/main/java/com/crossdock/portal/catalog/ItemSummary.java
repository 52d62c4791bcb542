package com.crossdock.portal.catalog;

import com.crossdock.tenantconfig.catalog.ItemStatus;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An item as the catalog list shows it. */
public record ItemSummary(UUID id, String sku, String description, ItemStatus status, @Nullable String eachGtin,
        int packs, int aliases) {
}
