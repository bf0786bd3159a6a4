-- Entries a kiosk holds but cannot read any more (a flipped byte on its disk: the stored bytes no longer decrypt or no
-- longer match the content hash sealed at capture). The kiosk quarantines such an entry and reports it in its place
-- (sync protocol 2); the server settles that sequence so every later entry of the kiosk flows, and keeps what is
-- known of it for IT. Confirmed entries of a kiosk = entries received + entries unreadable on the kiosk.
create table sync_unreadable_entry (
  kiosk_id      varchar(64)   not null,
  kiosk_seq     bigint        not null,
  entry_id      uuid,
  event_type    varchar(100),
  content_hash  char(64),
  reason        varchar(40)   not null,
  reported_at   timestamptz   not null,
  constraint sync_unreadable_entry_pk primary key (kiosk_id, kiosk_seq)
);

alter table sync_kiosk add column unreadable_on_kiosk bigint not null default 0;
