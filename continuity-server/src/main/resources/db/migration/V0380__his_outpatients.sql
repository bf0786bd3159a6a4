-- The HIS reference feed's outpatients of today's hospital day (Encounter class AMB whose period starts in the day,
-- Asia/Shanghai), one row per registration, replaced at every pull: the patient's row is in ref_patient (census false,
-- 门诊号, the department of the latest registration); this table says which rows the feed keeps and each registration's
-- department and doctor, so a doctor's kiosk gets its department's outpatients and the outpatient cashier all of them.
create table ref_his_outpatient (
  his_id             varchar(64)   primary key,
  patient_id         varchar(40)   not null,
  outpatient_number  varchar(40),
  department_code    varchar(40)   not null,
  doctor_code        varchar(40),
  doctor_name        varchar(100),
  registered_at      timestamptz   not null
);
create index ref_his_outpatient_patient on ref_his_outpatient (patient_id);
create index ref_his_outpatient_department on ref_his_outpatient (department_code);
