-- Reconciliation: the closure of each location's business day (figures, cash count by denomination,
-- discrepancies, close/reopen history), bank statements imported with a per-bank column mapping and
-- matched to payments, and the batch job runs behind them.

-- One row per location and business day (the day in the location's own zone).
create table daily_closures (
    id                    bigint primary key,
    tenant_id             bigint        not null references tenants (id),
    location_id           bigint        not null references locations (id),
    business_date         date          not null,
    currency              char(3)       not null,
    status                varchar(10)   not null default 'OPEN' check (status in ('OPEN', 'CLOSED', 'REOPENED')),
    computed_at           timestamptz,
    computed_by           varchar(120),
    order_count           integer       not null default 0 check (order_count >= 0),
    cancelled_order_count integer       not null default 0 check (cancelled_order_count >= 0),
    invoice_count         integer       not null default 0 check (invoice_count >= 0),
    credit_note_count     integer       not null default 0 check (credit_note_count >= 0),
    invoiced_total        numeric(12, 2) not null default 0,
    credited_total        numeric(12, 2) not null default 0,
    -- What was registered with the tax authority: invoices and receipts minus credit notes.
    registered_total      numeric(12, 2) not null default 0,
    expected_total        numeric(12, 2) not null default 0,
    expected_cash         numeric(12, 2) not null default 0,
    -- The latest drawer count and its difference from the expected cash, over (+) or short (-), as found.
    counted_cash          numeric(12, 2),
    cash_difference       numeric(12, 2),
    discrepancy_count     integer       not null default 0 check (discrepancy_count >= 0),
    notes                 varchar(2000),
    closed_at             timestamptz,
    closed_by             varchar(120),
    reopened_at           timestamptz,
    reopened_by           varchar(120),
    reopen_reason         varchar(2000),
    created_at            timestamptz   not null default now(),
    created_by            varchar(120)  not null,
    updated_at            timestamptz   not null default now(),
    updated_by            varchar(120)  not null,
    version               bigint        not null default 0,
    unique (tenant_id, location_id, business_date),
    check (registered_total = invoiced_total - credited_total),
    check ((counted_cash is null) = (cash_difference is null)),
    check (cash_difference is null or cash_difference = counted_cash - expected_cash),
    check (status <> 'CLOSED' or (closed_at is not null and closed_by is not null)),
    check (status <> 'REOPENED' or (reopened_at is not null and reopen_reason is not null))
);
create index daily_closures_tenant_date_idx on daily_closures (tenant_id, business_date desc);

-- Expected amount per payment method (cash already net of change given).
create table closure_method_totals (
    id            bigint primary key,
    tenant_id     bigint        not null references tenants (id),
    closure_id    bigint        not null references daily_closures (id) on delete cascade,
    kind          varchar(10)   not null check (kind in ('CASH', 'CARD', 'TRANSFER', 'WALLET', 'OTHER')),
    method_code   varchar(30)   not null,
    expected      numeric(12, 2) not null,
    payment_count integer       not null check (payment_count >= 0),
    created_at    timestamptz   not null default now(),
    created_by    varchar(120)  not null,
    updated_at    timestamptz   not null default now(),
    updated_by    varchar(120)  not null,
    version       bigint        not null default 0,
    unique (closure_id, kind, method_code)
);

-- Every transition of a closure: who closed or reopened it, when, with which notes or reason.
create table closure_events (
    id          bigint primary key,
    tenant_id   bigint        not null references tenants (id),
    closure_id  bigint        not null references daily_closures (id) on delete cascade,
    from_status varchar(10)   not null,
    to_status   varchar(10)   not null,
    actor       varchar(120)  not null,
    at          timestamptz   not null,
    note        varchar(2000),
    created_at  timestamptz   not null default now(),
    created_by  varchar(120)  not null,
    updated_at  timestamptz   not null default now(),
    updated_by  varchar(120)  not null,
    version     bigint        not null default 0,
    check (to_status = 'CLOSED' and from_status in ('OPEN', 'REOPENED')
           or to_status = 'REOPENED' and from_status = 'CLOSED' and note is not null)
);
create index closure_events_closure_idx on closure_events (closure_id, at);

-- Drawer counts by denomination; every count is kept, the latest one is the closure's.
create table cash_counts (
    id            bigint primary key,
    tenant_id     bigint        not null references tenants (id),
    closure_id    bigint        not null references daily_closures (id) on delete cascade,
    currency      char(3)       not null,
    total         numeric(12, 2) not null check (total >= 0),
    expected_cash numeric(12, 2) not null,
    difference    numeric(12, 2) not null,
    counted_by    varchar(120)  not null,
    counted_at    timestamptz   not null,
    created_at    timestamptz   not null default now(),
    created_by    varchar(120)  not null,
    updated_at    timestamptz   not null default now(),
    updated_by    varchar(120)  not null,
    version       bigint        not null default 0,
    check (difference = total - expected_cash)
);
create index cash_counts_closure_idx on cash_counts (closure_id, counted_at desc);

create table cash_count_lines (
    id            bigint primary key,
    tenant_id     bigint        not null references tenants (id),
    cash_count_id bigint        not null references cash_counts (id) on delete cascade,
    form          varchar(4)    not null check (form in ('NOTE', 'COIN')),
    face_value    numeric(12, 2) not null check (face_value > 0),
    pieces        integer       not null check (pieces >= 0),
    subtotal      numeric(12, 2) not null,
    created_at    timestamptz   not null default now(),
    created_by    varchar(120)  not null,
    updated_at    timestamptz   not null default now(),
    updated_by    varchar(120)  not null,
    version       bigint        not null default 0,
    unique (cash_count_id, form, face_value),
    check (subtotal = face_value * pieces)
);

-- What does not add up in a day. The natural key (type, subject, subject id) makes a re-run or a
-- restarted job find the same row again; a row no longer found by the latest computation is CLEARED.
create table discrepancies (
    id               bigint primary key,
    tenant_id        bigint        not null references tenants (id),
    closure_id       bigint        not null references daily_closures (id) on delete cascade,
    type             varchar(20)   not null
                     check (type in ('MISSING_INVOICE', 'MISSING_ORDER', 'AMOUNT_MISMATCH', 'PAYMENT_MISMATCH')),
    subject          varchar(10)   not null check (subject in ('ORDER', 'DOCUMENT', 'PAYMENT')),
    subject_id       bigint        not null,
    order_id         bigint,
    order_number     varchar(40),
    document_id      bigint,
    document_numbers varchar(300),
    expected_amount  numeric(12, 2) not null,
    actual_amount    numeric(12, 2) not null,
    difference       numeric(12, 2) not null,
    description      varchar(1000) not null,
    status           varchar(10)   not null default 'OPEN' check (status in ('OPEN', 'RESOLVED', 'CLEARED')),
    found_at         timestamptz   not null,
    last_seen_at     timestamptz   not null,
    resolution_notes varchar(2000),
    resolved_by      varchar(120),
    resolved_at      timestamptz,
    created_at       timestamptz   not null default now(),
    created_by       varchar(120)  not null,
    updated_at       timestamptz   not null default now(),
    updated_by       varchar(120)  not null,
    version          bigint        not null default 0,
    unique (closure_id, type, subject, subject_id),
    check (difference = actual_amount - expected_amount),
    check (status <> 'RESOLVED' or (resolution_notes is not null and resolved_by is not null
                                    and resolved_at is not null))
);
create index discrepancies_open_idx on discrepancies (tenant_id, closure_id) where status = 'OPEN';

-- Work of a running closure job: one partial tally per committed chunk, in the chunk's transaction,
-- merged when the step ends and then deleted. Not business data: no audit, no version.
create table closure_partials (
    id              bigint generated always as identity primary key,
    tenant_id       bigint       not null references tenants (id),
    closure_id      bigint       not null references daily_closures (id) on delete cascade,
    run_key         varchar(40)  not null,
    tally           bytea        not null,
    created_at      timestamptz  not null default now()
);
create index closure_partials_run_idx on closure_partials (run_key, closure_id);

-- Every execution of a reconciliation job the tenant started (by hand, schedule or restart), so
-- executions are listed per tenant and a job's status is read from the module that started it.
create table reconciliation_job_runs (
    id            bigint primary key,
    tenant_id     bigint       not null references tenants (id),
    execution_id  bigint       not null unique,
    instance_id   bigint       not null,
    job_name      varchar(60)  not null,
    location_id   bigint       references locations (id),
    business_date date,
    statement_id  bigint,
    restart_of    bigint,
    trigger       varchar(10)  not null check (trigger in ('MANUAL', 'SCHEDULE', 'RESTART', 'IMPORT')),
    created_at    timestamptz  not null default now(),
    created_by    varchar(120) not null,
    updated_at    timestamptz  not null default now(),
    updated_by    varchar(120) not null,
    version       bigint       not null default 0
);
create index reconciliation_job_runs_tenant_idx on reconciliation_job_runs (tenant_id, execution_id desc);

-- How one bank lays out its statement export: columns count from 0; either one signed amount
-- column, or a credit column and a debit column.
create table bank_profiles (
    id                  bigint primary key,
    tenant_id           bigint       not null references tenants (id),
    code                varchar(20)  not null check (code ~ '^[A-Z0-9_-]{2,20}$'),
    name                varchar(120) not null,
    currency            char(3)      not null,
    csv_separator       char(1)      not null default ',',
    header_rows         integer      not null default 1 check (header_rows >= 0),
    date_column         integer      not null check (date_column >= 0),
    date_pattern        varchar(30)  not null,
    amount_column       integer      check (amount_column >= 0),
    credit_column       integer      check (credit_column >= 0),
    debit_column        integer      check (debit_column >= 0),
    decimal_separator   char(1)      not null check (decimal_separator in ('.', ',')),
    thousands_separator char(1),
    description_column  integer      not null check (description_column >= 0),
    reference_column    integer      check (reference_column >= 0),
    counterparty_column integer      check (counterparty_column >= 0),
    created_at          timestamptz  not null default now(),
    created_by          varchar(120) not null,
    updated_at          timestamptz  not null default now(),
    updated_by          varchar(120) not null,
    version             bigint       not null default 0,
    unique (tenant_id, code),
    check ((amount_column is not null) <> (credit_column is not null and debit_column is not null)),
    check ((credit_column is null) = (debit_column is null))
);

-- An uploaded statement file and what its import found.
create table bank_statements (
    id                bigint primary key,
    tenant_id         bigint       not null references tenants (id),
    profile_id        bigint       not null references bank_profiles (id),
    account_number    varchar(40)  not null,
    file_name         varchar(200) not null,
    file_format       varchar(4)   not null check (file_format in ('CSV', 'XLSX')),
    file_sha256       char(64)     not null,
    content           bytea        not null,
    status            varchar(10)  not null default 'PENDING'
                      check (status in ('PENDING', 'IMPORTING', 'IMPORTED', 'FAILED')),
    row_count         integer      not null default 0,
    transaction_count integer      not null default 0,
    new_count         integer      not null default 0,
    duplicate_count   integer      not null default 0,
    rejected_count    integer      not null default 0,
    period_from       date,
    period_to         date,
    imported_at       timestamptz,
    created_at        timestamptz  not null default now(),
    created_by        varchar(120) not null,
    updated_at        timestamptz  not null default now(),
    updated_by        varchar(120) not null,
    version           bigint       not null default 0
);
create index bank_statements_tenant_idx on bank_statements (tenant_id, id desc);

-- The rejected-rows report of an import.
create table bank_statement_rejections (
    id           bigint primary key,
    tenant_id    bigint        not null references tenants (id),
    statement_id bigint        not null references bank_statements (id) on delete cascade,
    row_number   integer       not null,
    reason       varchar(20)   not null,
    message      varchar(500)  not null,
    cells        varchar(2000) not null,
    created_at   timestamptz   not null default now(),
    created_by   varchar(120)  not null,
    updated_at   timestamptz   not null default now(),
    updated_by   varchar(120)  not null,
    version      bigint        not null default 0,
    unique (statement_id, row_number)
);

-- One movement of a bank account. The fingerprint (account, date, amount, texts, occurrence among
-- identical twins of the day) is the natural key: re-importing a file or an overlapping period
-- finds the same movement again instead of adding it twice.
create table bank_transactions (
    id             bigint primary key,
    tenant_id      bigint        not null references tenants (id),
    statement_id   bigint        not null references bank_statements (id),
    account_number varchar(40)   not null,
    fingerprint    char(64)      not null,
    occurrence     integer       not null check (occurrence >= 1),
    row_number     integer       not null,
    booked_on      date          not null,
    amount         numeric(12, 2) not null check (amount <> 0),
    currency       char(3)       not null,
    description    varchar(500)  not null,
    reference      varchar(100),
    counterparty   varchar(200),
    status         varchar(10)   not null default 'UNMATCHED' check (status in ('UNMATCHED', 'MATCHED', 'IGNORED')),
    ignore_reason  varchar(300),
    decided_by     varchar(120),
    decided_at     timestamptz,
    created_at     timestamptz   not null default now(),
    created_by     varchar(120)  not null,
    updated_at     timestamptz   not null default now(),
    updated_by     varchar(120)  not null,
    version        bigint        not null default 0,
    unique (tenant_id, fingerprint),
    check (status <> 'IGNORED' or ignore_reason is not null),
    check (status = 'UNMATCHED' or amount > 0)
);
create index bank_transactions_tenant_date_idx on bank_transactions (tenant_id, booked_on desc);
create index bank_transactions_open_idx on bank_transactions (tenant_id, booked_on) where status = 'UNMATCHED';

-- A pairing of bank credits with payments: suggested by the matching job, matched automatically or
-- by a person, or undone. Its links are active while the match stands, and an item can be in one
-- standing match only (the partial unique indexes below).
create table bank_matches (
    id              bigint primary key,
    tenant_id       bigint        not null references tenants (id),
    shape           varchar(30)   not null
                    check (shape in ('ONE_TO_ONE', 'ONE_CREDIT_MANY_PAYMENTS', 'MANY_CREDITS_ONE_ORDER', 'MANUAL')),
    status          varchar(10)   not null check (status in ('SUGGESTED', 'MATCHED', 'UNMATCHED', 'DISMISSED')),
    origin          varchar(10)   not null check (origin in ('AUTO', 'SUGGESTION', 'MANUAL')),
    score           numeric(5, 4),
    amount_score    numeric(5, 4),
    date_score      numeric(5, 4),
    reference_score numeric(5, 4),
    name_score      numeric(5, 4),
    credit_total    numeric(12, 2) not null,
    payment_total   numeric(12, 2) not null,
    decided_by      varchar(120),
    decided_at      timestamptz,
    note            varchar(300),
    created_at      timestamptz   not null default now(),
    created_by      varchar(120)  not null,
    updated_at      timestamptz   not null default now(),
    updated_by      varchar(120)  not null,
    version         bigint        not null default 0
);
create index bank_matches_tenant_status_idx on bank_matches (tenant_id, status);

create table bank_match_credits (
    id             bigint primary key,
    tenant_id      bigint        not null references tenants (id),
    match_id       bigint        not null references bank_matches (id) on delete cascade,
    transaction_id bigint        not null references bank_transactions (id),
    amount         numeric(12, 2) not null,
    active         boolean       not null default false,
    created_at     timestamptz   not null default now(),
    created_by     varchar(120)  not null,
    updated_at     timestamptz   not null default now(),
    updated_by     varchar(120)  not null,
    version        bigint        not null default 0,
    unique (match_id, transaction_id)
);
create unique index bank_match_credits_active_uq on bank_match_credits (tenant_id, transaction_id) where active;

-- payment_id points at the orders component's payment (the foreign key is added with its table).
create table bank_match_payments (
    id           bigint primary key,
    tenant_id    bigint        not null references tenants (id),
    match_id     bigint        not null references bank_matches (id) on delete cascade,
    payment_id   bigint        not null,
    order_id     bigint        not null,
    order_number varchar(40)   not null,
    paid_on      date          not null,
    amount       numeric(12, 2) not null,
    active       boolean       not null default false,
    created_at   timestamptz   not null default now(),
    created_by   varchar(120)  not null,
    updated_at   timestamptz   not null default now(),
    updated_by   varchar(120)  not null,
    version      bigint        not null default 0,
    unique (match_id, payment_id)
);
create unique index bank_match_payments_active_uq on bank_match_payments (tenant_id, payment_id) where active;
