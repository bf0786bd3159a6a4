-- The HIS reference feed's active orders (MedicationRequest) and planned administrations of the next 24 hours (the MAR,
-- MedicationAdministration not yet given) of the patients in hospital, replaced at every pull; kiosks receive their
-- patients' rows with the snapshot (a ward's downtime reports print them).
create table ref_his_order (
  his_id       varchar(64)   primary key,
  patient_id   varchar(40)   not null,
  drug         varchar(200)  not null,
  dose         varchar(100),
  route        varchar(60),
  frequency    varchar(100),
  authored_on  timestamptz,
  prescriber   varchar(100),
  note         varchar(300)
);
create index ref_his_order_patient on ref_his_order (patient_id);

create table ref_his_administration (
  his_id        varchar(64)   primary key,
  patient_id    varchar(40)   not null,
  order_his_id  varchar(64),
  drug          varchar(200)  not null,
  dose          varchar(100),
  route         varchar(60),
  due_at        timestamptz   not null
);
create index ref_his_administration_patient on ref_his_administration (patient_id, due_at);

-- When the HIS last answered for each piece of the feed (read or reported unchanged): kiosks carry it with the snapshot.
create table ref_feed_as_of (
  piece  varchar(30)  primary key,
  zh     varchar(40)  not null,
  as_of  timestamptz  not null
);
