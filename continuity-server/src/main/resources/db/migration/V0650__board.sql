-- Issue 7: the leadership group's incident board. Status reports (Conditions / Actions / Needs), the people
-- in the EP-8.2 teams, and what IT adds to the fault report and recovery record (EP-7.4, EP-8.1, EP-8.6).
-- Incidents themselves belong to the incident engine; these rows only refer to them by id. Never deleted (HR-9).
create table board_status_report (
  id           uuid primary key,
  incident_id  uuid          not null,
  conditions   varchar(2000) not null,
  actions      varchar(2000) not null,
  needs        varchar(2000) not null,
  author       varchar(200)  not null,
  written_at   timestamptz   not null
);
create index board_status_report_of on board_status_report (incident_id, written_at);

create table board_team_assignment (
  id           uuid primary key,
  incident_id  uuid          not null,
  team         varchar(40)   not null,
  person_name  varchar(200)  not null,
  person_id    varchar(100),
  note         varchar(500)  not null,
  assigned_by  varchar(200)  not null,
  assigned_at  timestamptz   not null,
  released_at  timestamptz,
  released_by  varchar(200)
);
create index board_team_assignment_of on board_team_assignment (incident_id, assigned_at);

create table board_fault_report (
  incident_id          uuid primary key,
  root_cause           text         not null,
  preventive_measures  text         not null,
  follow_ups           text         not null,
  reviewed_at          timestamptz,
  written_by           varchar(200),
  updated_at           timestamptz,
  submitted_at         timestamptz
);
