-- Catalog: categories, the tenant's tax rates, items (goods and services, kits), price history.
-- Search is accent- and case-insensitive with trigram indexes (contrib unaccent and pg_trgm).

create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only STABLE (it reads a dictionary chosen by search_path), so it cannot appear in an
-- index or a generated column. Naming the dictionary explicitly makes the result fixed: IMMUTABLE.
create function cuadra_fold(value text) returns text
    language sql immutable strict parallel safe
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

create table categories (
    id          bigint primary key,
    tenant_id   bigint       not null references tenants (id),
    code        varchar(20)  not null check (code ~ '^[A-Z0-9][A-Z0-9_-]*$'),
    name        varchar(120) not null,
    description varchar(500),
    active      boolean      not null default true,
    created_at  timestamptz  not null default now(),
    created_by  varchar(120) not null,
    updated_at  timestamptz  not null default now(),
    updated_by  varchar(120) not null,
    version     bigint       not null default 0,
    unique (tenant_id, code),
    unique (tenant_id, name)
);

-- Rates are data because they change by law and differ by country; the affectation code is SUNAT
-- catalog 07 (10 taxed, 17 IVAP, 20 exempt, 30 unaffected, 40 export), also used for French VAT.
create table tax_rates (
    id               bigint primary key,
    tenant_id        bigint        not null references tenants (id),
    country          char(2)       not null check (country ~ '^[A-Z]{2}$'),
    name             varchar(80)   not null,
    percent          numeric(5, 2) not null check (percent >= 0 and percent < 100),
    affectation_code char(2)       not null check (affectation_code in ('10', '17', '20', '30', '40')),
    active           boolean       not null default true,
    created_at       timestamptz   not null default now(),
    created_by       varchar(120)  not null,
    updated_at       timestamptz   not null default now(),
    updated_by       varchar(120)  not null,
    version          bigint        not null default 0,
    unique (tenant_id, country, name),
    check ((affectation_code in ('10', '17')) = (percent > 0))
);

create table items (
    id              bigint primary key,
    tenant_id       bigint         not null references tenants (id),
    type            varchar(10)    not null check (type in ('PRODUCT', 'SERVICE')),
    code            varchar(40)    not null,
    barcode         varchar(40),
    name            varchar(200)   not null,
    description     varchar(2000),
    category_id     bigint         references categories (id),
    unit_code       varchar(3)     not null check (unit_code ~ '^[A-Z0-9]{2,3}$'), -- SUNAT catalog 03
    price           numeric(12, 2) not null check (price >= 0),
    tax_rate_id     bigint         not null references tax_rates (id),
    track_lots      boolean        not null default false,
    track_expiry    boolean        not null default false,
    critical_stock  numeric(12, 3) check (critical_stock >= 0),
    weight_kg       numeric(12, 3) check (weight_kg > 0),
    length_cm       numeric(12, 2) check (length_cm > 0),
    width_cm        numeric(12, 2) check (width_cm > 0),
    height_cm       numeric(12, 2) check (height_cm > 0),
    active          boolean        not null default true,
    created_at      timestamptz    not null default now(),
    created_by      varchar(120)   not null,
    updated_at      timestamptz    not null default now(),
    updated_by      varchar(120)   not null,
    version         bigint         not null default 0,
    search_name     text generated always as (cuadra_fold(name)) stored,
    unique (tenant_id, code),
    check (type = 'PRODUCT' or not (track_lots or track_expiry))
);
create index items_tenant_barcode_idx on items (tenant_id, barcode) where barcode is not null;
create index items_category_idx on items (category_id);
create index items_search_name_trgm on items using gin (search_name gin_trgm_ops);
create index items_code_trgm on items using gin (lower(code) gin_trgm_ops);

-- Every change of an item's price, with who, when and why (written by Item.reprice).
create table item_prices (
    id          bigint primary key,
    tenant_id   bigint         not null references tenants (id),
    item_id     bigint         not null references items (id),
    old_price   numeric(12, 2),
    new_price   numeric(12, 2) not null check (new_price >= 0),
    reason      varchar(300)   not null,
    created_at  timestamptz    not null default now(),
    created_by  varchar(120)   not null,
    updated_at  timestamptz    not null default now(),
    updated_by  varchar(120)   not null,
    version     bigint         not null default 0
);
create index item_prices_item_idx on item_prices (item_id, created_at desc);

-- A kit (bundle) is an item made of other items; cycles are refused by Item.useComponents.
create table bundle_components (
    id           bigint primary key,
    tenant_id    bigint         not null references tenants (id),
    bundle_id    bigint         not null references items (id) on delete cascade,
    component_id bigint         not null references items (id),
    quantity     numeric(12, 3) not null check (quantity > 0),
    created_at   timestamptz    not null default now(),
    created_by   varchar(120)   not null,
    updated_at   timestamptz    not null default now(),
    updated_by   varchar(120)   not null,
    version      bigint         not null default 0,
    unique (bundle_id, component_id),
    check (bundle_id <> component_id)
);
create index bundle_components_component_idx on bundle_components (component_id);
