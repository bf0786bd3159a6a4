-- The downtime reports printed automatically while the HIS is up (a paper copy in the drawer, EP readiness): when, which
-- wards, how many pages, and the file handed to the printer. No patient data here.
create table ward_report_print (
  id          integer primary key autoincrement,
  printed_at  text not null,
  wards       integer not null,
  pages       integer not null,
  file        text not null,
  outcome     text not null
);
