-- Billing: electronic documents (SUNAT factura/boleta/credit note, French facture/avoir) as immutable
-- snapshots, gap-free series counters, status timeline, SUNAT answers, tenant billing profile; and the
-- generic transactional outbox that sends documents after the issuing transaction commits.

create table billing_series_counters (
    id           bigint primary key,
    tenant_id    bigint       not null references tenants (id),
    location_id  bigint       not null references locations (id),
    series       varchar(16)  not null,
    next_number  bigint       not null default 1 check (next_number >= 1),
    created_at   timestamptz  not null default now(),
    created_by   varchar(120) not null,
    updated_at   timestamptz  not null default now(),
    updated_by   varchar(120) not null,
    version      bigint       not null default 0,
    unique (tenant_id, location_id, series)
);

create table billing_profiles (
    id                     bigint primary key,
    tenant_id              bigint        not null unique references tenants (id),
    legal_form             varchar(60),
    share_capital          numeric(14, 2),
    siret                  varchar(14),
    rcs_city               varchar(60),
    vat_number             varchar(20),
    payment_terms_text     varchar(300),
    vat_exemption_mention  varchar(200),
    created_at             timestamptz   not null default now(),
    created_by             varchar(120)  not null,
    updated_at             timestamptz   not null default now(),
    updated_by             varchar(120)  not null,
    version                bigint        not null default 0
);

create table billing_documents (
    id                     bigint primary key,
    tenant_id              bigint        not null references tenants (id),
    kind                   varchar(12)   not null
                           check (kind in ('FACTURA', 'BOLETA', 'CREDIT_NOTE', 'FACTURE', 'AVOIR')),
    type_code              varchar(2)    not null,
    location_id            bigint        not null references locations (id),
    order_id               bigint,
    customer_id            bigint        references customers (id),
    series                 varchar(16)   not null,
    number                 bigint        not null check (number >= 1),
    display_number         varchar(40)   not null,
    status                 varchar(30)   not null
                           check (status in ('PENDING', 'SENT', 'ACCEPTED', 'ACCEPTED_WITH_OBSERVATIONS', 'REJECTED',
                                             'CANCELLED', 'ISSUED')),
    issue_date             date          not null,
    issued_at              timestamptz   not null,
    time_zone              varchar(60)   not null,
    currency               char(3)       not null,
    issuer_country         char(2)       not null,
    issuer_tax_id          varchar(20)   not null,
    issuer_legal_name      varchar(200)  not null,
    issuer_trade_name      varchar(200),
    issuer_establishment   varchar(4),
    issuer_address         varchar(300)  not null,
    issuer_ubigeo          varchar(6),
    issuer_district        varchar(100),
    issuer_province        varchar(100),
    issuer_department      varchar(100),
    issuer_legal_form      varchar(60),
    issuer_share_capital   numeric(14, 2),
    issuer_siret           varchar(14),
    issuer_rcs_city        varchar(60),
    issuer_vat_number      varchar(20),
    customer_doc_type      varchar(1)    not null,
    customer_doc_number    varchar(20)   not null,
    customer_name          varchar(300)  not null,
    customer_address       varchar(300),
    customer_business      boolean       not null default false,
    igv_base               numeric(12, 2) not null default 0,
    igv_amount             numeric(12, 2) not null default 0,
    exonerated_base        numeric(12, 2) not null default 0,
    unaffected_base        numeric(12, 2) not null default 0,
    total_value            numeric(12, 2) not null,
    total_tax              numeric(12, 2) not null,
    total_amount           numeric(12, 2) not null check (total_amount >= 0),
    amount_in_words        varchar(300),
    payment_terms          varchar(10)   check (payment_terms in ('CASH', 'CREDIT')),
    payment_due_date       date,
    payment_terms_text     varchar(300),
    vat_exemption_mention  varchar(200),
    original_id            bigint        references billing_documents (id),
    reason_code            varchar(2),
    reason_text            varchar(500),
    credited_total         numeric(12, 2) not null default 0 check (credited_total >= 0),
    xml                    bytea,
    hash                   varchar(100),
    created_at             timestamptz   not null default now(),
    created_by             varchar(120)  not null,
    updated_at             timestamptz   not null default now(),
    updated_by             varchar(120)  not null,
    version                bigint        not null default 0,
    -- a number is spent once, even by a rejected document
    unique (tenant_id, location_id, series, number),
    check (credited_total <= total_amount),
    check ((kind in ('CREDIT_NOTE', 'AVOIR')) = (original_id is not null)),
    check (kind not in ('CREDIT_NOTE', 'AVOIR') or reason_code is not null)
);

