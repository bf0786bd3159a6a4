-- Issue 11 (HR-8, HR-9): one append-only, hash-chained audit log. Server entries and the entries of every
-- kiosk (origin = kiosk id, with the kiosk's own sequence and hash) in one chain, in order of arrival.
create table audit_log (
    seq          bigint primary key,
    id           uuid not null unique,
    at           timestamptz not null,
    actor        text not null,
    actor_kind   text not null,
    action       text not null,
    category     text not null,
    outcome      text not null,
    source       text not null,
    record_type  text not null,
    record_id    text not null,
    detail       text not null,
    origin       text not null,           -- 'server' or the kiosk id
    origin_seq   bigint,                  -- the kiosk's own position, null for server entries
    origin_prev  text,                    -- the kiosk's own chain: previous hash and hash as the kiosk computed them
    origin_hash  text,
    prev_hash    text not null,
    hash         text not null,
    received_at  timestamptz not null default now()
);
create unique index audit_log_origin_seq on audit_log (origin, origin_seq) where origin_seq is not null;
create index audit_log_at on audit_log (at);
create index audit_log_actor on audit_log (actor, at);
create index audit_log_record on audit_log (record_id) where record_id <> '';
create index audit_log_category on audit_log (category, at);

-- Append-only: no UPDATE, DELETE or TRUNCATE, whoever asks (the hash chain catches what a superuser does anyway).
create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only (HR-9): % refused', tg_op using errcode = '42501';
end $$;
create trigger audit_log_no_update before update or delete on audit_log for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_refuse_change();

-- Each new entry must continue the chain: next position, previous hash equal to the last entry's hash.
create function audit_log_check_link() returns trigger language plpgsql as $$
declare
    last_seq bigint;
    last_hash text;
begin
    select seq, hash into last_seq, last_hash from audit_log order by seq desc limit 1;
    if new.seq <> coalesce(last_seq, 0) + 1
       or new.prev_hash <> coalesce(last_hash, '0000000000000000000000000000000000000000000000000000000000000000') then
        raise exception 'audit_log entry % does not continue the chain', new.seq using errcode = '23514';
    end if;
    return new;
end $$;
create trigger audit_log_link before insert on audit_log for each row execute function audit_log_check_link();

revoke update, delete, truncate on audit_log from public;
