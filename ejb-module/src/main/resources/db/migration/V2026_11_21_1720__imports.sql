-- Bulk imports of items and customers (Jakarta Batch jobs items-import / customers-import). The uploaded
-- file is kept in the database, so a failed job can be restarted from its last checkpoint on any server;
-- the job's own state (executions, checkpoints) is in the batch runtime's tables of the same database.

create table imports (
    id           bigint primary key,
    tenant_id    bigint        not null references tenants (id),
    kind         varchar(10)   not null check (kind in ('ITEMS', 'CUSTOMERS')),
    file_name    varchar(255)  not null,
    format       varchar(4)    not null check (format in ('CSV', 'XLSX')),
    header       text          not null, -- the file's header row, a JSON array (for the rejected-rows report)
    total_rows   integer       not null check (total_rows >= 0),
    item_count   integer       not null check (item_count between 1 and 5000),
    execution_id bigint,                 -- the latest job execution (a restart makes a new one)
    written      integer       not null default 0 check (written >= 0),
    rejected     integer       not null default 0 check (rejected >= 0),
    started_at   timestamptz,
    ended_at     timestamptz,
    failure      varchar(1000),
    created_at   timestamptz   not null default now(),
    created_by   varchar(120)  not null,
    updated_at   timestamptz   not null default now(),
    updated_by   varchar(120)  not null,
    version      bigint        not null default 0
);
create index imports_tenant_created_idx on imports (tenant_id, created_at desc, id desc);

create table import_files (
    id          bigint primary key,
    tenant_id   bigint        not null references tenants (id),
    import_id   bigint        not null unique references imports (id),
    content     bytea         not null,
    created_at  timestamptz   not null default now(),
    created_by  varchar(120)  not null,
    updated_at  timestamptz   not null default now(),
    updated_by  varchar(120)  not null,
    version     bigint        not null default 0
);

-- One line of the rejected-rows report, written by the job's skip listener in the chunk's transaction:
-- a chunk rolled back takes its rejections with it, so a restart reports each bad row exactly once.
create table import_rejections (
    id          bigint primary key,
    tenant_id   bigint        not null references tenants (id),
    import_id   bigint        not null references imports (id),
    row_number  integer       not null check (row_number > 0),
    reason      varchar(1000) not null,
    cells       text          not null, -- the row as read, a JSON array
    created_at  timestamptz   not null default now(),
    unique (import_id, row_number)
);
