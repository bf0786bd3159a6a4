-- Workbench (issue 9): who read an incident's traces (dispense mismatches, the cashiers' IOU / deferred
-- insurance to-do with names and phones) and who searched the HIS for another patient (HR-12: reading patient
-- data is attributable). Rows are never updated or deleted.
create table workbench_trace_read (
  id         uuid          primary key,
  incident   varchar(100)  not null,
  what       varchar(20)   not null,
  item_id    uuid,
  reader     varchar(100)  not null,
  read_at    timestamptz   not null
);
create index workbench_trace_read_incident on workbench_trace_read (incident, read_at);
