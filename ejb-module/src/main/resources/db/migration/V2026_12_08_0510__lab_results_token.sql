-- The LIS's REST results callback authenticates with a token per tenant. Only its SHA-256 is kept: the token is
-- shown once when generated, and a stolen database does not let anyone post results.
alter table lab_settings add column results_token_sha256 varchar(64) check (results_token_sha256 ~ '^[0-9a-f]{64}$');
