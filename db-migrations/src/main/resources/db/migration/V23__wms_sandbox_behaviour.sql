-- How a sandbox warehouse behaves, per connection: how it ships a new order, and how long it lets documents wait
-- before it answers (a warehouse that takes its time). Ignored for live warehouses.
ALTER TABLE wms_connection
    ADD COLUMN sandbox_shipping VARCHAR(14) NOT NULL DEFAULT 'SPLIT_CARTONS'
        CHECK (sandbox_shipping IN ('SHIP_COMPLETE', 'SPLIT_CARTONS', 'SHORT_SHIP')),
    ADD COLUMN sandbox_hold_min INTEGER NOT NULL DEFAULT 0 CHECK (sandbox_hold_min BETWEEN 0 AND 1440);
