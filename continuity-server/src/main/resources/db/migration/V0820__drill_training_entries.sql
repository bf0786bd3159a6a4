-- HR-21 (training on a simulation system, never on production data): the journal entries kiosks capture while they are
-- in a drill arrive through their own route and are kept here, apart from sync_entry: the write-back into the HIS, the
-- conservation ledger, the board and every real incident read sync_entry only, so they never see a drill's records. The
-- drill's report counts them (by drill), and the drill's purge deletes them (kiosks purge their copy on its signal).
create table drill_training_entry (
  entry_id        uuid          primary key,
  drill_id        uuid          not null references drill(id),
  kiosk_id        varchar(64)   not null,  -- the kiosk of the credential that pushed it
  namespace       varchar(100)  not null,  -- the entries' own kiosk id: "<kiosk id>~drill-<8 hex of the drill>"
  kiosk_seq       bigint        not null,
  stream_type     varchar(64)   not null,
  stream_id       uuid          not null,
  stream_version  integer       not null,
  event_type      varchar(100)  not null,
  schema_version  integer       not null,
  payload         text          not null,
  content_hash    char(64)      not null,
  recorded_at     timestamptz   not null,
  hlc             bigint        not null,
  actor           varchar(100)  not null,
  received_at     timestamptz   not null,
  constraint drill_training_entry_seq unique (namespace, kiosk_seq)
);
create index drill_training_entry_drill on drill_training_entry (drill_id, kiosk_id);

