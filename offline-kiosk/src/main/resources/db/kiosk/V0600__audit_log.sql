-- Issue 11 (HR-8, HR-9): this kiosk's append-only, hash-chained audit log. No patient data: record ids only.
create table audit_log (
  seq          integer primary key,      -- 1, 2, 3 … without gaps
  id           text not null unique,
  at_micros    integer not null,         -- microseconds since the epoch (UTC)
  actor        text not null,
  actor_kind   text not null,
  action       text not null,
  category     text not null,
  outcome      text not null,
  source       text not null,
  record_type  text not null,
  record_id    text not null,
  detail       text not null,
  prev_hash    text not null,
  hash         text not null
);
create index audit_log_at on audit_log (at_micros);
create trigger audit_log_no_update before update on audit_log
begin
  select raise(abort, 'audit_log is append-only (HR-9)');
end;
create trigger audit_log_no_delete before delete on audit_log
begin
  select raise(abort, 'audit_log is append-only (HR-9)');
end;
-- Up to which position the server holds this kiosk's audit entries (sent with the journal, exactly once).
create table audit_shipping (
  id              integer primary key check (id = 1),
  stored_through  integer not null,
  shipped_at      text
);
insert into audit_shipping (id, stored_through) values (1, 0);
