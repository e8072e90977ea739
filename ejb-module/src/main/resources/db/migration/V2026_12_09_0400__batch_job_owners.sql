-- Batch jobs outlive the server that started them (cluster lane, issue 22). Each server beats here while it runs
-- (booted_at tells a restarted server from the one that went down); each job execution names the server running
-- it. An execution still STARTED whose server stopped beating, or restarted since, is taken by a live server,
-- marked failed and restarted from its last checkpoint; restarted_as then names the new execution.
create table server_heartbeats (
    server_id  varchar(500) primary key,
    booted_at  timestamptz  not null,
    beat_at    timestamptz  not null
);

create table batch_job_owners (
    execution_id bigint       primary key,
    job_name     varchar(200) not null,
    tenant_id    bigint references tenants (id),
    server_id    varchar(500) not null,
    owned_at     timestamptz  not null default now(),
    restarted_as bigint
);
create index batch_job_owners_open on batch_job_owners (server_id) where restarted_as is null;
