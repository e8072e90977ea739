-- A closure reads the orders cancelled in its day whatever day they were registered (their refunds and
-- credit notes belong to the day of the cancellation): an index on when they were cancelled.
create index orders_location_cancelled_idx on orders (tenant_id, location_id, cancelled_at) where cancelled_at is not null;
