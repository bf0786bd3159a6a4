-- The attending doctor (主治医生) of a patient in the HIS reference feed's census, where the HIS names one (the HL7 v2 ADT
-- feed's PV1-7); one row per census patient, kept with the census (a discharge removes it). Beside ref_patient: this
-- script runs before the reference tables are created.
create table ref_his_attending (
  patient_id   varchar(40)   primary key,
  doctor_code  varchar(40),
  doctor_name  varchar(100)  not null
);
