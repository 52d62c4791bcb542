package com.crossdock.portal.catalog;

import com.crossdock.portal.audit.AuditEntry;
import com.crossdock.portal.audit.AuditSource;
import com.crossdock.portal.audit.EntityHistory;
import com.crossdock.tenantconfig.catalog.BundleKind;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.envers.AuditReader;
import org.springframework.stereotype.Component;

/** The catalog's part of a tenant's audit trail: items and bundles, field by field. */
@Component
class CatalogHistory implements AuditSource {

    private static final EntityHistory<CatalogItem> ITEMS = new EntityHistory<>(CatalogItem.class, "Catalog",
            CatalogItem::sku)
            .field("SKU", CatalogItem::sku)
            .field("description", CatalogItem::description)
            .field("status", item -> item.status().label())
            .field("handling", CatalogItem::handling)
            .field("FBA prep", CatalogItem::prepSummary);

    private static final EntityHistory<CatalogBundle> BUNDLES = new EntityHistory<>(CatalogBundle.class, "Catalog",
            bundle -> "bundle " + bundle.sku())
            .field("SKU", CatalogBundle::sku)
            .field("kind", bundle -> bundle.kind() == BundleKind.VIRTUAL ? "virtual" : "physical kit")
            .field("components", CatalogBundle::componentsSummary);

    @Override
    public String entityType() {
        return "Catalog";
    }

    @Override
    public List<AuditEntry> entries(AuditReader reader, TenantId tenant) {
        List<AuditEntry> entries = new ArrayList<>(ITEMS.ofTenant(reader, tenant.value(), CatalogItem::id));
        entries.addAll(BUNDLES.ofTenant(reader, tenant.value(), CatalogBundle::id));
        return entries;
    }
}
