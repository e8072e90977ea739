-- Delivery reports: the providers call back (WhatsApp status webhooks, Twilio StatusCallback) with their own
-- message id; SENT becomes DELIVERED or FAILED. WhatsApp signs its webhooks with the app secret (per tenant).
alter table notification_messages add column delivered_at timestamptz;
create index notification_messages_provider_id on notification_messages (tenant_id, channel, provider_id)
    where provider_id is not null;
alter table notification_settings add column whatsapp_app_secret varchar(500);
-- room for secrets encrypted at rest (AES-GCM, base64 with a key id prefix)
alter table notification_settings alter column sms_auth_token type varchar(500);
