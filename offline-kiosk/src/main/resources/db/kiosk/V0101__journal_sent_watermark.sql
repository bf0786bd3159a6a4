-- Issue 5 follow-up: which entries the server holds is one watermark, not one outbox row per entry.
-- The server's cursor is always a prefix (every entry up to it is stored there: the sync protocol's
-- contiguous cursor), so "SENT" never needed a row of its own; each capture's commit now writes two
-- B-trees less (the outbox table and its indexes). Unsent = journal entries above the watermark.
-- The outbox table stays (history of older kiosks); nothing writes it any more.
insert into sync_checkpoint (peer, position)
  select 'continuity-server',
         coalesce((select max(j.kiosk_seq) from outbox o join journal j on j.entry_id = o.entry_id where o.status = 'SENT'), 0)
  where true
  on conflict (peer) do update set position = max(position, excluded.position);
