-- One gap-free counter table for every component that numbers what it issues (GapFreeCounters): orders
-- per location and year, fiscal series per location, purchasing documents per kind and year. The rows of
-- the three tables it replaces move here with their last number, so numbering continues without a gap.
create table numbering_counters (
    tenant_id   bigint       not null references tenants (id),
    counter     varchar(16)  not null check (counter in ('ORDER', 'FISCAL_SERIES', 'PURCHASING')),
    scope       varchar(64)  not null,
    last_number bigint       not null check (last_number > 0),
    created_at  timestamptz  not null default now(),
    created_by  varchar(120) not null,
    updated_at  timestamptz  not null default now(),
    updated_by  varchar(120) not null,
    version     bigint       not null default 0,
    primary key (tenant_id, counter, scope)
);

insert into numbering_counters (tenant_id, counter, scope, last_number, created_at, created_by, updated_at,
                                updated_by, version)
select tenant_id, 'ORDER', location_id || '/' || year, last_number, created_at, created_by, updated_at,
       updated_by, version
  from order_counters;

insert into numbering_counters (tenant_id, counter, scope, last_number, created_at, created_by, updated_at,
                                updated_by, version)
select tenant_id, 'FISCAL_SERIES', location_id || '/' || series, next_number - 1, created_at, created_by,
       updated_at, updated_by, version
  from billing_series_counters
 where next_number > 1;

insert into numbering_counters (tenant_id, counter, scope, last_number, created_by, updated_by)
select tenant_id, 'PURCHASING', kind || '/' || year, last_number, 'system:migration', 'system:migration'
  from purchasing_counters
 where last_number > 0;

drop table order_counters;
drop table billing_series_counters;
drop table purchasing_counters;
