-- HR-21 (training on a simulation system, never on production data): while the server says a drill runs, every
-- capture of this kiosk goes to a training namespace of the journal and never to the real one.
--  * A training entry is a journal row with drill_id set; its kiosk_id is the training namespace of the drill
--    ("<kiosk id>~drill-<first 8 hex of the drill id>"), so it has a sequence of its own (the real sequence stays
--    contiguous), is sealed with that namespace (the content hash covers it) and is never read by the real sync.
--  * Only training rows may be deleted, and only by the drill purge the server signals; real rows stay append-only (HR-9).
alter table journal add column drill_id text;
create index journal_training on journal (drill_id, kiosk_seq) where drill_id is not null;
drop trigger journal_no_delete;
create trigger journal_no_delete before delete on journal when old.drill_id is null
begin
  select raise(abort, 'journal entries are never deleted (HR-9)');
end;
-- The drill this kiosk is in (at most one), as the server last said, and the breakpoint phase of its training namespace
-- (a drill's "switch to manual" never moves the real phase).
create table training_drill (
  id              integer primary key check (id = 1),
  drill_id        text not null,
  since           text not null,
  phase           text not null default 'BEFORE_BREAKPOINT',
  changed_at      text not null,
  changed_by_seq  integer
);
-- Training number blocks: per drill and pool, numbered from 1 and printed with the 演练 mark, so they never collide
-- with the server-issued real blocks (whose prefixes the server keeps free of that mark).
create table training_number (
  drill_id  text not null,
  pool      text not null,
  next_no   integer not null,
  primary key (drill_id, pool)
);
-- The purges done on the server's signal: what went, counted (no patient data).
create table training_purge (
  drill_id     text primary key,
  purged_at    text not null,
  entries      integer not null,
  projections  integer not null
);
