-- The reconciliation workbench: a trace (a dispense that does not fit its order, EP-6.7.5) closed by a person, with
-- why (HR-8). Closures are never updated or deleted; the trace's key is stable across runs (dispense, mismatch, drug).
create table workbench_trace_closure (
  id         uuid          primary key,
  incident   varchar(100)  not null,
  trace_key  varchar(300)  not null,
  actor      varchar(100)  not null,
  why        text          not null,
  closed_at  timestamptz   not null
);
create index workbench_trace_closure_incident on workbench_trace_closure (incident, trace_key);
