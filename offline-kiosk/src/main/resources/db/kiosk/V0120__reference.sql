-- Reference snapshots pulled from the server while online; replaced whole, versioned, age visible.
create table reference_snapshot (
  id            integer primary key check (id = 1),
  version       text not null,
  generated_at  text not null,
  fetched_at    text not null,
  item_count    integer not null
);
create table ref_item (
  code             text primary key,
  kind             text not null check (kind in ('ITEM', 'DRUG')),
  name             text not null,
  pinyin           text not null,
  specification    text,
  unit             text not null,
  price_fen        integer not null check (price_fen >= 0),
  insurance_class  text,
  category         text
);
create table ref_department (
  code  text primary key,
  name  text not null
);
create table ref_doctor (
  code             text primary key,
  name             text not null,
  department_code  text not null,
  title            text
);
-- Patients known from the last snapshot (ward census, recent outpatients): identifying data sealed (HR-13).
create table ref_patient (
  patient_id  text primary key,
  census      integer not null,
  details     blob not null
);
