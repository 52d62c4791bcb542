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
import org.hibernate.envers.AuditOverride;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/** A bundle or kit of a tenant and its components. */
@Entity
@Table(name = "catalog_bundle")
@Audited
@AuditOverride(forClass = TenantOwnedEntity.class)
class CatalogBundle extends TenantOwnedEntity {

    @Id
    private UUID id = UUID.randomUUID();

    @Column(nullable = false)
    private String sku = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BundleKind kind = BundleKind.VIRTUAL;

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
    @OneToMany(mappedBy = "bundle", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("componentSku")
    private List<CatalogBundleComponent> components = new ArrayList<>();

    /** The components in one line, kept with each revision so the audit trail shows what a bundle held. */
    @Column(name = "components_summary", nullable = false)
    private String componentsSummary = "";

    protected CatalogBundle() {
    }

    void define(BundleDefinition definition, Instant now, String actor) {
        this.sku = definition.sku().value();
        this.kind = definition.kind();
        this.updatedAt = now;
        this.updatedBy = actor;
        definition.components().forEach(component -> components.add(new CatalogBundleComponent(this, component)));
        componentsSummary = String.join(", ", definition.components().stream()
                .map(component -> component.quantity() + " × " + component.sku().value()).toList());
    }

    /** Drops the components; flush before adding new ones, so their unique keys are free again. */
    void clearComponents() {
        components.clear();
    }

    UUID id() {
        return id;
    }

    String sku() {
        return sku;
    }

    BundleKind kind() {
        return kind;
    }

    String componentsSummary() {
        return componentsSummary;
    }

    long version() {
        return version;
    }

    BundleDefinition definition() {
        return new BundleDefinition(Sku.of(sku), kind, components.stream().map(CatalogBundleComponent::line).toList());
    }
}
