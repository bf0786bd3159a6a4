-- Probes of HIS components; rounds are claimed with a lease so two instances never run the same probe at once.
create table probe (
  id            uuid primary key,
  name          varchar(100) not null unique,
  kind          varchar(10)  not null,        -- HTTP, TCP, SQL, PING
  target        varchar(500) not null,
  component     varchar(40)  not null,        -- playbooks Component
  series        varchar(100) not null,        -- the component's target name in signals
  interval_ms   int          not null check (interval_ms >= 1000),
  timeout_ms    int          not null check (timeout_ms >= 100),
  enabled       boolean      not null,
  next_run_at   timestamptz  not null,
  lease_owner   varchar(100),
  lease_until   timestamptz,
  last_status   varchar(10),
  last_detail   varchar(500),
  last_run_at   timestamptz,
  last_change_at timestamptz,
  created_at    timestamptz  not null
);
create index probe_due on probe (next_run_at) where enabled;
