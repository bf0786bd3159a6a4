-- EP-4, EP-4.1 局部网络不通: several incidents open at once (an insurance-line fault beside a ward's terminal
-- fault, two buildings cut off). Each stored incident is one incident of the playbooks engine, found again by
-- the engine's stable id; instructions of an area's ladder (EP-5.2 for the departments of that area only)
-- carry the area they are for.
drop index incident_one_open;
alter table incident add column engine_ref varchar(60);
alter table incident add column engine_number integer;
alter table incident add column areas_down varchar(1000);
create unique index incident_engine_ref on incident (engine_ref) where engine_ref is not null;
create index incident_open on incident (opened_at) where closed_at is null;

-- the place (building/floor/ward path, e.g. 'B', 'B/5/5A') an instruction is for; null: the whole hospital
alter table instruction add column area varchar(100);
