-- HR-9: a correction a clerk makes on the reconciliation workbench takes effect only once a second, different person
-- with the approving role (the clerk's department head, 科室主任) approves it. The request is kept with both names and
-- the reasons whatever the outcome; only an approved one becomes a CORRECT row of workbench_action (which write-back
-- reads), so a pending or refused request leaves the record as it was.
create table workbench_correction_request (
  id                    uuid          primary key,
  item_id               uuid          not null references workbench_item (id),
  incident              varchar(100)  not null,
  visit_id              uuid          not null,
  field                 varchar(40)   not null,
  new_value             text          not null,
  why                   text          not null,
  requested_by          varchar(100)  not null,
  requested_by_name     varchar(200)  not null,
  requested_by_person   varchar(100),
  requested_by_dept     varchar(100),
  requested_at          timestamptz   not null,
  status                varchar(10)   not null check (status in ('PENDING', 'APPROVED', 'REFUSED')),
  decided_by            varchar(100),
  decided_by_name       varchar(200),
  decision_why          text,
  decided_at            timestamptz,
  action_id             uuid          references workbench_action (id),
  -- decided exactly when not pending; never by the person who asked (HR-9)
  constraint workbench_correction_decided check ((status = 'PENDING') = (decided_by is null) and (status = 'PENDING') = (decided_at is null)),
  constraint workbench_correction_second_person check (decided_by is null or decided_by <> requested_by),
  constraint workbench_correction_applied check ((status = 'APPROVED') = (action_id is not null))
);
create index workbench_correction_request_incident on workbench_correction_request (incident, requested_at);
-- one correction waits per item at a time
create unique index workbench_correction_one_pending on workbench_correction_request (item_id) where status = 'PENDING';

-- an approved correction's action names both people and the approver's note
alter table workbench_action add column actor_name varchar(200);
alter table workbench_action add column approved_by varchar(100);
alter table workbench_action add column approved_by_name varchar(200);
alter table workbench_action add column approval_why text;
