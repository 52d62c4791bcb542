-- Catalog search ("contains" on SKU or description) stays fast at a million items: trigram indexes serve
-- LIKE '%text%'. btree_gin lets the index start with tenant_id like every other tenant-owned index. Both
-- extensions are trusted, so the database owner may create them without being a superuser.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX catalog_item_sku_trigram ON catalog_item USING gin (tenant_id, upper(sku) gin_trgm_ops);
CREATE INDEX catalog_item_description_trigram ON catalog_item USING gin (tenant_id, upper(description) gin_trgm_ops);
