-- Idempotency keys of POST requests (io.cuadra.shared.idempotency): written in the same transaction
-- as the request's work, with the response to replay; a concurrent duplicate waits on the primary
-- key and is refused. Kept at least 24 hours, then deleted by a timer.
create table idempotency_keys (
    tenant_id         bigint       not null references tenants (id),
    idempotency_key   varchar(255) not null,
    request_hash      char(64)     not null,
    operation         varchar(200) not null,
    response_status   integer,
    response_body     text,
    response_location varchar(500),
    response_etag     varchar(100),
    created_at        timestamptz  not null default now(),
    primary key (tenant_id, idempotency_key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
