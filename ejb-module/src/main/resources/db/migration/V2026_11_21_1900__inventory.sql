-- Inventory: warehouses, lots, the append-only stock ledger, balances kept with it, reservations,
-- wastage, transfers, physical counts, cost of goods sold per order line, per-tenant settings.
--
-- Sign convention of moves (inventory.domain.StockMoveType): IN, TRANSFER_IN, RETURN add; OUT,
-- TRANSFER_OUT, WASTAGE remove; all recorded with a positive quantity. ADJUSTMENT carries its sign.

-- The tenant's stock switches; no row means the defaults below.
create table inventory_settings (
    id                  bigint primary key,
    tenant_id           bigint       not null unique references tenants (id),
    never_negative      boolean      not null default true,
    reserve_on_register boolean      not null default false,
    skip_expired_lots   boolean      not null default true,
    expiry_alert_days   integer      not null default 30 check (expiry_alert_days between 0 and 730),
    created_at          timestamptz  not null default now(),
    created_by          varchar(120) not null,
    updated_at          timestamptz  not null default now(),
    updated_by          varchar(120) not null,
    version             bigint       not null default 0
);

create table warehouses (
    id          bigint primary key,
    tenant_id   bigint       not null references tenants (id),
    location_id bigint       not null references locations (id),
    code        varchar(20)  not null check (code ~ '^[A-Z0-9][A-Z0-9_-]*$'),
    name        varchar(120) not null,
    is_default  boolean      not null default false,
    active      boolean      not null default true,
    created_at  timestamptz  not null default now(),
    created_by  varchar(120) not null,
    updated_at  timestamptz  not null default now(),
    updated_by  varchar(120) not null,
    version     bigint       not null default 0,
    unique (location_id, code),
    check (active or not is_default)
);
create unique index warehouses_one_default_idx on warehouses (location_id) where is_default;
create index warehouses_tenant_idx on warehouses (tenant_id, location_id);

-- Every location has its default warehouse from the moment it exists, whoever creates it (locations
-- service, tenant provisioning, an import): the database does it in the same transaction. A sale
-- takes its goods from the default warehouse of the order's location.
create function warehouses_open_default() returns trigger language plpgsql as $$
begin
    insert into warehouses (id, tenant_id, location_id, code, name, is_default, created_at, created_by,
                            updated_at, updated_by)
    values (nextval('cuadra_id_seq'), new.tenant_id, new.id, 'PRINCIPAL', 'Almacén principal', true, now(),
            new.created_by, now(), new.created_by);
    return new;
end $$;
create trigger locations_default_warehouse after insert on locations
    for each row execute function warehouses_open_default();

insert into warehouses (id, tenant_id, location_id, code, name, is_default, created_by, updated_by)
select nextval('cuadra_id_seq'), l.tenant_id, l.id, 'PRINCIPAL', 'Almacén principal', true, 'migration', 'migration'
from locations l;

-- A lot of one item. Items without lot tracking have one implicit lot, code '(no lot)', whose
-- balance rows are per warehouse like any other lot's. The unit cost is kept at six decimals
-- (inventory.domain.UnitCost says why) and is the average of what was received into the lot.
create table inventory_lots (
    id                bigint primary key,
    tenant_id         bigint         not null references tenants (id),
    item_id           bigint         not null references items (id),
    code              varchar(40)    not null check (length(trim(code)) > 0),
    expires_on        date,
    received_on       date           not null,
    unit_cost         numeric(18, 6) not null check (unit_cost >= 0),
    currency          char(3)        not null,
    quantity_received numeric(12, 3) not null default 0 check (quantity_received >= 0),
    origin            varchar(20)    not null check (origin in ('GOODS_RECEIPT', 'ADJUSTMENT', 'IMPLICIT')),
    origin_id         bigint,
    created_at        timestamptz    not null default now(),
    created_by        varchar(120)   not null,
    updated_at        timestamptz    not null default now(),
    updated_by        varchar(120)   not null,
    version           bigint         not null default 0,
    unique (tenant_id, item_id, code),
    check ((code = '(no lot)') = (origin = 'IMPLICIT')),
    check (origin <> 'IMPLICIT' or expires_on is null)
);
create index inventory_lots_expiry_idx on inventory_lots (tenant_id, expires_on) where expires_on is not null;

-- On hand and reserved of one item in one warehouse (reservations are per item: lots are picked
-- only at payment), and the counter numbering the item's ledger lines in that warehouse. Sales lock
-- this row first, so two cashiers selling the last unit queue here and the second sees zero.
create table stock_levels (
    id           bigint primary key,
    tenant_id    bigint         not null references tenants (id),
    warehouse_id bigint         not null references warehouses (id),
    item_id      bigint         not null references items (id),
    on_hand      numeric(12, 3) not null default 0,
    reserved     numeric(12, 3) not null default 0 check (reserved >= 0),
    last_line    bigint         not null default 0,
    created_at   timestamptz    not null default now(),
    created_by   varchar(120)   not null,
    updated_at   timestamptz    not null default now(),
    updated_by   varchar(120)   not null,
    version      bigint         not null default 0,
    unique (warehouse_id, item_id)
);
create index stock_levels_item_idx on stock_levels (tenant_id, item_id);

