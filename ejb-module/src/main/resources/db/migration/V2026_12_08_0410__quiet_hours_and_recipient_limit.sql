-- Quiet hours per location: non-urgent messages due between quiet_from and quiet_until (local time of the
-- location; from > until wraps past midnight) wait until they end. Urgent ones (password reset, discrepancy)
-- are not held.
create table notification_quiet_hours (
    tenant_id   bigint       not null references tenants (id),
    location_id bigint       not null references locations (id) on delete cascade,
    quiet_from  time         not null,
    quiet_until time         not null check (quiet_until <> quiet_from),
    created_at  timestamptz  not null default now(),
    created_by  varchar(120) not null,
    updated_at  timestamptz  not null default now(),
    updated_by  varchar(120) not null,
    version     bigint       not null default 0,
    primary key (tenant_id, location_id)
);

-- Per-recipient limit: at most this many non-urgent messages per hour to one address on one channel; more wait
-- (stay QUEUED) until the oldest of the hour leaves the window. Null takes the configured default, 0 is none.
alter table notification_settings add column recipient_per_hour int check (recipient_per_hour >= 0);
-- When a message passed the limit's gate and went to its provider: the hour's count is taken over these.
alter table notification_messages add column dispatched_at timestamptz;
create index notification_messages_dispatched on notification_messages (tenant_id, channel, recipient, dispatched_at)
    where dispatched_at is not null;
