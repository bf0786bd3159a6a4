-- Write-back to the HIS and the reconciliation workbench (issue 9). Rows are never deleted (HR-9);
-- a person's decision is a new row in workbench_action, attributed and with a reason (HR-8).

-- A downtime visit written into the HIS: how its patient was decided and what the HIS answered.
create table writeback_visit (
  visit_id         uuid          primary key,
  incident         varchar(100)  not null,
  group_key        varchar(100),
  his_patient_ref  varchar(200),
  created          integer       not null,
  existing         integer       not null,
  how              varchar(40)   not null,
  resource_refs    text          not null,
  written_at       timestamptz   not null
);
create index writeback_visit_incident on writeback_visit (incident);
create index writeback_visit_group on writeback_visit (group_key);

-- The workbench queue: why, the record as captured, the candidates with their score components.
create table workbench_item (
  id               uuid          primary key,
  incident         varchar(100)  not null,
  visit_id         uuid          not null,
  kiosk_id         varchar(64),
  department_code  varchar(64),
  reason           varchar(40)   not null,
  detail           text,
  captured         text          not null,
  candidates       text          not null,
  blocking         boolean       not null,
  raised_at        timestamptz   not null,
  resolved_at      timestamptz
);
create index workbench_item_open on workbench_item (incident, resolved_at);
create index workbench_item_visit on workbench_item (visit_id);

-- Every action taken on an item: who, why, what.
create table workbench_action (
  id               uuid          primary key,
  item_id          uuid          not null references workbench_item (id),
  action           varchar(40)   not null,
  actor            varchar(100)  not null,
  why              text          not null,
  his_patient_ref  varchar(200),
  field            varchar(40),
  new_value        text,
  acted_at         timestamptz   not null
);
create index workbench_action_item on workbench_action (item_id);

-- The HIS patient a person chose for a visit ('' = create a new one); write-back reads it on its next run.
create table writeback_decision (
  visit_id         uuid          primary key,
  his_patient_ref  varchar(200)  not null,
  action_id        uuid          not null references workbench_action (id)
);

-- Where a run paused because the HIS was unavailable.
create table writeback_pause (
  incident         varchar(100)  primary key,
  visit_id         uuid,
  detail           text,
  paused_at        timestamptz   not null
);
