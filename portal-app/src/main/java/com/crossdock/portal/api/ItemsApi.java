package com.crossdock.portal.api;

import com.crossdock.portal.api.ApiModels.ItemDetail;
import com.crossdock.portal.api.ApiModels.ItemInput;
import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.CatalogValidationException;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.ItemDetails;
import com.crossdock.portal.catalog.ItemSummary;
import com.crossdock.portal.catalog.NoSuchItemException;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.prep.PrepAttributes;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.truth.DataType;
import com.crossdock.tenantconfig.truth.OwnershipCheck;
import com.crossdock.tenantconfig.truth.SystemKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One catalog item: read it with its ETag, create one, replace one only against the version read ({@code If-Match}).
 * Writes are taken only while Crossdock or the brand's ERP owns master SKU data in the tenant's source of truth;
 * when a store owns it, the store is where items change.
 */
@RestController
@RequestMapping(path = "/api/v1/items", produces = "application/json")
@Tag(name = "Inventory and items")
class ItemsApi {

    private final CatalogService catalog;
    private final GovernanceService governance;
    private final IdempotentPosts idempotent;

    ItemsApi(CatalogService catalog, GovernanceService governance, IdempotentPosts idempotent) {
        this.catalog = catalog;
        this.governance = governance;
        this.idempotent = idempotent;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SCOPE_items:read')")
    @Operation(summary = "Read an item", description = "With its packs and channel identifiers. The ETag is its "
            + "version: send it as If-Match to update. Scope items:read.")
    ResponseEntity<ItemDetail> read(@PathVariable UUID id) {
        ItemDetails item = find(Callers.current().tenant(), id);
        return ResponseEntity.ok().eTag(etag(item.version())).body(ItemDetail.of(item));
    }

    @PostMapping(consumes = "application/json")
    @PreAuthorize("hasAuthority('SCOPE_items:write')")
    @Operation(summary = "Create an item", description = "Only while Crossdock or the brand's ERP owns master SKU "
            + "data. Scope items:write.")
    @ApiResponse(responseCode = "201", description = "Created, or the first answer again for a repeated key")
    @ApiResponse(responseCode = "409", description = "Another system owns master SKU data for this brand")
    ResponseEntity<ItemDetail> create(@RequestBody ItemInput item, HttpServletRequest request,
            @RequestHeader(IdempotentPosts.HEADER) @Nullable String idempotencyKey) {
        return idempotent.once(request, idempotencyKey, item, ItemDetail.class, () -> {
            TenantId tenant = Callers.current().tenant();
            requireWritable(tenant);
            ItemSummary saved = catalog.save(tenant, null, command(item, PrepAttributes.none()), 0);
            ItemDetails created = find(tenant, saved.id());
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/items/" + saved.id()))
                    .eTag(etag(created.version())).body(ItemDetail.of(created));
        });
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @PreAuthorize("hasAuthority('SCOPE_items:write')")
    @Operation(summary = "Update an item", description = "Replaces the item with what is sent, against the version "
            + "read (If-Match); FBA prep attributes stay. Only while Crossdock or the brand's ERP owns master SKU "
            + "data. Scope items:write.")
    @ApiResponse(responseCode = "200", description = "Updated; the new ETag is in the answer")
    @ApiResponse(responseCode = "409", description = "Another system owns master SKU data for this brand")
    @ApiResponse(responseCode = "412", description = "Changed since it was read (If-Match)")
    @ApiResponse(responseCode = "428", description = "No If-Match: read the item first and send its ETag")
    ResponseEntity<ItemDetail> update(@PathVariable UUID id, @RequestBody ItemInput item,
            @RequestHeader(name = "If-Match", required = false) @Parameter(description = "The ETag read before")
            @Nullable String ifMatch) {
        TenantId tenant = Callers.current().tenant();
        ItemDetails before = find(tenant, id);
        requireWritable(tenant);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblemException(HttpStatus.PRECONDITION_REQUIRED, "If-Match needed",
                    "Read the item first and send its ETag as If-Match, so a change made meanwhile is not lost");
        }
        if (!ifMatch.strip().equals(etag(before.version()))) {
            throw stale();
        }
        try {
            catalog.save(tenant, id, command(item, before.item().prep()), before.version());
        } catch (ObjectOptimisticLockingFailureException changedMeanwhile) {
            throw stale();
        }
        ItemDetails after = find(tenant, id);
        return ResponseEntity.ok().eTag(etag(after.version())).body(ItemDetail.of(after));
    }

    private void requireWritable(TenantId tenant) {
        OwnershipCheck check = governance.check(tenant, DataType.MASTER_SKU_DATA, SystemKind.ERP);
        if (!check.allowed()) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "Owned by " + check.owner().label(),
                    check.refusal("an item write through the API"));
        }
    }

    private ItemDetails find(TenantId tenant, UUID id) {
        try {
            return catalog.item(tenant, id);
        } catch (NoSuchItemException missing) {
            throw ApiProblemException.notFound("Item " + id);
        }
    }

    private static ApiProblemException stale() {
        return new ApiProblemException(HttpStatus.PRECONDITION_FAILED, "Changed since read",
                "The item changed since you read it; read it again, apply your change to it and send it with the new "
                        + "ETag");
    }

    static String etag(long version) {
        return "\"item-v" + version + "\"";
    }

    /** The catalog's command, or field errors (as the catalog's own) for values the API cannot read. */
    private static ItemCommand command(ItemInput item, PrepAttributes prep) {
        Map<String, String> problems = new LinkedHashMap<>();
        ItemStatus status = item.status() == null ? ItemStatus.ACTIVE
                : parse(ItemStatus.class, item.status(), "status", problems);
        List<PackLine> packs = new ArrayList<>();
        List<ApiModels.ItemPack> givenPacks = item.packs() == null ? List.of() : item.packs();
        for (int i = 0; i < givenPacks.size(); i++) {
            ApiModels.ItemPack pack = givenPacks.get(i);
            PackLevel level = parse(PackLevel.class, pack.level(), "packs[" + i + "].level", problems);
            packs.add(new PackLine(level, pack.eaches(), pack.lengthMm(), pack.widthMm(), pack.heightMm(),
                    pack.weightG(), pack.gtin()));
        }
        List<AliasLine> aliases = new ArrayList<>();
        List<ApiModels.ItemAlias> givenAliases = item.aliases() == null ? List.of() : item.aliases();
        for (int i = 0; i < givenAliases.size(); i++) {
            ApiModels.ItemAlias alias = givenAliases.get(i);
            aliases.add(new AliasLine(parse(AliasKind.class, alias.kind(), "aliases[" + i + "].kind", problems),
                    alias.value()));
        }
        if (!problems.isEmpty()) {
            throw new CatalogValidationException(problems);
        }
        return new ItemCommand(item.sku() == null ? "" : item.sku(),
                item.description() == null ? "" : item.description(), status, isTrue(item.lotTracked()),
                isTrue(item.expiryTracked()), isTrue(item.serialTracked()), isTrue(item.hazmat()), packs, aliases,
                prep);
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value, String field,
            Map<String, String> problems) {
        for (E constant : type.getEnumConstants()) {
            if (value != null && constant.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                return constant;
            }
        }
        problems.put(field, "Use one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                .map(Enum::name).toList()));
        return null;
    }

    private static boolean isTrue(@Nullable Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
