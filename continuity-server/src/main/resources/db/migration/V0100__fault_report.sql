-- EP-3: fault reports filed from workstations, recorded and verified by IT.
create table fault_report (
  id              uuid primary key,
  reporter        varchar(100)  not null,
  location        varchar(200)  not null,
  terminal        varchar(100),
  symptom         varchar(2000) not null,
  observed_since  timestamptz   not null,
  filed_at        timestamptz   not null,
  verification    varchar(20)   not null
);
create index fault_report_filed_at on fault_report (filed_at desc);
