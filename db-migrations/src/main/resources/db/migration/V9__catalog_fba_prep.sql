-- FBA prep attributes of an item (Amazon Fulfillment Inbound 2024-03-20 names): category, prep types, who preps
-- and who labels. All optional; an FBA-bound item missing them is a data-quality finding. Audited like the rest.

ALTER TABLE catalog_item
    ADD COLUMN prep_category VARCHAR(20) NULL,
    ADD COLUMN prep_types    VARCHAR(400) NOT NULL DEFAULT '',
    ADD COLUMN prep_owner    VARCHAR(10) NULL CHECK (prep_owner IN ('AMAZON', 'SELLER', 'NONE')),
    ADD COLUMN label_owner   VARCHAR(10) NULL CHECK (label_owner IN ('AMAZON', 'SELLER', 'NONE'));

ALTER TABLE catalog_item_aud
    ADD COLUMN prep_category VARCHAR(20) NULL,
    ADD COLUMN prep_types    VARCHAR(400) NULL,
    ADD COLUMN prep_owner    VARCHAR(10) NULL,
    ADD COLUMN label_owner   VARCHAR(10) NULL;
