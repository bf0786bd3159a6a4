-- Settings of this kiosk (UI language, …) and the readiness heartbeat. Not clinical data.
create table kiosk_setting (
  key        text primary key,
  value      text not null,
  changed_at text not null
);
create table kiosk_heartbeat (
  id         integer primary key check (id = 1),
  beat_at    text not null
);
