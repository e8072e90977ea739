-- Customers: identity document (SUNAT catalog 06), contact data, visits, soft delete and merge.

create table customers (
    id                 bigint primary key,
    tenant_id          bigint        not null references tenants (id),
    document_type      varchar(1)    not null check (document_type in ('0', '1', '4', '6', '7')),
    document_number    varchar(20)   not null,
    first_name         varchar(100),
    last_name          varchar(100),
    business_name      varchar(200),
    email              varchar(200)  check (email = lower(email)),
    phone              varchar(20)   check (phone ~ '^\+[1-9][0-9]{6,14}$'), -- E.164
    address            varchar(300),
    district           varchar(100),
    city               varchar(100),
    region             varchar(100),
    country            char(2)       not null default 'PE',
    preferred_language varchar(5)    not null default 'es',
    preferred_channel  varchar(10)   not null default 'EMAIL'
                                     check (preferred_channel in ('EMAIL', 'SMS', 'WHATSAPP', 'PHONE', 'NONE')),
    contact_opt_out    boolean       not null default false,
    notes              varchar(2000),
    active             boolean       not null default true,
    deleted_at         timestamptz,
    visit_count        integer       not null default 0 check (visit_count >= 0),
    recurrent          boolean       not null default false,
    merged_into_id     bigint        references customers (id),
    merge_reason       varchar(300),
    merged_at          timestamptz,
    created_at         timestamptz   not null default now(),
    created_by         varchar(120)  not null,
    updated_at         timestamptz   not null default now(),
    updated_by         varchar(120)  not null,
    version            bigint        not null default 0,
    search_name        text generated always as (cuadra_fold(
                           coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' '
                           || coalesce(business_name, ''))) stored,
    check (merged_into_id is null or merged_into_id <> id),
    check ((merged_into_id is null) = (merge_reason is null)),
    check (document_type = '6' and business_name is not null
           or document_type <> '6' and (first_name is not null or business_name is not null))
);

-- One customer per document in a tenant; anonymous sales (type 0, "-") are many, and a customer
-- merged into another gives its document up to the survivor.
create unique index customers_document_uq on customers (tenant_id, document_type, document_number)
    where document_type <> '0' and merged_into_id is null;
create index customers_document_prefix_idx on customers (tenant_id, document_number varchar_pattern_ops);
create index customers_search_name_trgm on customers using gin (search_name gin_trgm_ops);
create index customers_phone_trgm on customers using gin (phone gin_trgm_ops);
create index customers_email_trgm on customers using gin (email gin_trgm_ops);
create index customers_merged_into_idx on customers (merged_into_id) where merged_into_id is not null;
