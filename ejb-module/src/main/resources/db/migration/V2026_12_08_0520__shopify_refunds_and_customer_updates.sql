-- Shopify refunds as Cuadra knows them, by Shopify id: the return (with its credit note) they became, or why they
-- wait for a person. A second delivery of the same refund finds its row and changes nothing.
create table shopify_refunds (
    id                bigint primary key,
    tenant_id         bigint         not null references tenants (id),
    shopify_id        bigint         not null,
    shopify_order_id  bigint         not null,
    order_id          bigint         references orders (id),
    return_id         bigint         references order_returns (id),
    status            varchar(10)    not null check (status in ('PENDING', 'RETURNED', 'REVIEW')),
    -- what Shopify gave back (its refund transactions), and what Cuadra's return credited
    shopify_amount    numeric(12, 2),
    returned_amount   numeric(12, 2),
    reason            varchar(1000),
    payload           text           not null,
    created_at        timestamptz    not null default now(),
    created_by        varchar(120)   not null,
    updated_at        timestamptz    not null default now(),
    updated_by        varchar(120)   not null,
    version           bigint         not null default 0,
    unique (tenant_id, shopify_id),
    check (status <> 'RETURNED' or return_id is not null)
);
create index shopify_refunds_order on shopify_refunds (tenant_id, shopify_order_id);

-- The tenant's rule for goods a refund brings back: as Shopify says per line, always back into their lots, or never
-- (written off as wastage).
alter table shopify_settings add column refund_restock varchar(8) not null default 'SHOPIFY'
    check (refund_restock in ('SHOPIFY', 'ALWAYS', 'NEVER'));

-- customers/update copies a change only when it is newer than the last one copied (webhooks arrive out of order).
alter table shopify_customers add column shopify_updated_at timestamptz;
