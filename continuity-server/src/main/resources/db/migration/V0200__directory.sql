-- EP-2, EP-9.1, HR-1, HR-15..16: departments, people, contact channels, duty roster, handovers.
create table department (
  code        varchar(40)  primary key,
  name_zh     varchar(100) not null,
  name_en     varchar(100) not null,
  -- the business area of the downtime ladder (playbooks Department code) whose instructions it follows
  area        varchar(40),
  created_at  timestamptz  not null
);
insert into department (code, name_zh, name_en, area, created_at)
values ('IT', '信息科', 'IT department', null, now());

create table person (
  id              uuid primary key,
  name            varchar(100) not null,
  department_code varchar(40)  not null references department(code),
  roles           varchar(300) not null,          -- comma-separated StaffRole codes
  active          boolean      not null,
  created_at      timestamptz  not null,
  updated_at      timestamptz  not null
);
create index person_department on person (department_code);

-- EP-9.1 contact details kept current: each channel carries the day it was last confirmed.
create table contact_channel (
  id                 uuid primary key,
  person_id          uuid         not null references person(id),
  kind               varchar(20)  not null,       -- PHONE (SMS), MAIL, WECOM, DINGTALK
  address            varchar(200) not null,
  last_confirmed_on  date         not null,
  created_at         timestamptz  not null,
  unique (person_id, kind, address)
);

-- HR-15: who holds which duty post from when to when.
create table duty_shift (
  id          uuid primary key,
  post        varchar(40)  not null,
  person_id   uuid         not null references person(id),
  kind        varchar(20)  not null,              -- WEEKDAY_DAY, NIGHT, HOLIDAY_DAY, HOLIDAY_NIGHT
  starts_at   timestamptz  not null,
  ends_at     timestamptz  not null,
  created_at  timestamptz  not null,
  check (ends_at > starts_at)
);
create index duty_shift_time on duty_shift (starts_at, ends_at);

-- HR-16: each shift ends with a handover (work done, open problems and how they were handled).
create table duty_handover (
  id             uuid primary key,
  shift_id       uuid          not null references duty_shift(id),
  recorded_by    uuid          not null references person(id),
  work_done      varchar(4000) not null,
  open_problems  varchar(4000) not null,
  recorded_at    timestamptz   not null
);
create index duty_handover_shift on duty_handover (shift_id);
