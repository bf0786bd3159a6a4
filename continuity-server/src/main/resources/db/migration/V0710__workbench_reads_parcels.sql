-- Workbench (issue 9): who read which patient record through the workbench (HR-12: reading patient data
-- is attributable), and the parcels of the queue given to people (EP-8.5). Rows are never updated or
-- deleted; a re-assignment is a newer row for the same area.

create table workbench_read (
  id         uuid          primary key,
  item_id    uuid          not null references workbench_item (id),
  visit_id   uuid          not null,
  reader     varchar(100)  not null,
  read_at    timestamptz   not null
);
create index workbench_read_visit on workbench_read (visit_id);

create table workbench_parcel (
  id           uuid          primary key,
  incident     varchar(100)  not null,
  split_by     varchar(20)   not null,
  area         varchar(64)   not null,
  owner        varchar(100)  not null,
  assigned_by  varchar(100)  not null,
  assigned_at  timestamptz   not null
);
create index workbench_parcel_incident on workbench_parcel (incident, split_by, area, assigned_at);
