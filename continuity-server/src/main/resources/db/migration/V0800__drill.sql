-- Issue 10: drills (EP-9.4, HR-21). A drill is an incident flagged as a drill end to end; its data is kept apart
-- and can be purged after the drill report, leaving an audit record of what was purged.

create table drill (
  id                uuid          primary key,
  scenario_id       varchar(100)  not null,
  title_zh          varchar(300)  not null,
  title_en          varchar(300)  not null,
  factor            integer       not null check (factor between 1 and 3600),  -- engine seconds per real second
  status            varchar(20)   not null check (status in ('RUNNING', 'FINISHED', 'STOPPED')),
  real_started_at   timestamptz   not null,
  real_ended_at     timestamptz,
  engine_ended_at   timestamptz,
  incident_id       uuid,
  started_by        varchar(100)  not null,
  ended_by          varchar(100),
  end_reason        varchar(500),
  load_kiosks       integer       not null default 0,
  report            jsonb,
  report_at         timestamptz,
  purged_at         timestamptz
);
-- one drill at a time (the engine runs one incident at a time)
create unique index drill_one_running on drill ((true)) where status = 'RUNNING';

-- The scenario's signals as the server played them: when due on the drill's clock, when played (real and engine time).
create table drill_step (
  drill_id          uuid          not null references drill(id),
  idx               integer       not null,
  kind              varchar(40)   not null,
  signal_id         varchar(100),
  summary_zh        varchar(500)  not null,
  summary_en        varchar(500)  not null,
  due_at            timestamptz   not null,   -- engine (drill) time
  played_at         timestamptz   not null,   -- real time
  engine_at         timestamptz   not null,   -- engine time when played
  primary key (drill_id, idx)
);

-- What a purge removed: per table counts and a digest of the removed rows (HR-8: the purge itself is on record).
create table drill_purge (
  id           uuid          primary key,
  drill_id     uuid          not null references drill(id),
  incident_id  uuid,
  purged_at    timestamptz   not null,
  purged_by    varchar(100)  not null,
  reason       varchar(500)  not null,
  counts       jsonb         not null,
  digest       char(32)      not null
);

alter table incident add column drill_id uuid references drill(id);

-- The append-only guard, unchanged except that a drill purge (and only it, in its own transaction:
-- set local continuity.drill_purge = 'on') may delete the rows of a drill incident.
create or replace function forbid_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and coalesce(current_setting('continuity.drill_purge', true), '') = 'on' then
    return old;
  end if;
  raise exception 'append-only table %: rows are never changed or deleted', tg_table_name;
end $$;
