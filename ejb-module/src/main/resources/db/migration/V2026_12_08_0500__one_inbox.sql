-- One inbox: the message ids remembered for protocols that answer in the same exchange (HL7 results over MLLP,
-- the LIS's REST callback) join the webhooks in inbox_messages, stored already handled. A row without a tenant
-- was never written (every caller named the order's tenant); such a row could belong to nobody and is left out.
insert into inbox_messages (id, tenant_id, source, message_id, topic, payload, status, processed_at,
                            created_at, created_by, updated_at, updated_by)
select nextval('cuadra_id_seq'), r.tenant_id, r.source, r.message_id, 'ORU^R01', '', 'PROCESSED', r.received_at,
       r.received_at, 'migration', r.received_at, 'migration'
  from received_messages r
 where r.tenant_id is not null
on conflict (tenant_id, source, message_id) do nothing;

drop table received_messages;
