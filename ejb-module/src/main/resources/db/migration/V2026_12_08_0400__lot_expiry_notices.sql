-- The daily lot expiry check warns once per lot, location and business day, however many times or on however
-- many servers it runs: the row is claimed with the messages, in their transaction.
create table notification_lot_notices (
    tenant_id     bigint      not null references tenants (id),
    location_id   bigint      not null,
    lot_id        bigint      not null,
    business_date date        not null,
    created_at    timestamptz not null default now(),
    primary key (tenant_id, location_id, lot_id, business_date)
);
