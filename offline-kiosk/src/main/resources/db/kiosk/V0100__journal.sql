-- The kiosk's append-only journal (pinned contract shared with the sync sender, issue 6).
-- payload holds the AES-256-GCM encrypted canonical JSON; content_hash is over the CLEAR payload.
create table journal (
  entry_id        text primary key,
  kiosk_id        text not null,
  kiosk_seq       integer not null,
  stream_type     text not null,
  stream_id       text not null,
  stream_version  integer not null,
  event_type      text not null,
  schema_version  integer not null,
  payload         blob not null,
  content_hash    text not null,
  recorded_at     text not null,
  hlc             integer not null,
  actor           text not null,
  phase           text not null check (phase in ('BEFORE_BREAKPOINT', 'DOWNTIME', 'AFTER_RECOVERY')),
  unique (kiosk_id, kiosk_seq),
  unique (stream_id, stream_version)
);
create table outbox (
  entry_id        text primary key references journal(entry_id),
  status          text not null check (status in ('PENDING', 'SENT')),
  attempts        integer not null default 0,
  last_error      text,
  next_attempt_at text
);
create index outbox_pending on outbox (status);
create table sync_checkpoint (
  peer            text primary key,
  position        integer not null
);
-- Append-only: the journal is never updated or deleted (HR-9); corrections are new entries.
create trigger journal_no_update before update on journal
begin
  select raise(abort, 'journal entries are append-only (HR-9)');
end;
create trigger journal_no_delete before delete on journal
begin
  select raise(abort, 'journal entries are never deleted (HR-9)');
end;
-- The current phase of this kiosk relative to the breakpoint (EP-8.3), changed only together
-- with the journal entry that records the change.
create table journal_phase (
  id              integer primary key check (id = 1),
  phase           text not null,
  changed_at      text not null,
  changed_by_seq  integer
);
insert into journal_phase (id, phase, changed_at, changed_by_seq) values (1, 'BEFORE_BREAKPOINT', '1970-01-01T00:00:00Z', null);
