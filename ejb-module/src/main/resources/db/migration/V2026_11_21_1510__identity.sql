-- Identity and access: company, locations, users, roles with a permission matrix, sessions, audit.

create table companies (
    id                  bigint primary key,
    tenant_id           bigint       not null unique references tenants (id),
    country             char(2)      not null,
    tax_id              varchar(20)  not null,
    legal_name          varchar(200) not null,
    trade_name          varchar(200),
    fiscal_address      varchar(300) not null,
    district            varchar(100),
    province            varchar(100),
    department          varchar(100),
    ubigeo              varchar(6),
    currency            char(3)      not null,
    default_tax_percent numeric(5, 2) not null,
    prices_include_tax  boolean      not null default true,
    time_zone           varchar(60)  not null,
    logo                bytea,
    logo_content_type   varchar(60),
    created_at          timestamptz  not null default now(),
    created_by          varchar(120) not null,
    updated_at          timestamptz  not null default now(),
    updated_by          varchar(120) not null,
    version             bigint       not null default 0
);

create table locations (
    id                      bigint primary key,
    tenant_id               bigint       not null references tenants (id),
    code                    varchar(10)  not null check (code ~ '^[A-Z0-9]{2,10}$'),
    name                    varchar(120) not null,
    address                 varchar(300),
    phone                   varchar(20),
    email                   varchar(200),
    time_zone               varchar(60)  not null,
    sunat_establishment     char(4)      not null default '0000',
    invoice_series          char(4),
    receipt_series          char(4),
    invoice_credit_series   char(4),
    receipt_credit_series   char(4),
    active                  boolean      not null default true,
    created_at              timestamptz  not null default now(),
    created_by              varchar(120) not null,
    updated_at              timestamptz  not null default now(),
    updated_by              varchar(120) not null,
    version                 bigint       not null default 0,
    unique (tenant_id, code),
    check (invoice_series is null or invoice_series ~ '^F[A-Z0-9]{3}$'),
    check (receipt_series is null or receipt_series ~ '^B[A-Z0-9]{3}$'),
    check (invoice_credit_series is null or invoice_credit_series ~ '^F[A-Z0-9]{3}$'),
    check (receipt_credit_series is null or receipt_credit_series ~ '^B[A-Z0-9]{3}$')
);

create table roles (
    id          bigint primary key,
    tenant_id   bigint       not null references tenants (id),
    code        varchar(30)  not null check (code ~ '^[A-Z][A-Z0-9_]*$'),
    name        varchar(80)  not null,
    all_locations boolean    not null default false,
    created_at  timestamptz  not null default now(),
    created_by  varchar(120) not null,
    updated_at  timestamptz  not null default now(),
    updated_by  varchar(120) not null,
    version     bigint       not null default 0,
    unique (tenant_id, code)
);

create table role_permissions (
    role_id     bigint      not null references roles (id) on delete cascade,
    module      varchar(20) not null,
    action      varchar(10) not null,
    primary key (role_id, module, action)
);

-- A login is an e-mail address, unique across tenants so that it alone finds the tenant.
create table users (
    id              bigint primary key,
    tenant_id       bigint       not null references tenants (id),
    email           varchar(200) not null unique check (email = lower(email)),
    password_hash   varchar(300) not null,
    first_name      varchar(80)  not null,
    last_name       varchar(80)  not null,
    phone           varchar(20),
    active          boolean      not null default true,
    last_login_at   timestamptz,
    password_changed_at timestamptz not null default now(),
    created_at      timestamptz  not null default now(),
    created_by      varchar(120) not null,
    updated_at      timestamptz  not null default now(),
    updated_by      varchar(120) not null,
    version         bigint       not null default 0
);
create index users_tenant_idx on users (tenant_id);

create table user_roles (
    user_id bigint not null references users (id) on delete cascade,
    role_id bigint not null references roles (id),
    primary key (user_id, role_id)
);

create table user_locations (
    user_id     bigint not null references users (id) on delete cascade,
    location_id bigint not null references locations (id),
    primary key (user_id, location_id)
);

-- Failed logins are counted per e-mail as typed, existing or not, so lockout reveals nothing.
create table login_failures (
    id          bigint primary key,
    email       varchar(200) not null,
    at          timestamptz  not null,
    ip          varchar(60)
);
create index login_failures_email_at_idx on login_failures (email, at);

create table login_lockouts (
    email        varchar(200) primary key,
    locked_until timestamptz  not null
);

create table refresh_tokens (
    id          bigint primary key,
    tenant_id   bigint       not null references tenants (id),
    user_id     bigint       not null references users (id) on delete cascade,
    family_id   uuid         not null,
    token_hash  char(64)     not null unique,
    issued_at   timestamptz  not null,
    expires_at  timestamptz  not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create index refresh_tokens_family_idx on refresh_tokens (family_id);

create table password_reset_tokens (
    id          bigint primary key,
    tenant_id   bigint       not null references tenants (id),
    user_id     bigint       not null references users (id) on delete cascade,
    token_hash  char(64)     not null unique,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    used_at     timestamptz
);

-- Append-only, tamper-evident: each row hashes its content and the previous row's hash (per tenant).
create table audit_log (
    id          bigint generated always as identity primary key,
    tenant_id   bigint       not null references tenants (id),
    seq         bigint       not null,
    at          timestamptz  not null,
    user_id     bigint,
    user_email  varchar(200),
    action      varchar(60)  not null,
    entity_type varchar(60),
    entity_id   varchar(40),
    changes     text,  -- JSON, kept as written: jsonb would re-serialise it and break the hash
    ip          varchar(60),
    user_agent  varchar(300),
    prev_hash   char(64)     not null,
    hash        char(64)     not null,
    unique (tenant_id, seq)
);
create index audit_log_tenant_at_idx on audit_log (tenant_id, at desc);
create index audit_log_tenant_entity_idx on audit_log (tenant_id, entity_type, entity_id);
create index audit_log_tenant_user_idx on audit_log (tenant_id, user_id);

-- The head of each tenant's chain: locked while a transaction appends, so the chain never forks.
create table audit_heads (
    tenant_id   bigint primary key references tenants (id),
    seq         bigint   not null,
    hash        char(64) not null
);

-- The application never updates or deletes audit rows; the database refuses it too.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();
