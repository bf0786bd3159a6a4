-- Issue 5: the readiness each kiosk reports while online (stale snapshot, unsent backlog, number pools),
-- newest report only; no patient data.
create table kiosk_readiness (
  kiosk_id               varchar(40)  primary key references kiosk(id),
  ready                  boolean      not null,
  snapshot_version       varchar(60),
  snapshot_age_seconds   bigint       not null,
  snapshot_stale         boolean      not null,
  unsent                 bigint       not null,
  oldest_unsent_at       timestamptz,
  last_seq               bigint       not null,
  phase                  varchar(30)  not null,
  pools                  text         not null,
  kiosk_reported_at      timestamptz  not null,
  received_at            timestamptz  not null
);
