-- Work that must happen once across all servers (the daily closure of a tenant's day, the key cleanup of a
-- minute, a round of threshold alerts): every server's timer fires, the first to insert the run's row does the
-- work, the others find it taken. The key is the task and the moment (slot) it is due for; tenant_id names the
-- tenant when the work is one tenant's (null: platform-wide housekeeping).
create table scheduled_runs (
    task       varchar(100) not null,
    slot       varchar(100) not null,
    tenant_id  bigint references tenants (id),
    claimed_by varchar(500) not null,
    claimed_at timestamptz  not null default now(),
    primary key (task, slot)
);
create index scheduled_runs_claimed_at on scheduled_runs (claimed_at);
