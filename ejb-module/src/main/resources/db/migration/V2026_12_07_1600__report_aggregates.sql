-- Report aggregates: what moved per tenant x location x business day (the location's zone) x one dimension,
-- kept by the reports component in the same transaction as the sale, payment, cancellation or return (it
-- observes the orders component's events). Every figure is a sum of movements stamped on the day they
-- happened, so a cancellation or return never rewrites an earlier day: it adds to its own. These rows are
-- derived (rebuilt from orders, payments, refunds and returns; see ReportAggregates.rebuild): no audit
-- columns, no version, no audit lines.

-- Activity by channel and by the user who did it (registered, cancelled, took the return).
create table rpt_sales_daily (
    tenant_id        bigint         not null references tenants (id),
    location_id      bigint         not null references locations (id),
    business_day     date           not null,
    channel          varchar(10)    not null,
    cashier          varchar(120)   not null,
    orders           integer        not null default 0,
    gross            numeric(14, 2) not null default 0,
    discounts        numeric(14, 2) not null default 0,
    base             numeric(14, 2) not null default 0,
    tax              numeric(14, 2) not null default 0,
    cancelled_orders integer        not null default 0,
    cancelled_total  numeric(14, 2) not null default 0,
    returns          integer        not null default 0,
    returned_total   numeric(14, 2) not null default 0,
    primary key (tenant_id, business_day, location_id, channel, cashier)
);

-- Money by payment method and by the user who took or gave it back.
create table rpt_payments_daily (
    tenant_id    bigint         not null references tenants (id),
    location_id  bigint         not null references locations (id),
    business_day date           not null,
    method_code  varchar(20)    not null,
    method_kind  varchar(15)    not null,
    cashier      varchar(120)   not null,
    payments     integer        not null default 0,
    amount       numeric(14, 2) not null default 0,
    card_fees    numeric(14, 2) not null default 0,
    refunds      integer        not null default 0,
    refunded     numeric(14, 2) not null default 0,
    primary key (tenant_id, business_day, location_id, method_code, cashier)
);

-- Items sold (at registration) and back (cancelled or returned), value without tax and total with it;
-- code and name are read from the catalog when shown.
create table rpt_items_daily (
    tenant_id    bigint         not null references tenants (id),
    location_id  bigint         not null references locations (id),
    business_day date           not null,
    channel      varchar(10)    not null,
    item_id      bigint         not null,
    sold_qty     numeric(14, 3) not null default 0,
    sold_base    numeric(14, 2) not null default 0,
    sold_total   numeric(14, 2) not null default 0,
    back_qty     numeric(14, 3) not null default 0,
    back_base    numeric(14, 2) not null default 0,
    back_total   numeric(14, 2) not null default 0,
    primary key (tenant_id, business_day, location_id, channel, item_id)
);
create index rpt_items_daily_item on rpt_items_daily (tenant_id, item_id, business_day);

-- Named customers' orders (anonymous counter sales have no customer and are not counted here).
create table rpt_customers_daily (
    tenant_id    bigint         not null references tenants (id),
    location_id  bigint         not null references locations (id),
    business_day date           not null,
    channel      varchar(10)    not null,
    customer_id  bigint         not null,
    orders       integer        not null default 0,
    spent        numeric(14, 2) not null default 0,
    back         numeric(14, 2) not null default 0,
    primary key (tenant_id, business_day, location_id, channel, customer_id)
);
create index rpt_customers_daily_customer on rpt_customers_daily (tenant_id, customer_id, business_day);

-- The secret behind a tenant's customer pseudonyms in anonymised exports (HMAC-SHA256 of the customer id):
-- stable across exports, so analyses can be joined, and never leaving the database.
create table rpt_tenant_keys (
    tenant_id  bigint      primary key references tenants (id),
    hmac_key   bytea       not null check (length(hmac_key) = 32),
    created_at timestamptz not null default now()
);
