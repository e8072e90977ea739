-- The laboratory system (LIS): which catalog services are lab tests (and their code at the LIS), how each
-- location reaches its LIS, the lab part of an order, and one sync log row per message in or out.

-- Patient identity the LIS asks for; both optional ("when known").
alter table customers add column birth_date date;
alter table customers add column sex varchar(1) check (sex in ('F', 'M', 'O', 'U'));

-- Per tenant: when an order goes to the LIS (registered or paid).
create table lab_settings (
    tenant_id   bigint primary key references tenants (id),
    send_on     varchar(10)  not null default 'REGISTERED' check (send_on in ('REGISTERED', 'PAID')),
    created_at  timestamptz  not null default now(),
    created_by  varchar(120) not null,
    updated_at  timestamptz  not null default now(),
    updated_by  varchar(120) not null,
    version     bigint       not null default 0
);

-- A catalog service the LIS performs, with the LIS's own test code (a service without a row is no lab test).
create table lab_tests (
    id          bigint primary key,
    tenant_id   bigint       not null references tenants (id),
    item_id     bigint       not null references items (id),
    test_code   varchar(40)  not null check (test_code ~ '^[A-Za-z0-9._-]{1,40}$'),
    created_at  timestamptz  not null default now(),
    created_by  varchar(120) not null,
    updated_at  timestamptz  not null default now(),
    updated_by  varchar(120) not null,
    version     bigint       not null default 0,
    unique (tenant_id, item_id)
);

-- How a location reaches its LIS: HL7 v2.5 over MLLP, or REST/JSON. No row: the location has no LIS.
create table lab_connections (
    id                 bigint primary key,
    tenant_id          bigint       not null references tenants (id),
    location_id        bigint       not null references locations (id),
    adapter            varchar(4)   not null check (adapter in ('MLLP', 'REST')),
    mllp_host          varchar(200),
    mllp_port          integer      check (mllp_port between 1 and 65535),
    rest_url           varchar(500),
    auth_header        varchar(100),
    auth_value         varchar(500),
    connect_timeout_ms integer      not null default 3000 check (connect_timeout_ms between 100 and 60000),
    read_timeout_ms    integer      not null default 10000 check (read_timeout_ms between 100 and 120000),
    -- MSH-5 / MSH-6 of what is sent (the LIS's application and facility names)
    lis_application    varchar(60)  not null default 'LIS',
    lis_facility       varchar(60)  not null default 'LAB',
    created_at         timestamptz  not null default now(),
    created_by         varchar(120) not null,
    updated_at         timestamptz  not null default now(),
    updated_by         varchar(120) not null,
    version            bigint       not null default 0,
    unique (location_id),
    check (adapter <> 'MLLP' or (mllp_host is not null and mllp_port is not null)),
    check (adapter <> 'REST' or rest_url is not null)
);

-- The lab part of an order, written when it is first sent; the placer order number at the LIS is the order id.
create table lab_orders (
    id           bigint primary key,
    tenant_id    bigint       not null references tenants (id),
    order_id     bigint       not null references orders (id),
    order_number varchar(40)  not null,
    location_id  bigint       not null references locations (id),
    status       varchar(10)  not null check (status in ('SENT', 'RESULTED', 'CANCELLED')),
    resulted_at  timestamptz,
    created_at   timestamptz  not null default now(),
    created_by   varchar(120) not null,
    updated_at   timestamptz  not null default now(),
    updated_by   varchar(120) not null,
    version      bigint       not null default 0,
    unique (order_id)
);

create table lab_order_lines (
    id            bigint primary key,
    tenant_id     bigint       not null references tenants (id),
    lab_order_id  bigint       not null references lab_orders (id),
    order_line_id bigint       not null references order_lines (id),
    line_number   integer      not null,
    test_code     varchar(40)  not null,
    test_name     varchar(200) not null,
    resulted_at   timestamptz,
    -- the observations as the LIS sent them (OBX value, units, flags), one per line of text
    result_text   text,
    unique (lab_order_id, line_number)
);

-- One row per message to or from the LIS (the seed's lab_sync_logs).
create table lab_sync_logs (
    id               bigint primary key,
    tenant_id        bigint        not null references tenants (id),
    location_id      bigint        references locations (id),
    lab_order_id     bigint        references lab_orders (id),
    order_id         bigint,
    direction        varchar(3)    not null check (direction in ('OUT', 'IN')),
    kind             varchar(10)   not null check (kind in ('NEW', 'CANCEL', 'RESULT')),
    adapter          varchar(4)    not null check (adapter in ('MLLP', 'REST')),
    control_id       varchar(40),
    status           varchar(10)   not null check (status in ('PENDING', 'SUCCESS', 'FAILED', 'RETRYING')),
    attempts         integer       not null default 0,
    last_error       varchar(2000),
    request_payload  text          not null,
    response_payload text,
    first_attempt_at timestamptz,
    last_attempt_at  timestamptz,
    duration_ms      integer,
    completed_at     timestamptz,
    resend_of        bigint        references lab_sync_logs (id),
    created_at       timestamptz   not null default now(),
    created_by       varchar(120)  not null,
    updated_at       timestamptz   not null default now(),
    updated_by       varchar(120)  not null,
    version          bigint        not null default 0
);
create index lab_sync_logs_open on lab_sync_logs (tenant_id, location_id, created_at desc)
    where status in ('PENDING', 'FAILED', 'RETRYING');
create index lab_sync_logs_order on lab_sync_logs (tenant_id, order_id);

-- Generic inbox: a message received from an outside system is handled once, keyed by the sender's id.
create table received_messages (
    source      varchar(40)  not null,
    message_id  varchar(200) not null,
    tenant_id   bigint       references tenants (id),
    received_at timestamptz  not null default now(),
    primary key (source, message_id)
);
