-- The cash count belongs to the closure: a day that took cash is closed only with a saved drawer count,
-- unless the tenant relaxes it here. One row per tenant; a tenant without a row requires the count.
create table reconciliation_settings (
    id                   bigint primary key,
    tenant_id            bigint       not null unique references tenants (id),
    cash_count_required  boolean      not null default true,
    created_at           timestamptz  not null default now(),
    created_by           varchar(120) not null,
    updated_at           timestamptz  not null default now(),
    updated_by           varchar(120) not null,
    version              bigint       not null default 0
);

-- Whoever may count the drawer saves the count: the accountant too (cashiers and supervisors already could).
insert into role_permissions (role_id, module, action)
select r.id, 'RECONCILIATION', 'CREATE' from roles r where r.code = 'ACCOUNTANT'
on conflict do nothing;
