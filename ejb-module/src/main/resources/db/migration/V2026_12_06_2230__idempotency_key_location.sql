-- An idempotency key remembers the location its request acted in, so that a replay answers only a
-- caller who may see that location (a cashier of another location gets 404, like for the order itself).
-- Null: the request concerned no single location.
alter table idempotency_keys add column location_id bigint;
