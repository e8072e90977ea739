-- Cost of goods per item, kept by the reports component in the sale's own transaction from the figures the
-- inventory component publishes (io.cuadra.inventory.events.GoodsCosted): what left on payment at the lots'
-- cost, what came back (cancellation, return) at the cost it left with. Each on the day it moved, so margin
-- over a period = net revenue (rpt_items_daily) - (out_cost - back_cost). Derived rows: no audit columns.
create table rpt_costs_daily (
    tenant_id    bigint         not null references tenants (id),
    location_id  bigint         not null references locations (id),
    business_day date           not null,
    channel      varchar(10)    not null,
    item_id      bigint         not null,
    out_cost     numeric(14, 2) not null default 0,
    back_cost    numeric(14, 2) not null default 0,
    primary key (tenant_id, business_day, location_id, channel, item_id)
);

-- A report with its filters, e-mailed as XLSX or PDF every day, week or month to a list of addresses.
create table rpt_schedules (
    id          bigint        primary key,
    tenant_id   bigint        not null references tenants (id),
    name        varchar(120)  not null,
    report      varchar(30)   not null,
    filters     varchar(2000) not null,
    format      varchar(4)    not null check (format in ('XLSX', 'PDF')),
    frequency   varchar(8)    not null check (frequency in ('DAILY', 'WEEKLY', 'MONTHLY')),
    send_at     time          not null,
    time_zone   varchar(60)   not null,
    recipients  varchar(2000) not null,
    language    varchar(5)    not null,
    active      boolean       not null default true,
    owner_user  varchar(120)  not null,
    created_at  timestamptz   not null default now(),
    created_by  varchar(120)  not null,
    updated_at  timestamptz   not null default now(),
    updated_by  varchar(120)  not null,
    version     bigint        not null default 0
);
create index rpt_schedules_tenant on rpt_schedules (tenant_id, id);

-- One row per schedule and period sent: the insert that claims a run is unique on (schedule, period), so
-- however many servers or timers look at a due schedule, only one of them makes and sends its file.
create table rpt_schedule_runs (
    id           bigint        primary key,
    tenant_id    bigint        not null references tenants (id),
    schedule_id  bigint        not null references rpt_schedules (id) on delete cascade,
    period_start date          not null,
    period_end   date          not null,
    file_name    varchar(200)  not null,
    content_type varchar(100)  not null,
    content      bytea         not null,
    rows         integer       not null,
    created_at   timestamptz   not null default now(),
    created_by   varchar(120)  not null,
    unique (schedule_id, period_start)
);
