-- Which kiosk reference rows the HIS reference feed keeps (PATIENT: ref_patient.patient_id, DOCTOR: ref_doctor.code): the
-- feed replaces its own rows at every pull (a discharged patient or a departed doctor leaves the kiosks' snapshot) and
-- leaves the demo seed's alone. (A list beside the reference tables: this script runs before they are created.)
create table ref_his_row (
  kind  varchar(10)  not null check (kind in ('PATIENT', 'DOCTOR')),
  code  varchar(40)  not null,
  primary key (kind, code)
);
