package com.crossdock.portal.catalog;

import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.prep.PrepAttributes;
import java.util.List;

/** An item as entered, with all its packs, aliases and FBA prep attributes; validated by {@link CatalogService}. */
public record ItemCommand(String sku, String description, ItemStatus status, boolean lotTracked,
        boolean expiryTracked, boolean serialTracked, boolean hazmat, List<PackLine> packs, List<AliasLine> aliases,
        PrepAttributes prep) {

    public ItemCommand {
        packs = packs == null ? List.of() : List.copyOf(packs);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        prep = prep == null ? PrepAttributes.none() : prep;
    }

    /** An item without FBA prep attributes. */
    public ItemCommand(String sku, String description, ItemStatus status, boolean lotTracked, boolean expiryTracked,
            boolean serialTracked, boolean hazmat, List<PackLine> packs, List<AliasLine> aliases) {
        this(sku, description, status, lotTracked, expiryTracked, serialTracked, hazmat, packs, aliases,
                PrepAttributes.none());
    }
}