-- On hand of one lot in one warehouse: always the sum of the effects of its moves.
create table stock_balances (
    id           bigint primary key,
    tenant_id    bigint         not null references tenants (id),
    warehouse_id bigint         not null references warehouses (id),
    item_id      bigint         not null references items (id),
    lot_id       bigint         not null references inventory_lots (id),
    on_hand      numeric(12, 3) not null default 0,
    created_at   timestamptz    not null default now(),
    created_by   varchar(120)   not null,
    updated_at   timestamptz    not null default now(),
    updated_by   varchar(120)   not null,
    version      bigint         not null default 0,
    unique (warehouse_id, lot_id)
);
create index stock_balances_item_idx on stock_balances (tenant_id, item_id, warehouse_id);
create index stock_balances_lot_idx on stock_balances (lot_id);

-- The ledger. Append-only (the trigger below refuses updates and deletes): a mistake is corrected by
-- another move. line_no numbers the moves of one item in one warehouse in the order they were
-- applied (the stock_levels row is locked while it is taken), and balance_after is that item's on
-- hand in the warehouse right after the move: a page of the ledger with its running balance is read
-- by keyset on (warehouse_id, item_id, line_no) without summing what came before.
create table stock_moves (
    id                bigint primary key,
    tenant_id         bigint         not null references tenants (id),
    warehouse_id      bigint         not null references warehouses (id),
    item_id           bigint         not null references items (id),
    lot_id            bigint         not null references inventory_lots (id),
    line_no           bigint         not null check (line_no > 0),
    type              varchar(12)    not null check (type in ('IN', 'OUT', 'ADJUSTMENT', 'TRANSFER_OUT',
                                                              'TRANSFER_IN', 'WASTAGE', 'RETURN')),
    quantity          numeric(12, 3) not null,
    effect            numeric(12, 3) generated always as (
                          case when type in ('OUT', 'TRANSFER_OUT', 'WASTAGE') then -quantity else quantity end
                      ) stored,
    balance_after     numeric(12, 3) not null,
    lot_balance_after numeric(12, 3) not null,
    unit_cost         numeric(18, 6) not null check (unit_cost >= 0),
    currency          char(3)        not null,
    reference_type    varchar(20)    not null check (reference_type in ('ORDER', 'GOODS_RECEIPT', 'TRANSFER',
                                                                        'WASTAGE', 'COUNT')),
    reference_id      bigint         not null,
    reference_line_id bigint,
    reason            varchar(300),
    moved_at          timestamptz    not null,
    user_id           bigint,
    created_at        timestamptz    not null default now(),
    created_by        varchar(120)   not null,
    updated_at        timestamptz    not null default now(),
    updated_by        varchar(120)   not null,
    version           bigint         not null default 0,
    check (case when type = 'ADJUSTMENT' then quantity <> 0 else quantity > 0 end),
    unique (warehouse_id, item_id, line_no)
);
create index stock_moves_item_time_idx on stock_moves (tenant_id, item_id, moved_at desc, id desc);
create index stock_moves_reference_idx on stock_moves (tenant_id, reference_type, reference_id);
create index stock_moves_lot_idx on stock_moves (lot_id, moved_at desc, id desc);

create function stock_moves_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'stock_moves is append-only: record a correcting move instead';
end $$;
create trigger stock_moves_no_change before update or delete on stock_moves
    for each row execute function stock_moves_append_only();

-- Stock held for a registered order (when the tenant reserves on registration).
create table stock_reservations (
    id            bigint primary key,
    tenant_id     bigint         not null references tenants (id),
    order_id      bigint         not null,
    order_line_id bigint,
    warehouse_id  bigint         not null references warehouses (id),
    item_id       bigint         not null references items (id),
    quantity      numeric(12, 3) not null check (quantity > 0),
    status        varchar(10)    not null check (status in ('OPEN', 'RELEASED', 'CONSUMED')),
    closed_at     timestamptz,
    created_at    timestamptz    not null default now(),
    created_by    varchar(120)   not null,
    updated_at    timestamptz    not null default now(),
    updated_by    varchar(120)   not null,
    version       bigint         not null default 0
);
create index stock_reservations_order_idx on stock_reservations (tenant_id, order_id);
create index stock_reservations_open_idx on stock_reservations (warehouse_id, item_id) where status = 'OPEN';

