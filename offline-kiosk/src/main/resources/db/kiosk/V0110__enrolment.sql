-- This kiosk's identity after its one-time enrolment; the credential secret is sealed with the kiosk key.
create table kiosk_identity (
  id               integer primary key check (id = 1),
  kiosk_id         text not null,
  kiosk_name       text not null,
  department_code  text not null,
  department_name  text not null,
  server_url       text not null,
  credential       blob not null,
  enrolled_at      text not null
);
-- Offline login verifiers of the department's staff, from the server (never plain passwords, HR-3).
create table staff_verifier (
  account_id    text primary key,
  display_name  text not null,
  roles         text not null,
  algorithm     text not null,
  salt          text not null,
  iterations    integer not null,
  hash          text not null,
  received_at   text not null
);
