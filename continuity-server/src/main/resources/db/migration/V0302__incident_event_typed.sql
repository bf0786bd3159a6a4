-- Typed incident events. The timeline (incident_event) is the engine's outbox: each row is one typed event,
-- stored in the engine's transaction; `kind` is its type tag and `data` its fields in the schema version of
-- the new column. Rows written before events were typed are version 1 (the default, also for an older
-- instance still running during an upgrade); this server writes version 2 and reads both.
alter table incident_event add column schema_version smallint not null default 1;

-- Wakes the relay of every instance when timeline rows commit (NOTIFY is delivered at commit, once per
-- transaction); the relay then reads the new rows by position. A slow catch-up poll covers a missed one.
create function incident_event_announce() returns trigger language plpgsql as $$
begin
  perform pg_notify('incident_event', '');
  return null;
end $$;
create trigger incident_event_announce after insert on incident_event
  for each statement execute function incident_event_announce();
