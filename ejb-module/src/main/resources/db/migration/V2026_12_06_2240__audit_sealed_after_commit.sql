-- Audit lines are written unsealed in the business transaction (no chain head to lock) and sealed into
-- their tenant's hash chain after commit by one sealer at a time (AuditSealer). A sealed line has its
-- seq, prev_hash and hash; an unsealed one has none of them yet.
alter table audit_log alter column seq drop not null,
                      alter column prev_hash drop not null,
                      alter column hash drop not null,
                      add column sealed_at timestamptz,
                      -- The transaction that wrote the line (sealing rewrites the row, hence its xmin): a line is
                      -- provably written by the transaction of the change it describes.
                      add column written_in_xact bigint,
                      add constraint audit_log_sealed_whole check (
                          (seq is null and prev_hash is null and hash is null and sealed_at is null)
                          or (seq is not null and prev_hash is not null and hash is not null));

-- Lines written before this migration keep no transaction id (null); every new one gets its writer's.
alter table audit_log alter column written_in_xact set default txid_current();

-- A line is written as its row change is, while EclipseLink may still hold that change (a new tenant's row) in
-- its JDBC batch: the tenant must exist by commit, not by the line's own statement.
alter table audit_log alter constraint audit_log_tenant_id_fkey deferrable initially deferred;

-- What the sealer reads: the unsealed lines of each tenant in id order.
create index audit_log_unsealed_idx on audit_log (tenant_id, id) where seq is null;

-- Nothing locks a tenant-wide row any more.
drop table audit_heads;

-- The one change a line may ever undergo: sealing, once, its content untouched. Everything else is refused,
-- whoever asks (the application's role also lacks the privileges; see the next migration).
create or replace function audit_log_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.seq is null and new.seq is not null
       and new.id = old.id and new.tenant_id = old.tenant_id and new.at = old.at
       and new.written_in_xact is not distinct from old.written_in_xact
       and new.user_id is not distinct from old.user_id and new.user_email is not distinct from old.user_email
       and new.action = old.action and new.entity_type is not distinct from old.entity_type
       and new.entity_id is not distinct from old.entity_id and new.changes is not distinct from old.changes
       and new.ip is not distinct from old.ip and new.user_agent is not distinct from old.user_agent then
        return new;
    end if;
    raise exception 'audit_log is append-only (a line is only ever sealed, once)';
end $$;

-- TRUNCATE fires no row trigger: a statement trigger of its own.
create function audit_log_no_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: it cannot be truncated';
end $$;
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_no_truncate();
