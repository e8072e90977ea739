-- The inbox: every message an outside system pushes to us, stored once by the sender's id before it is
-- answered, and handled after commit (through the outbox worker). A second delivery of the same id finds
-- its row and changes nothing.
create table inbox_messages (
    id            bigint primary key,
    tenant_id     bigint        not null references tenants (id),
    source        varchar(30)   not null,
    message_id    varchar(200)  not null,
    topic         varchar(100)  not null,
    payload       text          not null,
    status        varchar(12)   not null default 'RECEIVED' check (status in ('RECEIVED', 'PROCESSED')),
    processed_at  timestamptz,
    created_at    timestamptz   not null default now(),
    created_by    varchar(120)  not null,
    updated_at    timestamptz   not null default now(),
    updated_by    varchar(120)  not null,
    version       bigint        not null default 0,
    unique (tenant_id, source, message_id)
);
create index inbox_messages_open on inbox_messages (tenant_id, source) where status = 'RECEIVED';

-- One shop per tenant: where its orders land, the secrets (the API token and the webhook secret are never
-- sent back whole), the Admin API version, and the tenant's payment method that gateway payments become.
create table shopify_settings (
    tenant_id           bigint primary key references tenants (id),
    shop_domain         varchar(255)  not null unique check (shop_domain ~ '^[a-z0-9][a-z0-9.-]*$'),
    api_url             varchar(500),
    api_token           varchar(500)  not null,
    webhook_secret      varchar(500)  not null,
    api_version         varchar(10)   not null check (api_version ~ '^[0-9]{4}-[0-9]{2}$'),
    location_id         bigint        not null references locations (id),
    payment_method_code varchar(40)   not null,
    pull_enabled        boolean       not null default true,
    created_at          timestamptz   not null default now(),
    created_by          varchar(120)  not null,
    updated_at          timestamptz   not null default now(),
    updated_by          varchar(120)  not null,
    version             bigint        not null default 0
);

-- Shopify orders as Cuadra knows them, by Shopify id: the Cuadra order they became, or why they wait.
create table shopify_orders (
    id                bigint primary key,
    tenant_id         bigint        not null references tenants (id),
    shopify_id        bigint        not null,
    name              varchar(60),
    status            varchar(12)   not null check (status in ('IMPORTED', 'REVIEW')),
    order_id          bigint        references orders (id),
    reason            varchar(1000),
    payload           text          not null,
    shopify_updated_at timestamptz,
    created_at        timestamptz   not null default now(),
    created_by        varchar(120)  not null,
    updated_at        timestamptz   not null default now(),
    updated_by        varchar(120)  not null,
    version           bigint        not null default 0,
    unique (tenant_id, shopify_id),
    check (status <> 'IMPORTED' or order_id is not null)
);
create index shopify_orders_review on shopify_orders (tenant_id, updated_at desc) where status = 'REVIEW';

create table shopify_customers (
    id           bigint primary key,
    tenant_id    bigint        not null references tenants (id),
    shopify_id   bigint        not null,
    customer_id  bigint        not null references customers (id),
    created_at   timestamptz   not null default now(),
    created_by   varchar(120)  not null,
    updated_at   timestamptz   not null default now(),
    updated_by   varchar(120)  not null,
    version      bigint        not null default 0,
    unique (tenant_id, shopify_id)
);

-- A Shopify SKU that is not a Cuadra item code, mapped by a person from the review list.
create table shopify_sku_map (
    id           bigint primary key,
    tenant_id    bigint        not null references tenants (id),
    sku          varchar(100)  not null,
    item_id      bigint        not null references items (id),
    created_at   timestamptz   not null default now(),
    created_by   varchar(120)  not null,
    updated_at   timestamptz   not null default now(),
    updated_by   varchar(120)  not null,
    version      bigint        not null default 0,
    unique (tenant_id, sku)
);

-- The scheduled pull per tenant: the cursor (Shopify updated_at of the newest order seen), the lease that
-- makes one server pull at a time, and what the last run did.
create table shopify_sync_state (
    tenant_id        bigint primary key references tenants (id),
    orders_cursor    timestamptz,
    running_until    timestamptz,
    last_run_at      timestamptz,
    last_result      varchar(1000),
    last_orders      int           not null default 0,
    last_customers   int           not null default 0,
    throttled_waits  int           not null default 0,
    created_at       timestamptz   not null default now(),
    created_by       varchar(120)  not null,
    updated_at       timestamptz   not null default now(),
    updated_by       varchar(120)  not null,
    version          bigint        not null default 0
);
