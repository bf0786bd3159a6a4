-- EP-6.1: announced instructions per department (or office/team), acknowledged by named people;
-- a department's mode changes only through an instruction.
create table instruction (
  id            uuid primary key,
  incident_id   uuid          references incident(id),
  event_seq     bigint        not null,        -- the timeline event that issued it
  dedupe_key    varchar(300)  not null unique, -- the same step for the same party is issued once
  party         varchar(40)   not null,        -- playbooks party code: a Department, Office or Team
  party_kind    varchar(20)   not null,        -- DEPARTMENT, OFFICE, TEAM
  kind          varchar(40)   not null,        -- SWITCH_TO_MANUAL, RESTART_AND_BACK_ENTER, RESUME_NORMAL, PLAYBOOK_STEP
  mode_after    varchar(20),                   -- MANUAL, RECOVERING, NORMAL for mode instructions
  reference     varchar(200),                  -- playbook-id/step-id
  clause        varchar(40)   not null,
  text_zh       varchar(2000) not null,
  text_en       varchar(2000) not null,
  issued_at     timestamptz   not null,
  issued_by     varchar(100)  not null,
  deadline_at   timestamptz
);
create index instruction_party on instruction (party, issued_at desc);
create index instruction_incident on instruction (incident_id);

create table instruction_ack (
  instruction_id   uuid          not null references instruction(id),
  person_id        uuid          not null references person(id),
  person_name      varchar(100)  not null,
  account_id       uuid          not null,
  acknowledged_at  timestamptz   not null,
  primary key (instruction_id, person_id)
);

create table department_mode (
  department      varchar(40)  primary key,     -- playbooks Department code
  mode            varchar(20)  not null,        -- NORMAL, MANUAL, RECOVERING
  since           timestamptz  not null,
  instruction_id  uuid         references instruction(id)
);

create table department_mode_change (
  id              bigserial    primary key,
  department      varchar(40)  not null,
  from_mode       varchar(20)  not null,
  to_mode         varchar(20)  not null,
  at              timestamptz  not null,
  instruction_id  uuid         not null references instruction(id),
  person_id       uuid         not null
);
create trigger instruction_ack_append_only before update or delete on instruction_ack
  for each row execute function forbid_change();
create trigger department_mode_change_append_only before update or delete on department_mode_change
  for each row execute function forbid_change();
