-- Sync receiver (issue 6): every kiosk journal entry, exactly once, byte-identical, never overwritten (HR-9).
create table sync_entry (
  entry_id        uuid          primary key,
  kiosk_id        varchar(64)   not null,
  kiosk_seq       bigint        not null,
  stream_type     varchar(64)   not null,
  stream_id       uuid          not null,
  stream_version  integer       not null,
  event_type      varchar(100)  not null,
  schema_version  integer       not null,
  payload         text          not null,
  content_hash    char(64)      not null,
  recorded_at     timestamptz   not null,
  -- timestamptz keeps microseconds; a kiosk clock may give nanoseconds: the rest (0..999) is kept here so that
  -- recorded_at + recorded_at_nanos is the kiosk's value exactly, and the stored entry still matches its hash
  recorded_at_nanos smallint    not null default 0,
  hlc             bigint        not null,
  actor           varchar(100)  not null,
  received_at     timestamptz   not null,
  constraint sync_entry_kiosk_seq unique (kiosk_id, kiosk_seq)
);

-- One row per kiosk: the cursor (1..cursor settled), what it last reported unsent, when it last pushed.
create table sync_kiosk (
  kiosk_id          varchar(64)  primary key,
  cursor_seq        bigint       not null default 0,
  highest_held      bigint       not null default 0,
  backlog_pending   bigint       not null default 0,
  oldest_unsent_at  timestamptz,
  kiosk_last_seq    bigint       not null default 0,
  first_push_at     timestamptz,
  last_push_at      timestamptz,
  pushes            bigint       not null default 0,
  entries_stored    bigint       not null default 0,
  duplicates_seen   bigint       not null default 0,
  incidents         bigint       not null default 0
);

-- An entry refused because it contradicts what the server holds: same id with another hash, or
-- another entry at the same kiosk sequence. Kept with the offered content for IT (EP-7.4, HR-9).
create table sync_integrity_incident (
  id              uuid          primary key,
  kiosk_id        varchar(64)   not null,
  kiosk_seq       bigint        not null,
  entry_id        uuid          not null,
  reason          varchar(40)   not null,
  held_entry_id   uuid,
  held_hash       char(64),
  offered_hash    char(64)      not null,
  offered_entry   text          not null,
  detected_at     timestamptz   not null,
  constraint sync_incident_once unique (kiosk_id, kiosk_seq, entry_id, offered_hash)
);
create index sync_incident_detected on sync_integrity_incident (detected_at desc);
