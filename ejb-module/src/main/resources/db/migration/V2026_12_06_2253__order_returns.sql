-- Returns of completed sales, whole or by line and quantity: what came back (to its lot, or to wastage
-- when damaged), the value credited (value and tax, cut like the credit note's), and the order's state.
alter table orders alter column status type varchar(20);
alter table order_status_history alter column from_status type varchar(20);
alter table order_status_history alter column to_status type varchar(20);
alter table orders drop constraint orders_status_check;
alter table orders add constraint orders_status_check
    check (status in ('REGISTERED', 'IN_PROCESS', 'COMPLETED', 'CANCELLED', 'PARTIALLY_RETURNED', 'RETURNED'));

create table order_returns (
    id          bigint primary key,
    tenant_id   bigint         not null references tenants (id),
    order_id    bigint         not null references orders (id),
    reason      varchar(300)   not null,
    amount      numeric(12, 2) not null check (amount > 0),
    returned_at timestamptz    not null,
    returned_by varchar(120)   not null,
    created_at  timestamptz    not null default now(),
    created_by  varchar(120)   not null,
    updated_at  timestamptz    not null default now(),
    updated_by  varchar(120)   not null,
    version     bigint         not null default 0
);
create index order_returns_order_idx on order_returns (order_id);

create table order_return_lines (
    id            bigint primary key,
    tenant_id     bigint         not null references tenants (id),
    return_id     bigint         not null references order_returns (id),
    order_line_id bigint         not null references order_lines (id),
    line_number   integer        not null,
    quantity      numeric(12, 3) not null check (quantity > 0),
    value         numeric(12, 2) not null,
    tax           numeric(12, 2) not null,
    damaged       boolean        not null,
    created_at    timestamptz    not null default now(),
    created_by    varchar(120)   not null,
    updated_at    timestamptz    not null default now(),
    updated_by    varchar(120)   not null,
    version       bigint         not null default 0
);
create index order_return_lines_return_idx on order_return_lines (return_id);
