-- Purchasing: suppliers, purchase orders, goods receipts (which create lots and IN stock moves).

create table suppliers (
    id           bigint primary key,
    tenant_id    bigint       not null references tenants (id),
    name         varchar(200) not null,
    country      char(2)      not null check (country ~ '^[A-Z]{2}$'),
    tax_id       varchar(20)  not null,
    contact_name varchar(120),
    email        varchar(200),
    phone        varchar(30),
    address      varchar(300),
    notes        varchar(2000),
    active       boolean      not null default true,
    created_at   timestamptz  not null default now(),
    created_by   varchar(120) not null,
    updated_at   timestamptz  not null default now(),
    updated_by   varchar(120) not null,
    version      bigint       not null default 0,
    unique (tenant_id, country, tax_id)
);
create index suppliers_name_idx on suppliers (tenant_id, lower(name));

-- Gap-free document numbers per tenant, kind (OC purchase orders, GR goods receipts) and year: the
-- row is locked by the numbering transaction until it commits, so a rollback leaves no hole.
create table purchasing_counters (
    tenant_id   bigint      not null references tenants (id),
    kind        varchar(4)  not null,
    year        integer     not null,
    last_number bigint      not null,
    primary key (tenant_id, kind, year)
);

create table purchase_orders (
    id            bigint primary key,
    tenant_id     bigint       not null references tenants (id),
    number        varchar(20)  not null,
    supplier_id   bigint       not null references suppliers (id),
    location_id   bigint       not null references locations (id),
    warehouse_id  bigint       not null references warehouses (id),
    status        varchar(20)  not null check (status in ('DRAFT', 'ORDERED', 'PARTIALLY_RECEIVED', 'RECEIVED',
                                                          'CANCELLED')),
    expected_on   date,
    reference     varchar(60),
    currency      char(3)      not null,
    notes         varchar(2000),
    ordered_at    timestamptz,
    cancelled_at  timestamptz,
    cancel_reason varchar(300),
    created_at    timestamptz  not null default now(),
    created_by    varchar(120) not null,
    updated_at    timestamptz  not null default now(),
    updated_by    varchar(120) not null,
    version       bigint       not null default 0,
    unique (tenant_id, number)
);
create index purchase_orders_location_idx on purchase_orders (tenant_id, location_id, created_at desc);
create index purchase_orders_supplier_idx on purchase_orders (supplier_id);

create table purchase_order_lines (
    id                bigint primary key,
    tenant_id         bigint         not null references tenants (id),
    order_id          bigint         not null references purchase_orders (id) on delete cascade,
    line_no           integer        not null,
    item_id           bigint         not null references items (id),
    quantity_ordered  numeric(12, 3) not null check (quantity_ordered > 0),
    quantity_received numeric(12, 3) not null default 0 check (quantity_received >= 0),
    unit_cost         numeric(18, 6) not null check (unit_cost >= 0),
    tax_percent       numeric(5, 2)  not null check (tax_percent >= 0 and tax_percent < 100),
    created_at        timestamptz    not null default now(),
    created_by        varchar(120)   not null,
    updated_at        timestamptz    not null default now(),
    updated_by        varchar(120)   not null,
    version           bigint         not null default 0,
    -- Deferred: replacing a draft's lines inserts the new ones before the old ones are deleted.
    unique (order_id, line_no) deferrable initially deferred
);

create table goods_receipts (
    id                bigint primary key,
    tenant_id         bigint       not null references tenants (id),
    number            varchar(20)  not null,
    purchase_order_id bigint references purchase_orders (id),
    supplier_id       bigint references suppliers (id),
    location_id       bigint       not null references locations (id),
    warehouse_id      bigint       not null references warehouses (id),
    supplier_document varchar(40),
    currency          char(3)      not null,
    notes             varchar(2000),
    received_at       timestamptz  not null,
    created_at        timestamptz  not null default now(),
    created_by        varchar(120) not null,
    updated_at        timestamptz  not null default now(),
    updated_by        varchar(120) not null,
    version           bigint       not null default 0,
    unique (tenant_id, number)
);
create index goods_receipts_location_idx on goods_receipts (tenant_id, location_id, received_at desc);
create index goods_receipts_order_idx on goods_receipts (purchase_order_id);

create table goods_receipt_lines (
    id            bigint primary key,
    tenant_id     bigint         not null references tenants (id),
    receipt_id    bigint         not null references goods_receipts (id),
    order_line_id bigint references purchase_order_lines (id),
    item_id       bigint         not null references items (id),
    lot_id        bigint         not null references inventory_lots (id),
    lot_code      varchar(40)    not null,
    expires_on    date,
    quantity      numeric(12, 3) not null check (quantity > 0),
    unit_cost     numeric(18, 6) not null check (unit_cost >= 0),
    created_at    timestamptz    not null default now(),
    created_by    varchar(120)   not null,
    updated_at    timestamptz    not null default now(),
    updated_by    varchar(120)   not null,
    version       bigint         not null default 0
);
create index goods_receipt_lines_receipt_idx on goods_receipt_lines (receipt_id);
