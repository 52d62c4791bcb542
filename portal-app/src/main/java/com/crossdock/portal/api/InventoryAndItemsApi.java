package com.crossdock.portal.api;

import com.crossdock.portal.api.ApiModels.InventoryLevel;
import com.crossdock.portal.api.ApiModels.Item;
import com.crossdock.portal.api.ApiModels.Page;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemSummary;
import com.crossdock.portal.sync.StockLevel;
import com.crossdock.portal.sync.SyncService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Inventory (the warehouse's on-hand and available units per SKU) and the catalog's items, read only. */
@RestController
@Tag(name = "Inventory and items")
class InventoryAndItemsApi {

    private final SyncService sync;
    private final CatalogService catalog;

    InventoryAndItemsApi(SyncService sync, CatalogService catalog) {
        this.sync = sync;
        this.catalog = catalog;
    }

    @GetMapping(path = "/api/v1/inventory", produces = "application/json")
    @PreAuthorize("hasAuthority('SCOPE_inventory:read')")
    @Operation(summary = "List stock per SKU", description = "The warehouse's last report per master SKU, in SKU "
            + "order. Scope inventory:read.")
    Page<InventoryLevel> inventory(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            @Parameter(description = "Only SKUs reported at or after this instant") @Nullable Instant updatedSince,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Parameter(description = "1 to 200, default 50") @Nullable Integer limit) {
        int from = Cursors.offset(cursor);
        int size = Cursors.limit(limit);
        List<StockLevel> levels = sync.stockLevels(Callers.current().tenant()).stream()
                .filter(level -> updatedSince == null || !level.asOf().isBefore(updatedSince)).toList();
        List<InventoryLevel> page = levels.stream().skip(from).limit(size)
                .map(level -> new InventoryLevel(level.sku(), level.onHand(), level.available(), level.asOf()))
                .toList();
        return new Page<>(page, from + size < levels.size() ? Cursors.offset(from + size) : null);
    }

    @GetMapping(path = "/api/v1/items", produces = "application/json")
    @PreAuthorize("hasAuthority('SCOPE_items:read')")
    @Operation(summary = "List catalog items", description = "In SKU order, optionally matching a text. Scope "
            + "items:read.")
    Page<Item> items(
            @RequestParam(required = false) @Parameter(description = "SKU, description or barcode text") @Nullable String q,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Parameter(description = "1 to 200, default 50") @Nullable Integer limit) {
        int from = Cursors.offset(cursor);
        int size = Cursors.limit(limit);
        List<ItemSummary> items = catalog.search(Callers.current().tenant(), q == null ? "" : q, from, size + 1);
        return new Page<>(items.stream().limit(size).map(item -> new Item(item.id(), item.sku(), item.description(),
                item.status().name(), item.eachGtin())).toList(), items.size() > size ? Cursors.offset(from + size)
                : null);
    }
}
