-- Threshold alerts a tenant sets per location ("sales today at LIM01 below S/ 2,000 by 18:00", "open discrepancies
-- above 3"): checked from the check time on, raised at most once per location day (last_raised_on, set by the
-- statement that claims the raise, so two servers never raise it twice).
create table rpt_alert_rules (
    id             bigint         primary key,
    tenant_id      bigint         not null references tenants (id),
    location_id    bigint         not null references locations (id),
    kind           varchar(24)    not null check (kind in ('SALES_BELOW', 'DISCREPANCIES_ABOVE')),
    threshold      numeric(14, 2) not null check (threshold >= 0),
    check_at       time           not null,
    active         boolean        not null default true,
    last_raised_on date,
    created_at     timestamptz    not null default now(),
    created_by     varchar(120)   not null,
    updated_at     timestamptz    not null default now(),
    updated_by     varchar(120)   not null,
    version        bigint         not null default 0
);
create index rpt_alert_rules_tenant on rpt_alert_rules (tenant_id, location_id);
