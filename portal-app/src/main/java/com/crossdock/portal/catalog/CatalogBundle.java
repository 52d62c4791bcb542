package com.crossdock.portal.catalog;

import com.crossdock.portal.tenancy.TenantOwnedEntity;
import com.crossdock.tenantconfig.catalog.BundleDefinition;
import com.crossdock.tenantconfig.catalog.BundleKind;
import com.crossdock.tenantconfig.catalog.Sku;
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

/** A bundle or kit of a tenant and its components. */
@Entity
@Table(name = "catalog_bundle")
class CatalogBundle extends TenantOwnedEntity {

    @Id
    private UUID id = UUID.randomUUID();

    @Column(nullable = false)
    private String sku = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BundleKind kind = BundleKind.VIRTUAL;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy = "";

    @Version
    private long version;

    @OneToMany(mappedBy = "bundle", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("componentSku")
    private List<CatalogBundleComponent> components = new ArrayList<>();

    protected CatalogBundle() {
    }

    void define(BundleDefinition definition, Instant now, String actor) {
        this.sku = definition.sku().value();
        this.kind = definition.kind();
        this.updatedAt = now;
        this.updatedBy = actor;
        components.clear();
        definition.components().forEach(component -> components.add(new CatalogBundleComponent(this, component)));
    }

    UUID id() {
        return id;
    }

    long version() {
        return version;
    }

    BundleDefinition definition() {
        return new BundleDefinition(Sku.of(sku), kind, components.stream().map(CatalogBundleComponent::line).toList());
    }
}
