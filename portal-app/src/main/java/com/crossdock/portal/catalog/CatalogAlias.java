package com.crossdock.portal.catalog;

import com.crossdock.portal.tenancy.TenantOwnedEntity;
import com.crossdock.tenantconfig.catalog.AliasKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One identifier a channel knows an item by. */
@Entity
@Table(name = "catalog_alias")
class CatalogAlias extends TenantOwnedEntity {

    @Id
    private UUID id = UUID.randomUUID();

    @ManyToOne(optional = false)
    @JoinColumn(name = "item_id")
    private @Nullable CatalogItem item;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AliasKind kind = AliasKind.SHOPIFY_VARIANT_SKU;

    @Column(nullable = false)
    private String value = "";

    protected CatalogAlias() {
    }

    CatalogAlias(CatalogItem item, AliasLine line) {
        this.item = item;
        this.kind = line.kind();
        this.value = line.value().strip();
    }

    AliasLine line() {
        return new AliasLine(kind, value);
    }
}
