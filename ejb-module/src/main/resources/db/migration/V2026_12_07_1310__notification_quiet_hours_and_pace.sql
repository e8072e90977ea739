-- Per tenant: quiet hours for WhatsApp/SMS to customers in the location's time ("21:00-08:00"; null: the
-- configured default) and a cap on messages a minute to the providers (null: the configured default).
alter table notification_settings add column quiet_hours varchar(11)
    check (quiet_hours ~ '^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$');
alter table notification_settings add column per_minute int check (per_minute > 0);
