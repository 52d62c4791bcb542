package com.crossdock.portal.catalog;

import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Tenant-owned: Hibernate adds the current tenant to every query, row-level security below it. */
interface CatalogItemRepository extends JpaRepository<CatalogItem, UUID> {

    /**
     * A "contains" match on SKU or description. Kept free of a "no filter" branch: an OR with a parameter hides the
     * trigram indexes (V11) from the planner, so the unfiltered list has queries of its own.
     */
    String MATCHES = "(upper(i.sku) like :pattern or upper(i.description) like :pattern)";

    String SUMMARY = """
            select new com.crossdock.portal.catalog.ItemSummary(i.id, i.sku, i.description, i.status,
                (select max(p.gtin14) from CatalogPack p where p.item = i
                    and p.level = com.crossdock.tenantconfig.catalog.PackLevel.EACH),
                (select cast(count(p) as int) from CatalogPack p where p.item = i),
                (select cast(count(a) as int) from CatalogAlias a where a.item = i))
            from CatalogItem i""";

    @Query(SUMMARY + " where " + MATCHES)
    List<ItemSummary> search(String pattern, Pageable page);

    @Query(SUMMARY)
    List<ItemSummary> page(Pageable page);

    @Query("select count(i) from CatalogItem i where " + MATCHES)
    long countMatching(String pattern);

    boolean existsBySkuAndIdNot(String sku, UUID id);

    @Query("""
            select i.sku from CatalogItem i where upper(i.sku) in (
                select upper(d.sku) from CatalogItem d group by upper(d.sku) having count(d) > 1)
            order by upper(i.sku), i.sku""")
    List<String> skusDuplicatedIgnoringCase();

    @Query("""
            select concat(a.kind, '|', a.value, '|', a.item.sku) from CatalogAlias a
            where concat(a.kind, '|', a.value) in (
                select concat(b.kind, '|', b.value) from CatalogAlias b group by b.kind, b.value
                having count(distinct b.item) > 1)
            order by a.kind, a.value, a.item.sku""")
    List<String> collidingAliases();

    @Query("""
            select i.sku from CatalogItem i where i.status = com.crossdock.tenantconfig.catalog.ItemStatus.ACTIVE and not exists (
                select p from CatalogPack p where p.item = i and p.level = com.crossdock.tenantconfig.catalog.PackLevel.EACH)
            order by i.sku""")
    List<String> activeWithoutEachPack();

    /** Items an Amazon FNSKU names: they ship to FBA, so they need prep attributes. */
    @Query("""
            select i from CatalogItem i where exists (
                select a from CatalogAlias a where a.item = i and a.kind = com.crossdock.tenantconfig.catalog.AliasKind.AMAZON_FNSKU)
            order by i.sku""")
    List<CatalogItem> fbaBound();

    /** The last "compare prep with Amazon" differences: master SKU, seller SKU, field, ours, Amazon's. */
    @Query(value = """
            SELECT master_sku, msku, field, ours, amazons FROM amazon_prep_mismatch
            ORDER BY master_sku, msku, field""", nativeQuery = true)
    List<Object[]> amazonPrepMismatches();

    @Query("select p.item.sku, p.level, p.eaches from CatalogPack p order by p.item.sku, p.level")
    List<Object[]> packLevels();

    @Query("""
            select p.item.sku from CatalogPack p where p.gtin14 = :gtin14 and p.item.id <> :itemId""")
    List<String> skusUsingGtin(String gtin14, UUID itemId);

    @Query("""
            select a.value, a.item.sku from CatalogAlias a where a.kind = :kind and a.value in :values
            order by a.value, a.item.sku""")
    List<Object[]> aliasMatches(com.crossdock.tenantconfig.catalog.AliasKind kind, java.util.Collection<String> values);

    /** Active items' SKUs with the value of each of their aliases of {@code kind} (null when they have none). */
    @Query("""
            select i.sku, a.value from CatalogItem i left join CatalogAlias a on a.item = i and a.kind = :kind
            where i.status = com.crossdock.tenantconfig.catalog.ItemStatus.ACTIVE order by i.sku, a.value""")
    List<Object[]> activeSkusWithAliases(com.crossdock.tenantconfig.catalog.AliasKind kind);

    @Query("select i.sku from CatalogItem i where i.sku in :skus")
    List<String> existingSkus(java.util.Collection<String> skus);
}
