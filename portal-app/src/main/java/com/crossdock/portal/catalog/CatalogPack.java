package com.crossdock.portal.catalog;

import com.crossdock.portal.tenancy.TenantOwnedEntity;
import com.crossdock.tenantconfig.catalog.PackLevel;
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

/** One pack level of an item: how many eaches it holds, its size, weight and barcode. */
@Entity
@Table(name = "catalog_pack")
class CatalogPack extends TenantOwnedEntity {

    @Id
    private UUID id = UUID.randomUUID();

    @ManyToOne(optional = false)
    @JoinColumn(name = "item_id")
    private @Nullable CatalogItem item;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PackLevel level = PackLevel.EACH;

    private int eaches = 1;

    @Column(name = "length_mm")
    private @Nullable Integer lengthMm;

    @Column(name = "width_mm")
    private @Nullable Integer widthMm;

    @Column(name = "height_mm")
    private @Nullable Integer heightMm;

    @Column(name = "weight_g")
    private @Nullable Integer weightG;

    private @Nullable String gtin14;

    protected CatalogPack() {
    }

    CatalogPack(CatalogItem item, PackLine line) {
        this.item = item;
        this.level = line.level();
        this.eaches = line.eaches();
        this.lengthMm = line.lengthMm();
        this.widthMm = line.widthMm();
        this.heightMm = line.heightMm();
        this.weightG = line.weightG();
        this.gtin14 = line.gtin() == null || line.gtin().isBlank() ? null
                : com.crossdock.tenantconfig.catalog.Gtin.parse(line.gtin().strip()).gtin14();
    }

    PackLevel level() {
        return level;
    }

    @Nullable String gtin14() {
        return gtin14;
    }

    PackLine line() {
        return new PackLine(level, eaches, lengthMm, widthMm, heightMm, weightG, gtin14);
    }
}
