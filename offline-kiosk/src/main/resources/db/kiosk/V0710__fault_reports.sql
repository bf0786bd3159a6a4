-- EP-3.1 / EP-3.2: the fault reports filed at this kiosk (what fails, where, since when, the reporter's words), sent
-- to the server at once when it answers, else kept here and sent later; and their state as the server last told it
-- (received, verified by IT, folded into an incident). No patient data belongs here.
create table fault_report (
  id                text primary key,
  symptom           text not null,
  location          text not null,
  observed_since    text not null,
  words             text,
  reporter_account  text not null,
  reporter_name     text not null,
  filed_at          text not null,
  sent_at           text,
  attempts          integer not null default 0,
  last_error        text,
  state             text not null,
  verified_by       text,
  verified_at       text,
  cause             text,
  incident_opened_at text,
  incident_class    text,
  checked_at        text
);
create index fault_report_filed on fault_report (filed_at);
