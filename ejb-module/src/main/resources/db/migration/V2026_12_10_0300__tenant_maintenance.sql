-- A tenant under maintenance (a restore, a large import by the operator) until this instant: its API answers
-- 503 with Retry-After meanwhile. Null: not under maintenance.
alter table tenants add column maintenance_until timestamptz;