create index billing_documents_list on billing_documents (tenant_id, issue_date desc, id desc);
create index billing_documents_order on billing_documents (tenant_id, order_id);
create index billing_documents_original on billing_documents (original_id);
create index billing_documents_customer on billing_documents (tenant_id, customer_id);

-- Immutable children of a document: written once in the issuing transaction, never updated.
create table billing_document_lines (
    id                 bigint primary key,
    tenant_id          bigint         not null references tenants (id),
    document_id        bigint         not null references billing_documents (id),
    line_no            integer        not null check (line_no >= 1),
    original_line_no   integer,
    item_id            bigint,
    code               varchar(30),
    description        varchar(500)   not null,
    unit_code          varchar(3)     not null,
    quantity           numeric(12, 3) not null check (quantity > 0),
    returned_quantity  numeric(12, 3) not null default 0 check (returned_quantity >= 0),
    unit_value         numeric(22, 10) not null,
    unit_price         numeric(22, 10) not null,
    value_amount       numeric(12, 2) not null check (value_amount >= 0),
    affectation_code   varchar(2)     not null,
    tax_percent        numeric(5, 2)  not null,
    tax_amount         numeric(12, 2) not null check (tax_amount >= 0),
    total_amount       numeric(12, 2) not null check (total_amount >= 0),
    created_at         timestamptz    not null default now(),
    unique (document_id, line_no)
);

create table billing_document_instalments (
    id           bigint primary key,
    tenant_id    bigint         not null references tenants (id),
    document_id  bigint         not null references billing_documents (id),
    instalment   integer        not null check (instalment >= 1),
    amount       numeric(12, 2) not null check (amount > 0),
    due_date     date           not null,
    created_at   timestamptz    not null default now(),
    unique (document_id, instalment)
);

-- The status timeline: one row per transition, who and when, with SUNAT's words when it spoke.
create table billing_document_events (
    id           bigint primary key,
    tenant_id    bigint        not null references tenants (id),
    document_id  bigint        not null references billing_documents (id),
    at           timestamptz   not null,
    actor        varchar(120)  not null,
    from_status  varchar(30),
    to_status    varchar(30)   not null,
    notes        varchar(2000),
    created_at   timestamptz   not null default now()
);

create index billing_document_events_document on billing_document_events (document_id, at, id);

-- Every answer SUNAT gave (or the failure to get one), with the CDR exactly as received.
create table billing_sunat_responses (
    id           bigint primary key,
    tenant_id    bigint        not null references tenants (id),
    document_id  bigint        not null references billing_documents (id),
    at           timestamptz   not null,
    attempt      integer       not null,
    outcome      varchar(30)   not null
                 check (outcome in ('ACCEPTED', 'ACCEPTED_WITH_OBSERVATIONS', 'REJECTED', 'RETRY')),
    code         varchar(10),
    message      varchar(2000),
    notes        text,
    cdr_zip      bytea,
    cdr_xml      text,
    created_at   timestamptz   not null default now()
);

create index billing_sunat_responses_document on billing_sunat_responses (document_id, at, id);

-- Generic transactional outbox: written in the business transaction, drained after commit by a worker
-- that claims rows with FOR UPDATE SKIP LOCKED and retries with exponential backoff.
create table outbox_messages (
    id               bigint primary key,
    tenant_id        bigint        not null references tenants (id),
    topic            varchar(60)   not null,
    aggregate_id     bigint        not null,
    status           varchar(12)   not null default 'PENDING'
                     check (status in ('PENDING', 'IN_FLIGHT', 'DONE', 'FAILED')),
    attempts         integer       not null default 0 check (attempts >= 0),
    next_attempt_at  timestamptz   not null default now(),
    locked_until     timestamptz,
    last_error       varchar(2000),
    processed_at     timestamptz,
    created_at       timestamptz   not null default now(),
    created_by       varchar(120)  not null,
    updated_at       timestamptz   not null default now(),
    updated_by       varchar(120)  not null,
    version          bigint        not null default 0
);

create index outbox_messages_due on outbox_messages (next_attempt_at) where status in ('PENDING', 'IN_FLIGHT');
create index outbox_messages_aggregate on outbox_messages (topic, aggregate_id);
