-- Tenancy: every business row of Cuadra belongs to exactly one tenant.
-- Conventions for every business table: tenant_id, created_at/created_by, updated_at/updated_by,
-- version (optimistic locking); money numeric(12,2), quantities numeric(12,3), instants timestamptz.

create sequence cuadra_id_seq start with 1000 increment by 50;

create table tenants (
    id          bigint primary key,
    slug        varchar(40)  not null unique check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    name        varchar(120) not null,
    active      boolean      not null default true,
    created_at  timestamptz  not null default now(),
    created_by  varchar(120) not null,
    updated_at  timestamptz  not null default now(),
    updated_by  varchar(120) not null,
    version     bigint       not null default 0
);
