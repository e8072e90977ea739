-- Least privilege. The application connects (jdbc/cuadra) as its own role, ${app_role} here, which owns
-- nothing: it cannot alter, truncate or disable the triggers of any table, and cannot set
-- session_replication_role (superuser only). Migrations run as the owner (CUADRA_DB_OWNER_USER), which
-- creates every object and keeps the application's grants here and, for later tables, through its
-- default privileges. When one role does both (no owner configured) there is nothing to grant.

-- Payara's batch job repository, which the batch runtime would otherwise create at run time on
-- jdbc/cuadra, i.e. owned by the application: created here by the owner, with Payara's own DDL.
create table if not exists checkpointdata (id character varying (512), obj bytea);
create table if not exists jobinstancedata (jobinstanceid serial not null primary key, name character varying (512),
    apptag varchar(512));
create table if not exists executioninstancedata (jobexecid serial not null primary key,
    jobinstanceid bigint not null references jobinstancedata (jobinstanceid), createtime timestamp,
    starttime timestamp, endtime timestamp, updatetime timestamp, parameters bytea,
    batchstatus character varying (512), exitstatus character varying (512));
create table if not exists stepexecutioninstancedata (stepexecid serial not null primary key,
    jobexecid bigint not null references executioninstancedata (jobexecid), batchstatus character varying (512),
    exitstatus character varying (512), stepname character varying (512), readcount integer, writecount integer,
    commitcount integer, rollbackcount integer, readskipcount integer, processskipcount integer,
    filtercount integer, writeskipcount integer, starttime timestamp, endtime timestamp, persistentdata bytea);
create table if not exists jobstatus (id bigint not null references jobinstancedata (jobinstanceid), obj bytea);
create table if not exists stepstatus (id bigint not null references stepexecutioninstancedata (stepexecid),
    obj bytea);

do $$
declare
    app constant text := '${app_role}';
begin
    if app = current_user then
        raise notice 'the application connects as the owner (%): no separate privileges to keep', app;
        return;
    end if;
    -- Nobody but the owner creates objects (PUBLIC may on PostgreSQL 14 and older).
    revoke create on schema public from public;
    execute format('grant usage on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', app);
    execute format('alter default privileges in schema public grant usage, select on sequences to %I', app);
    -- The migrations' own record is the owner's to write; the application only reads it (readiness
    -- reports the schema version).
    execute format('revoke all on flyway_schema_history from %I', app);
    execute format('grant select on flyway_schema_history to %I', app);
    -- Audit lines: read, append, and seal (the seal columns of an unsealed line, once: the trigger).
    execute format('revoke update, delete on audit_log from %I', app);
    execute format('grant update (seq, prev_hash, hash, sealed_at) on audit_log to %I', app);
    -- The customer import refreshes its table's statistics (ANALYZE needs MAINTAIN from PostgreSQL 17 on;
    -- before that only the owner may, and the import then only skips it with a warning).
    if current_setting('server_version_num')::int >= 170000 then
        execute format('grant maintain on customers to %I', app);
    end if;
end $$;
