-- Notifications: every message a business event produced, per channel, with its delivery history; the
-- tenant's provider settings; templates a tenant overrides (the defaults ship in the jar); opt-out per channel.

create table notification_messages (
    id                bigint primary key,
    tenant_id         bigint        not null references tenants (id),
    event             varchar(40)   not null check (event ~ '^[A-Z][A-Z_]*$'),
    channel           varchar(10)   not null check (channel in ('EMAIL', 'WHATSAPP', 'SMS', 'ALERT')),
    language          varchar(5)    not null check (language in ('es', 'en', 'fr')),
    -- e-mail address, E.164 phone, or the user's e-mail for an in-app alert; null when the customer has none
    recipient         varchar(200),
    recipient_user_id bigint        references users (id) on delete cascade,
    customer_id       bigint,
    order_id          bigint,
    document_id       bigint,
    location_id       bigint,
    -- the template's variables as the event gave them (JSON object of strings)
    variables         text          not null,
    status            varchar(12)   not null check (status in ('QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'SUPPRESSED')),
    reason            varchar(500),
    attempts          int           not null default 0,
    provider_id       varchar(200),
    provider_answer   varchar(2000),
    sent_at           timestamptz,
    read_at           timestamptz,
    resend_of         bigint        references notification_messages (id),
    created_at        timestamptz   not null default now(),
    created_by        varchar(120)  not null,
    updated_at        timestamptz   not null default now(),
    updated_by        varchar(120)  not null,
    version           bigint        not null default 0,
    check (channel <> 'ALERT' or recipient_user_id is not null)
);
create index notification_messages_recent on notification_messages (tenant_id, created_at desc, id desc);
create index notification_messages_customer on notification_messages (tenant_id, customer_id) where customer_id is not null;
create index notification_messages_order on notification_messages (tenant_id, order_id) where order_id is not null;
create index notification_messages_unread on notification_messages (recipient_user_id)
    where channel = 'ALERT' and read_at is null;

-- A tenant's own wording; absent rows fall back to the default set shipped with the application.
create table notification_templates (
    id          bigint primary key,
    tenant_id   bigint        not null references tenants (id),
    event       varchar(40)   not null,
    channel     varchar(10)   not null check (channel in ('EMAIL', 'WHATSAPP', 'SMS', 'ALERT')),
    language    varchar(5)    not null check (language in ('es', 'en', 'fr')),
    subject     varchar(300),
    body        text          not null,
    html        text,
    created_at  timestamptz   not null default now(),
    created_by  varchar(120)  not null,
    updated_at  timestamptz   not null default now(),
    updated_by  varchar(120)  not null,
    version     bigint        not null default 0,
    unique (tenant_id, event, channel, language)
);

-- Provider URL, credentials and sender per tenant; a null column takes the MicroProfile Config default.
create table notification_settings (
    tenant_id                bigint primary key references tenants (id),
    email_from               varchar(200),
    whatsapp_url             varchar(300),
    whatsapp_phone_number_id varchar(60),
    whatsapp_token           varchar(500),
    sms_url                  varchar(300),
    sms_account_sid          varchar(60),
    sms_auth_token           varchar(200),
    sms_from                 varchar(30),
    created_at               timestamptz  not null default now(),
    created_by               varchar(120) not null,
    updated_at               timestamptz  not null default now(),
    updated_by               varchar(120) not null,
    version                  bigint       not null default 0
);

-- Opt-out per channel (EMAIL, SMS, WHATSAPP), comma separated; contact_opt_out still stops them all.
alter table customers add column opted_out_channels varchar(60) not null default ''
    check (opted_out_channels ~ '^((EMAIL|SMS|WHATSAPP)(,(EMAIL|SMS|WHATSAPP))*)?$');
