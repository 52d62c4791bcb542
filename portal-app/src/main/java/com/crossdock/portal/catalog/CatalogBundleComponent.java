package com.crossdock.portal.catalog;

import com.crossdock.portal.tenancy.TenantOwnedEntity;
import com.crossdock.tenantconfig.catalog.BundleDefinition;
import com.crossdock.tenantconfig.catalog.Sku;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One component line of a bundle. */
@Entity
@Table(name = "catalog_bundle_component")
class CatalogBundleComponent extends TenantOwnedEntity {

    @Id
    private UUID id = UUID.randomUUID();

    @ManyToOne(optional = false)
    @JoinColumn(name = "bundle_id")
    private @Nullable CatalogBundle bundle;

    @Column(name = "component_sku", nullable = false)
    private String componentSku = "";

    private int quantity = 1;

    protected CatalogBundleComponent() {
    }

    CatalogBundleComponent(CatalogBundle bundle, BundleDefinition.Component component) {
        this.bundle = bundle;
        this.componentSku = component.sku().value();
        this.quantity = component.quantity();
    }

    BundleDefinition.Component line() {
        return new BundleDefinition.Component(Sku.of(componentSku), quantity);
    }
}
