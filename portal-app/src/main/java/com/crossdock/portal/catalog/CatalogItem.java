package com.crossdock.portal.catalog;

import com.crossdock.portal.tenancy.TenantOwnedEntity;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.prep.PrepAttributes;
import com.crossdock.tenantconfig.prep.PrepCategory;
import com.crossdock.tenantconfig.prep.PrepOwner;
import com.crossdock.tenantconfig.prep.PrepType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.envers.AuditOverride;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.jspecify.annotations.Nullable;

/** One item of a tenant's item master. */
@Entity
@Table(name = "catalog_item")
@Audited
@AuditOverride(forClass = TenantOwnedEntity.class)
class CatalogItem extends TenantOwnedEntity {

    @Id
    private UUID id = UUID.randomUUID();

    @Column(nullable = false)
    private String sku = "";

    @Column(nullable = false)
    private String description = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ItemStatus status = ItemStatus.ACTIVE;

    @Column(name = "lot_tracked")
    private boolean lotTracked;

    @Column(name = "expiry_tracked")
    private boolean expiryTracked;

    @Column(name = "serial_tracked")
    private boolean serialTracked;

    private boolean hazmat;

    @Enumerated(EnumType.STRING)
    @Column(name = "prep_category")
    private @Nullable PrepCategory prepCategory;

    /** Prep types, comma-separated, as Amazon names them. */
    @Column(name = "prep_types", nullable = false)
    private String prepTypes = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "prep_owner")
    private @Nullable PrepOwner prepOwner;

    @Enumerated(EnumType.STRING)
    @Column(name = "label_owner")
    private @Nullable PrepOwner labelOwner;

    @NotAudited
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.EPOCH;

    @NotAudited
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    @NotAudited
    @Column(name = "updated_by", nullable = false)
    private String updatedBy = "";

    @NotAudited
    @Version
    private long version;

    @NotAudited
    @OneToMany(mappedBy = "item", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("level")
    private List<CatalogPack> packs = new ArrayList<>();

    @NotAudited
    @OneToMany(mappedBy = "item", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("kind, value")
    private List<CatalogAlias> aliases = new ArrayList<>();

    protected CatalogItem() {
    }

    CatalogItem(Instant now) {
        this.createdAt = now;
    }

    void describe(ItemCommand command, Instant now, String actor) {
        this.sku = command.sku().strip();
        this.description = command.description().strip();
        this.status = command.status();
        this.lotTracked = command.lotTracked();
        this.expiryTracked = command.expiryTracked();
        this.serialTracked = command.serialTracked();
        this.hazmat = command.hazmat();
        this.prepCategory = command.prep().category();
        this.prepTypes = String.join(",", command.prep().types().stream().map(Enum::name).sorted().toList());
        this.prepOwner = command.prep().prepOwner();
        this.labelOwner = command.prep().labelOwner();
        this.updatedAt = now;
        this.updatedBy = actor;
        command.packs().forEach(line -> packs.add(new CatalogPack(this, line)));
        command.aliases().forEach(line -> aliases.add(new CatalogAlias(this, line)));
    }

    /** Drops the packs and aliases; flush before adding new ones, so their unique keys are free again. */
    void clearChildren() {
        packs.clear();
        aliases.clear();
    }

    UUID id() {
        return id;
    }

    String description() {
        return description;
    }

    ItemStatus status() {
        return status;
    }

    PrepAttributes prep() {
        java.util.Set<PrepType> types = prepTypes.isBlank() ? java.util.Set.of()
                : java.util.Arrays.stream(prepTypes.split(",")).map(PrepType::valueOf)
                        .collect(java.util.stream.Collectors.toSet());
        return new PrepAttributes(prepCategory, types, prepOwner, labelOwner);
    }

    /** The FBA prep attributes in words, for the audit trail. */
    String prepSummary() {
        return "category %s; types %s; prep by %s; labels by %s".formatted(
                prepCategory == null ? "none" : prepCategory, prepTypes.isBlank() ? "none" : prepTypes,
                prepOwner == null ? "nobody yet" : prepOwner, labelOwner == null ? "nobody yet" : labelOwner);
    }

    /** The tracking and hazard flags in words, for the audit trail. */
    String handling() {
        List<String> flags = new ArrayList<>();
        if (lotTracked) {
            flags.add("lot");
        }
        if (expiryTracked) {
            flags.add("expiry");
        }
        if (serialTracked) {
            flags.add("serial");
        }
        if (hazmat) {
            flags.add("hazmat");
        }
        return flags.isEmpty() ? "none" : String.join(", ", flags);
    }

    String sku() {
        return sku;
    }

    long version() {
        return version;
    }

    ItemSummary summary() {
        String gtin = packs.stream().filter(p -> p.level() == PackLevel.EACH).map(CatalogPack::gtin14)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return new ItemSummary(id, sku, description, status, gtin, packs.size(), aliases.size());
    }

    ItemDetails details() {
        return new ItemDetails(id, new ItemCommand(sku, description, status, lotTracked, expiryTracked, serialTracked,
                hazmat, packs.stream().sorted(java.util.Comparator.comparing(CatalogPack::level))
                        .map(CatalogPack::line).toList(),
                aliases.stream().map(CatalogAlias::line).toList(), prep()), version);
    }
}
