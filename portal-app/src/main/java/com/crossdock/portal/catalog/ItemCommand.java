package com.crossdock.portal.catalog;

import java.util.List;

/** An item as entered, with all its packs and aliases; validated by {@link CatalogService}. */
public record ItemCommand(String sku, String description, ItemStatus status, boolean lotTracked,
        boolean expiryTracked, boolean serialTracked, boolean hazmat, List<PackLine> packs, List<AliasLine> aliases) {

    public ItemCommand {
        packs = packs == null ? List.of() : List.copyOf(packs);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
