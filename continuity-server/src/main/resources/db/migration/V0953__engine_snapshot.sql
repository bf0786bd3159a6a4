-- Start-up without replaying a year of journal: now and then the engine's whole state (the playbooks
-- EngineSnapshot tree, plain values) is stored with the journal position it reflects, in the transaction that
-- wrote that position. A starting instance restores the latest one and replays only the journal after it; a
-- snapshot of another format is ignored (the journal is replayed from the start instead).
create table engine_snapshot (
  journal_seq  bigint       primary key,
  format       integer      not null,
  state        jsonb        not null,
  taken_at     timestamptz  not null
);
