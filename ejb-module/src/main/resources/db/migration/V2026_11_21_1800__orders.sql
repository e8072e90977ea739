-- Orders and payments: per-tenant order settings, payment methods, card fee rules, the gap-free
-- order counters, orders with their lines (item snapshots), discounts, status history, payments
-- and refunds.

-- The orders component's own settings per tenant (prices-include-tax stays on companies).
create table order_settings (
    id                        bigint primary key,
    tenant_id                 bigint        not null unique references tenants (id),
    discount_approval_percent numeric(5, 2) not null default 10
                              check (discount_approval_percent >= 0 and discount_approval_percent <= 100),
    created_at                timestamptz   not null default now(),
    created_by                varchar(120)  not null,
    updated_at                timestamptz   not null default now(),
    updated_by                varchar(120)  not null,
    version                   bigint        not null default 0
);

-- How customers pay, configured per tenant; the kind decides the rules (only cash gives change,
-- a card payment takes the fee of its provider's rule).
create table payment_methods (
    id                 bigint primary key,
    tenant_id          bigint       not null references tenants (id),
    code               varchar(20)  not null check (code ~ '^[A-Z0-9][A-Z0-9_-]*$'),
    name               varchar(80)  not null,
    kind               varchar(15)  not null
                       check (kind in ('CASH', 'CARD', 'BANK_TRANSFER', 'MOBILE_WALLET', 'OTHER')),
    requires_reference boolean      not null default false,
    fee_provider       varchar(60),
    active             boolean      not null default true,
    position           integer      not null default 0,
    created_at         timestamptz  not null default now(),
    created_by         varchar(120) not null,
    updated_at         timestamptz  not null default now(),
    updated_by         varchar(120) not null,
    version            bigint       not null default 0,
    unique (tenant_id, code),
    check ((kind = 'CARD') = (fee_provider is not null))
);

-- A card provider's terms over a period; at most one in force per provider and currency on a day
-- (CardFeeSchedule refuses overlaps).
create table card_fee_rules (
    id             bigint primary key,
    tenant_id      bigint         not null references tenants (id),
    provider       varchar(60)    not null,
    percent        numeric(5, 2)  not null check (percent >= 0 and percent < 100),
    fixed_amount   numeric(12, 2) not null default 0 check (fixed_amount >= 0),
    currency       char(3)        not null,
    effective_from date           not null,
    effective_to   date,
    created_at     timestamptz    not null default now(),
    created_by     varchar(120)   not null,
    updated_at     timestamptz    not null default now(),
    updated_by     varchar(120)   not null,
    version        bigint         not null default 0,
    check (effective_to is null or effective_to >= effective_from)
);
create index card_fee_rules_provider_idx on card_fee_rules (tenant_id, provider, currency, effective_from);

-- The last order number given per location and year. The registering transaction increments it
-- with a row lock held until commit: a rolled-back order gives its number back, so numbers have no
-- gaps (a sequence would leave one).
create table order_counters (
    tenant_id   bigint       not null references tenants (id),
    location_id bigint       not null references locations (id),
    year        integer      not null check (year between 2000 and 9999),
    last_number bigint       not null check (last_number > 0),
    created_at  timestamptz  not null default now(),
    created_by  varchar(120) not null,
    updated_at  timestamptz  not null default now(),
    updated_by  varchar(120) not null,
    version     bigint       not null default 0,
    primary key (tenant_id, location_id, year)
);

create table orders (
    id                 bigint primary key,
    tenant_id          bigint         not null references tenants (id),
    number             varchar(30)    not null,
    location_id        bigint         not null references locations (id),
    year               integer        not null,
    sequence           bigint         not null check (sequence > 0),
    customer_id        bigint         references customers (id),
    customer_name      varchar(200),
    channel            varchar(10)    not null check (channel in ('COUNTER', 'WHATSAPP', 'WEB', 'SHOPIFY')),
    status             varchar(12)    not null
                       check (status in ('REGISTERED', 'IN_PROCESS', 'COMPLETED', 'CANCELLED')),
    payment_status     varchar(8)     not null check (payment_status in ('PENDING', 'PARTIAL', 'PAID')),
    currency           char(3)        not null,
    prices_include_tax boolean        not null,
    notes              varchar(1000),
    registered_at      timestamptz    not null,
    paid_at            timestamptz,
    cancelled_at       timestamptz,
    cancel_reason      varchar(300),
    subtotal           numeric(12, 2) not null,
    discount_total     numeric(12, 2) not null check (discount_total >= 0),
    base_total         numeric(12, 2) not null,
    tax_total          numeric(12, 2) not null,
    total              numeric(12, 2) not null check (total >= 0),
    paid_total         numeric(12, 2) not null default 0 check (paid_total >= 0),
    change_total       numeric(12, 2) not null default 0 check (change_total >= 0),
    refunded_total     numeric(12, 2) not null default 0 check (refunded_total >= 0),
    created_at         timestamptz    not null default now(),
    created_by         varchar(120)   not null,
    updated_at         timestamptz    not null default now(),
    updated_by         varchar(120)   not null,
    version            bigint         not null default 0,
    unique (tenant_id, number),
    unique (tenant_id, location_id, year, sequence),
    check (paid_total <= total),
    check (base_total + tax_total = total),
    check ((status = 'CANCELLED') = (cancel_reason is not null))
);
create index orders_location_registered_idx on orders (tenant_id, location_id, registered_at desc, id desc);
create index orders_registered_idx on orders (tenant_id, registered_at desc, id desc);
create index orders_customer_idx on orders (customer_id) where customer_id is not null;

-- One line as sold: a snapshot of the item at order time and the amounts the pricing derived.
create table order_lines (
    id                   bigint primary key,
    tenant_id            bigint         not null references tenants (id),
    order_id             bigint         not null references orders (id),
    line_number          integer        not null check (line_number > 0),
    item_id              bigint         not null references items (id),
    item_code            varchar(40)    not null,
    item_name            varchar(200)   not null,
    item_type            varchar(10)    not null check (item_type in ('PRODUCT', 'SERVICE')),
    unit_code            varchar(3)     not null,
    quantity             numeric(12, 3) not null check (quantity > 0),
    unit_price           numeric(12, 2) not null check (unit_price >= 0),
    tax_percent          numeric(5, 2)  not null,
    affectation_code     char(2)        not null,
    lot_id               bigint,
    line_discount_total  numeric(12, 2) not null check (line_discount_total >= 0),
    order_discount_share numeric(12, 2) not null check (order_discount_share >= 0),
    base                 numeric(12, 2) not null,
    tax                  numeric(12, 2) not null,
    total                numeric(12, 2) not null,
    unit_value           numeric(22, 10) not null,
    unit_sale_price      numeric(22, 10) not null,
    created_at           timestamptz    not null default now(),
    created_by           varchar(120)   not null,
    updated_at           timestamptz    not null default now(),
    updated_by           varchar(120)   not null,
    version              bigint         not null default 0,
    unique (order_id, line_number),
    check (base + tax = total)
);
create index order_lines_item_idx on order_lines (item_id);

-- Discounts in the order they were granted; percent or fixed amount, on a line or on the order.
create table order_discounts (
    id          bigint primary key,
    tenant_id   bigint         not null references tenants (id),
    order_id    bigint         not null references orders (id),
    line_id     bigint         references order_lines (id),
    position    integer        not null,
    level       varchar(5)     not null check (level in ('LINE', 'ORDER')),
    kind        varchar(7)     not null check (kind in ('PERCENT', 'AMOUNT')),
    value       numeric(12, 2) not null check (value > 0),
    reason      varchar(300)   not null,
    applied_by  varchar(120)   not null,
    approved_by varchar(120),
    applies_to  numeric(12, 2) not null,
    amount      numeric(12, 2) not null check (amount >= 0 and amount <= applies_to),
    created_at  timestamptz    not null default now(),
    created_by  varchar(120)   not null,
    updated_at  timestamptz    not null default now(),
    updated_by  varchar(120)   not null,
    version     bigint         not null default 0,
    unique (order_id, position),
    check ((level = 'LINE') = (line_id is not null)),
    check (kind = 'AMOUNT' or value <= 100)
);

create table order_status_history (
    id          bigint primary key,
    tenant_id   bigint        not null references tenants (id),
    order_id    bigint        not null references orders (id),
    from_status varchar(12),
    to_status   varchar(12)   not null,
    notes       varchar(300),
    changed_by  varchar(120)  not null,
    changed_at  timestamptz   not null,
    created_at  timestamptz   not null default now(),
    created_by  varchar(120)  not null,
    updated_at  timestamptz   not null default now(),
    updated_by  varchar(120)  not null,
    version     bigint        not null default 0
);
create index order_status_history_order_idx on order_status_history (order_id, changed_at);

-- amount is what counts towards the order; cash tendered above it comes back as change. Card
-- payments keep the provider's terms and fee as they were that day.
create table order_payments (
    id                 bigint primary key,
    tenant_id          bigint         not null references tenants (id),
    order_id           bigint         not null references orders (id),
    method_id          bigint         not null references payment_methods (id),
    method_code        varchar(20)    not null,
    method_kind        varchar(15)    not null,
    amount             numeric(12, 2) not null check (amount > 0),
    tendered           numeric(12, 2) not null,
    change_given       numeric(12, 2) not null check (change_given >= 0),
    reference          varchar(100),
    paid_at            timestamptz    not null,
    registered_by      varchar(120)   not null,
    registered_by_user bigint,
    card_provider      varchar(60),
    card_fee_percent   numeric(5, 2),
    card_fee_fixed     numeric(12, 2),
    card_fee           numeric(12, 2),
    net_amount         numeric(12, 2) not null,
    created_at         timestamptz    not null default now(),
    created_by         varchar(120)   not null,
    updated_at         timestamptz    not null default now(),
    updated_by         varchar(120)   not null,
    version            bigint         not null default 0,
    check (tendered - amount = change_given),
    check (method_kind = 'CASH' or change_given = 0),
    check ((method_kind = 'CARD') = (card_fee is not null)),
    check (net_amount = amount - coalesce(card_fee, 0))
);
create index order_payments_order_idx on order_payments (order_id);
create index order_payments_paid_idx on order_payments (tenant_id, paid_at);

-- What went back to the customer per payment method when a paid order was cancelled.
create table order_refunds (
    id          bigint primary key,
    tenant_id   bigint         not null references tenants (id),
    order_id    bigint         not null references orders (id),
    method_id   bigint         not null references payment_methods (id),
    method_code varchar(20)    not null,
    method_kind varchar(15)    not null,
    amount      numeric(12, 2) not null check (amount > 0),
    refunded_at timestamptz    not null,
    refunded_by varchar(120)   not null,
    created_at  timestamptz    not null default now(),
    created_by  varchar(120)   not null,
    updated_at  timestamptz    not null default now(),
    updated_by  varchar(120)   not null,
    version     bigint         not null default 0
);
create index order_refunds_order_idx on order_refunds (order_id);
create index order_refunds_refunded_idx on order_refunds (tenant_id, refunded_at);
