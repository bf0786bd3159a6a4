-- Write-back of every kind of downtime record: a written unit (a visit, or another record: a prescription, a dispense,
-- a settlement, an amendment …) keeps the HIS encounter it went under, so that later records of the same visit (an IOU
-- exchanged, a void) are written under it. Rows are never deleted (HR-9).
alter table writeback_visit add column encounter_ref varchar(200);
