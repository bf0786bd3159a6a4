-- EP-3..EP-8: the incident engine's journal, incidents and their append-only timelines.

-- Everything the playbooks IncidentEngine was told, in order: signals and people's decisions (INPUT) and
-- the passing of time (ADVANCE). Replaying it reproduces the engine's state exactly; it is never changed.
create table engine_journal (
  seq          bigserial    primary key,
  kind         varchar(20)  not null,       -- INPUT or ADVANCE
  input_kind   varchar(40),                 -- PROBE_RESULT, FAULT_REPORT, INTEGRITY_ALARM, DIAGNOSIS, CLEARANCE, OVERRIDE, ...
  payload      jsonb,
  at           timestamptz  not null,
  recorded_at  timestamptz  not null,
  instance     varchar(100) not null
);

-- The persisted timer of the playbook clock: when the engine next has something to do without a new input
-- (ladder rows at 30 min / 6 h / 24 h, deadlines, the quiet-period close). One row.
create table engine_clock (
  id            int          primary key check (id = 1),
  next_wake_up  timestamptz,
  journal_seq   bigint       not null,
  updated_at    timestamptz  not null
);
insert into engine_clock (id, next_wake_up, journal_seq, updated_at) values (1, null, 0, now());

create table incident (
  id               uuid primary key,
  opened_at        timestamptz not null,
  closed_at        timestamptz,
  fault_class      varchar(20),
  scope            varchar(20),
  highest_class    varchar(20),
  outage_start     timestamptz,
  outage_ended_at  timestamptz,
  updated_at       timestamptz not null
);
-- at most one open incident (the engine runs one at a time; duplicate signals fold into it)
create unique index incident_one_open on incident ((true)) where closed_at is null;

-- The timeline: append-only; seq orders all events of all incidents (SSE and the board read it in order).
create table incident_event (
  seq          bigserial    primary key,
  incident_id  uuid         references incident(id),
  journal_seq  bigint       not null,
  kind         varchar(40)  not null,
  at           timestamptz  not null,
  clause       varchar(40),
  summary_zh   varchar(2000) not null,
  summary_en   varchar(2000) not null,
  data         jsonb        not null,
  recorded_at  timestamptz  not null
);
create index incident_event_incident on incident_event (incident_id, seq);

-- Signals as received, for the incident view and for IT's clearances (ids the engine knows).
create table incident_signal (
  id           varchar(100) primary key,
  incident_id  uuid         references incident(id),
  kind         varchar(40)  not null,
  at           timestamptz  not null,
  summary_zh   varchar(2000) not null,
  summary_en   varchar(2000) not null
);
create index incident_signal_incident on incident_signal (incident_id);

create function forbid_change() returns trigger language plpgsql as $$
begin
  raise exception 'append-only table %: rows are never changed or deleted', tg_table_name;
end $$;
create trigger engine_journal_append_only before update or delete on engine_journal
  for each row execute function forbid_change();
create trigger incident_event_append_only before update or delete on incident_event
  for each row execute function forbid_change();
