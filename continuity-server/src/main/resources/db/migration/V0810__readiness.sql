-- Issue 10: kiosk readiness (what each kiosk last reported, the server's verdict) and backup restore tests (HR-19, EP-7.5).

create table kiosk_readiness (
  kiosk_id               varchar(40)   primary key,
  reported_at            timestamptz   not null,   -- server time the last report arrived
  kiosk_clock            timestamptz   not null,   -- the kiosk's clock in that report
  drift_ms               bigint        not null,   -- kiosk clock minus server clock
  software_version       varchar(60),
  snapshot_version       integer,
  snapshot_generated_at  timestamptz,
  pools                  jsonb         not null,   -- [{pool, remaining, earliestExpiry}]
  backlog_pending        bigint,
  oldest_unsent_at       timestamptz
);

-- The last verdict per kiosk: a change from ready to not ready notifies IT on duty once.
create table kiosk_readiness_verdict (
  kiosk_id     varchar(40)   primary key,
  ready        boolean       not null,
  problems     jsonb         not null,
  assessed_at  timestamptz   not null,
  changed_at   timestamptz   not null
);

-- HR-19: every backup restore test: the backup taken, the scratch database it was restored into, what was compared.
create table restore_test (
  id             uuid          primary key,
  started_at     timestamptz   not null,
  finished_at    timestamptz   not null,
  backup_file    varchar(500)  not null,
  backup_bytes   bigint        not null,
  scratch_db     varchar(100)  not null,
  ok             boolean       not null,
  tables         jsonb         not null,   -- [{table, rows, restoredRows, checksum, restoredChecksum, ok}]
  detail         varchar(2000),
  run_by         varchar(100)  not null
);
create index restore_test_finished on restore_test (finished_at desc);
