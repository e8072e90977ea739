-- Platform operators open, suspend and reactivate tenants. They belong to no tenant: no tenant_id,
-- no roles, no row in users, so no tenant query can ever return one and no tenant code can take a user
-- for an operator. The password hash is null until the operator chose one through the single-use setup
-- link (first-run step: CUADRA_OPERATOR_EMAIL); only the link's SHA-256 is kept.
create table platform_operators (
    id               bigint primary key,
    email            varchar(200) not null unique,
    password_hash    varchar(200),
    active           boolean      not null default true,
    token_version    bigint       not null default 0,
    setup_token_hash char(64),
    setup_expires_at timestamptz,
    last_login_at    timestamptz,
    created_at       timestamptz  not null default now(),
    created_by       varchar(120) not null,
    updated_at       timestamptz  not null default now(),
    updated_by       varchar(120) not null,
    version          bigint       not null default 0,
    check ((setup_token_hash is null) = (setup_expires_at is null))
);

-- An opening runs once per Idempotency-Key: the key, the request's fingerprint and the tenant it opened
-- commit with the tenant. Operators have no tenant, so the tenants' idempotency_keys table cannot hold it.
create table platform_requests (
    idempotency_key varchar(255) primary key,
    operator_id     bigint       not null references platform_operators (id),
    request_hash    char(64)     not null,
    operation       varchar(200) not null,
    tenant_id       bigint       not null references tenants (id),
    created_at      timestamptz  not null default now()
);

-- What an operator sets when opening a tenant, beyond its company: the languages its people work in, the
-- country pack version applied, and suspension. (The fiscal regime is billing's: billing_profiles.)
-- A suspended tenant is one with active = false (sign-in and tokens already read that column).
alter table tenants
    add column languages            varchar(40) not null default 'es' check (languages ~ '^[a-z]{2}(,[a-z]{2})*$'),
    add column country_pack_version integer,
    add column suspended_at         timestamptz,
    add column suspension_reason    varchar(300);

update tenants t
   set languages = case c.country when 'FR' then 'fr' else 'es' end
  from companies c
 where c.tenant_id = t.id;

-- Chile: IVA 19 % (DL 825) and exento. Mexico: IVA 16 %, tasa 0 % and exento (LIVA art. 1, 2-A, 9, 15).
-- Affectation codes are SUNAT's, and there '10' means a positive rate: Mexico's tasa 0 % (a taxed rate at
-- zero in Mexican law) groups with the untaxed base ('30'), exento with the exempt one ('20'). An internal
-- receipt shows the same zero tax either way.
insert into tax_rate_defaults (country, name, percent, affectation_code, position) values
    ('CL', 'IVA 19 %', 19.00, '10', 1),
    ('CL', 'Exento', 0.00, '20', 2),
    ('MX', 'IVA 16 %', 16.00, '10', 1),
    ('MX', 'IVA 0 %', 0.00, '30', 2),
    ('MX', 'Exento', 0.00, '20', 3);

-- Identity documents beyond SUNAT catalog 06: Chile's RUT, Mexico's RFC and CURP, France's SIREN, SIRET
-- and intra-EU VAT number. Their stored code is their name (catalog 06 codes are one character).
alter table customers alter column document_type type varchar(5);
alter table customers drop constraint if exists customers_document_type_check;
alter table customers add constraint customers_document_type_check
    check (document_type in ('0', '1', '4', '6', '7', 'RUT', 'RFC', 'CURP', 'SIREN', 'SIRET', 'VAT'));
-- A sale document copies its customer's document type: the same codes must fit there.
alter table billing_documents alter column customer_doc_type type varchar(5);
