package com.crossdock.portal.catalog;

import com.crossdock.tenantconfig.catalog.ItemStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Tenant-owned: Hibernate adds the current tenant to every query, row-level security below it. */
interface CatalogBundleRepository extends JpaRepository<CatalogBundle, UUID> {

    @Query("select b from CatalogBundle b order by b.sku")
    List<CatalogBundle> findAllOrdered();

    Optional<CatalogBundle> findBySku(String sku);

    @Query("""
            select concat(b.sku, '|', c.componentSku) from CatalogBundleComponent c join c.bundle b
            where not exists (select i from CatalogItem i where i.sku = c.componentSku and i.status = com.crossdock.tenantconfig.catalog.ItemStatus.ACTIVE)
              and not exists (select o from CatalogBundle o where o.sku = c.componentSku)
            order by b.sku, c.componentSku""")
    List<String> componentsWithoutActiveItem();
}
