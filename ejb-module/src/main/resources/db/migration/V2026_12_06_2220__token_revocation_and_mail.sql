-- Access tokens carry the user's token_version (claim "tv"); raising it ends every session of the user
-- at once (deactivation, password change, roles or locations changed). Checked on every request
-- through a cache that forgets an entry after one second, so every server sees it within a second.
alter table users add column token_version bigint not null default 0;

-- A signed-out session's access tokens die with its refresh-token family: the check reads the
-- families revoked within an access token's lifetime.
create index refresh_tokens_user_revoked_idx on refresh_tokens (user_id, revoked_at) where revoked_at is not null;

-- Mail waiting for the outbox worker (topic "mail"). The row is deleted once the SMTP server took it,
-- so a reset link is held in clear only until it is handed over.
create table outgoing_mail (
    id          bigint primary key,
    tenant_id   bigint        not null references tenants (id),
    recipient   varchar(200)  not null,
    subject     varchar(300)  not null,
    body        text          not null,
    created_at  timestamptz   not null default now(),
    created_by  varchar(120)  not null,
    updated_at  timestamptz   not null default now(),
    updated_by  varchar(120)  not null,
    version     bigint        not null default 0
);
