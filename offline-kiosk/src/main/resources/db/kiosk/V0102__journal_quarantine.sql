-- Entries of this kiosk's journal that no longer read back (a flipped byte on the disk: the payload does not decrypt,
-- or the entry no longer matches the content hash sealed at capture). The journal row itself stays as it is
-- (append-only, HR-9): it is named here once, when first found, and the sync agent reports it to the server as
-- "unreadable on the kiosk" in its place, so it never holds the later entries.
create table journal_quarantine (
  kiosk_seq    integer primary key,
  entry_id     text,
  event_type   text,
  content_hash text,
  reason       text not null check (reason in ('cannot-decrypt', 'hash-mismatch', 'malformed-row')),
  found_at     text not null
);