create table wastages (
    id           bigint primary key,
    tenant_id    bigint         not null references tenants (id),
    warehouse_id bigint         not null references warehouses (id),
    item_id      bigint         not null references items (id),
    lot_id       bigint         not null references inventory_lots (id),
    quantity     numeric(12, 3) not null check (quantity > 0),
    reason       varchar(10)    not null check (reason in ('EXPIRED', 'DAMAGED', 'LOST', 'THEFT', 'OTHER')),
    notes        varchar(1000),
    unit_cost    numeric(18, 6) not null,
    currency     char(3)        not null,
    recorded_at  timestamptz    not null,
    created_at   timestamptz    not null default now(),
    created_by   varchar(120)   not null,
    updated_at   timestamptz    not null default now(),
    updated_by   varchar(120)   not null,
    version      bigint         not null default 0
);
create index wastages_warehouse_idx on wastages (tenant_id, warehouse_id, recorded_at desc);

create table stock_transfers (
    id                bigint primary key,
    tenant_id         bigint       not null references tenants (id),
    from_warehouse_id bigint       not null references warehouses (id),
    to_warehouse_id   bigint       not null references warehouses (id),
    notes             varchar(1000),
    transferred_at    timestamptz  not null,
    created_at        timestamptz  not null default now(),
    created_by        varchar(120) not null,
    updated_at        timestamptz  not null default now(),
    updated_by        varchar(120) not null,
    version           bigint       not null default 0,
    check (from_warehouse_id <> to_warehouse_id)
);
create index stock_transfers_from_idx on stock_transfers (tenant_id, from_warehouse_id, transferred_at desc);
create index stock_transfers_to_idx on stock_transfers (tenant_id, to_warehouse_id, transferred_at desc);

create table stock_transfer_lines (
    id          bigint primary key,
    tenant_id   bigint         not null references tenants (id),
    transfer_id bigint         not null references stock_transfers (id),
    item_id     bigint         not null references items (id),
    lot_id      bigint         not null references inventory_lots (id),
    quantity    numeric(12, 3) not null check (quantity > 0),
    created_at  timestamptz    not null default now(),
    created_by  varchar(120)   not null,
    updated_at  timestamptz    not null default now(),
    updated_by  varchar(120)   not null,
    version     bigint         not null default 0,
    unique (transfer_id, lot_id)
);

-- A physical count of one warehouse. Confirming runs the stock-count-confirmation batch job, which
-- writes every adjustment in one transaction and reports its progress (adjustments_done of
-- adjustments) from its own short transactions.
create table stock_counts (
    id               bigint primary key,
    tenant_id        bigint        not null references tenants (id),
    warehouse_id     bigint        not null references warehouses (id),
    status           varchar(10)   not null check (status in ('OPEN', 'CONFIRMING', 'CONFIRMED', 'CANCELLED')),
    coverage         varchar(10)   not null check (coverage in ('COMPLETE', 'PARTIAL')),
    notes            varchar(1000),
    lines_total      integer       not null default 0,
    adjustments      integer       not null default 0,
    adjustments_done integer       not null default 0,
    job_execution_id bigint,
    failure          varchar(1000),
    confirmed_at     timestamptz,
    confirmed_by     varchar(120),
    created_at       timestamptz   not null default now(),
    created_by       varchar(120)  not null,
    updated_at       timestamptz   not null default now(),
    updated_by       varchar(120)  not null,
    version          bigint        not null default 0
);
create index stock_counts_warehouse_idx on stock_counts (tenant_id, warehouse_id, created_at desc);

create table stock_count_lines (
    id         bigint primary key,
    tenant_id  bigint         not null references tenants (id),
    count_id   bigint         not null references stock_counts (id),
    item_id    bigint         not null references items (id),
    lot_id     bigint         not null references inventory_lots (id),
    counted    numeric(12, 3) not null check (counted >= 0),
    book       numeric(12, 3),
    created_at timestamptz    not null default now(),
    created_by varchar(120)   not null,
    updated_at timestamptz    not null default now(),
    updated_by varchar(120)   not null,
    version    bigint         not null default 0,
    unique (count_id, lot_id)
);

-- FIFO cost of goods sold of each order line, from the lots its OUT moves consumed (one row per
-- currency the lots were costed in; normally one). returned_at is set when the order is cancelled
-- after payment and the goods went back into their lots.
create table order_line_costs (
    id            bigint primary key,
    tenant_id     bigint         not null references tenants (id),
    order_id      bigint         not null,
    order_line_id bigint         not null,
    location_id   bigint         not null references locations (id),
    item_id       bigint         not null references items (id),
    quantity      numeric(12, 3) not null,
    currency      char(3)        not null,
    cost          numeric(12, 2) not null,
    returned_at   timestamptz,
    created_at    timestamptz    not null default now(),
    created_by    varchar(120)   not null,
    updated_at    timestamptz    not null default now(),
    updated_by    varchar(120)   not null,
    version       bigint         not null default 0,
    unique (order_line_id, currency)
);
create index order_line_costs_order_idx on order_line_costs (tenant_id, order_id);
