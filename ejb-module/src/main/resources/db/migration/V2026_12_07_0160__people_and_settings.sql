-- People: sign-in by username (SIPUD's staff have no e-mail). A username is unique within its tenant
-- and signs in as "username@tenant-slug"; the e-mail becomes optional, but a user has at least one.
alter table users alter column email drop not null;
alter table users add column username varchar(40)
    check (username is null or username ~ '^[a-z0-9][a-z0-9._-]{1,39}$');
alter table users add constraint users_email_or_username check (email is not null or username is not null);
create unique index users_tenant_username_idx on users (tenant_id, username) where username is not null;

-- Custom roles carry generated codes (CUSTOM_<n>); the template set a role came from, for the README's
-- "templates" and for re-applying a set without duplicating it.
alter table roles add column template varchar(20);

-- Picking order of sales and transfers: FEFO (earliest expiry first) or FIFO (earliest receipt first).
alter table inventory_settings add column picking_order varchar(4) not null default 'FEFO'
    check (picking_order in ('FEFO', 'FIFO'));

-- Suppliers without a tax id (SIPUD's and the clinic's small suppliers); validated when given.
alter table suppliers alter column tax_id drop not null;
