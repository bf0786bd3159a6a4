-- Issue 8: patients' recorded allergies for the kiosks' downtime reports and forms.
-- Append-only: every import (or HIS feed) is a new row with its entries; a patient's current
-- allergies are those of the latest import that lists the patient. Nothing is updated in place.
create table allergy_import (
  id            uuid         primary key,
  seq           bigserial    unique,
  source        varchar(20)  not null check (source in ('IMPORT', 'HIS', 'DEMO')),
  imported_at   timestamptz  not null,
  imported_by   varchar(100) not null,
  patient_count integer      not null,
  entry_count   integer      not null
);
create table allergy_entry (
  import_id      uuid         not null references allergy_import(id),
  line_no        integer      not null,
  patient_id     varchar(40)  not null,
  allergen_code  varchar(40),
  allergen       varchar(100),
  reaction       varchar(200),
  -- NONE: the patient has no known allergy (无已知过敏), as opposed to never recorded
  severity       varchar(10)  not null check (severity in ('MILD', 'MODERATE', 'SEVERE', 'UNKNOWN', 'NONE')),
  primary key (import_id, line_no)
);
create index allergy_entry_patient on allergy_entry(patient_id);
