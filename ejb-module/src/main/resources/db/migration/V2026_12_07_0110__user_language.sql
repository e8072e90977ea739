-- The back office's language each user chose (es, en, fr); null until they choose: the browser's then the tenant's.
alter table users add column language varchar(2);
alter table users add constraint users_language_known check (language is null or language in ('es', 'en', 'fr'));
