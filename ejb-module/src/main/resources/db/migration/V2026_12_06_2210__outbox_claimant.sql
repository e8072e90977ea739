-- The server holding an IN_FLIGHT claim (host and Payara instance directory). A server that restarts takes
-- its own claims back as it starts: what its previous life claimed was never finished, and waiting for the
-- lease (5 minutes) would hold those documents back from SUNAT.
alter table outbox_messages add column claimed_by varchar(500);
create index outbox_messages_claimed_by on outbox_messages (claimed_by) where status = 'IN_FLIGHT';
