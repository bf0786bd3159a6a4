-- Kiosk registry (issue 5): kiosks, one-time enrolment codes, credentials (hashed), number pools in
-- blocks unique per kiosk, offline login verifiers of staff, and the reference data served to kiosks.
create table kiosk (
  id               varchar(40)  primary key,
  name             varchar(60)  not null,
  department_code  varchar(40)  not null,
  credential_hash  char(64),
  status           varchar(20)  not null check (status in ('AWAITING_ENROLMENT', 'ENROLLED', 'REVOKED')),
  created_at       timestamptz  not null,
  created_by       varchar(100) not null,
  enrolled_at      timestamptz
);
create table kiosk_enrolment_code (
  code_hash    char(64)    primary key,
  kiosk_id     varchar(40) not null references kiosk(id),
  expires_at   timestamptz not null,
  redeemed_at  timestamptz
);
create table kiosk_number_pool (
  pool        varchar(20) primary key,
  prefix      varchar(8)  not null,
  next_start  bigint      not null check (next_start >= 1)
);
insert into kiosk_number_pool (pool, prefix, next_start) values ('PATIENT', 'D', 1), ('INVOICE', 'SG', 1);
-- Blocks are cut from the pool's counter under its row lock, so ranges never overlap (no two kiosks share a number).
create table kiosk_number_block (
  id          uuid        primary key,
  pool        varchar(20) not null references kiosk_number_pool(pool),
  kiosk_id    varchar(40) not null references kiosk(id),
  first_no    bigint      not null,
  last_no     bigint      not null,
  issued_at   timestamptz not null,
  expires_at  timestamptz not null,
  check (first_no <= last_no),
  unique (pool, first_no),
  unique (pool, last_no)
);
create index kiosk_number_block_kiosk on kiosk_number_block (kiosk_id);
-- Offline login verifiers (PBKDF2-HMAC-SHA256), never passwords (HR-3).
create table kiosk_staff_verifier (
  account_id       varchar(64)  primary key,
  display_name     varchar(100) not null,
  department_code  varchar(40)  not null,
  roles            varchar(200) not null,
  algorithm        varchar(40)  not null,
  salt             varchar(64)  not null,
  iterations       integer      not null,
  hash             char(64)     not null,
  updated_at       timestamptz  not null
);
create index kiosk_staff_verifier_department on kiosk_staff_verifier (department_code);
-- Reference data served to kiosks as a snapshot.
create table ref_catalogue_item (
  code             varchar(40)  primary key,
  kind             varchar(10)  not null check (kind in ('ITEM', 'DRUG')),
  name             varchar(200) not null,
  pinyin           varchar(200) not null,
  specification    varchar(200),
  unit             varchar(20)  not null,
  price_fen        bigint       not null check (price_fen >= 0),
  insurance_class  varchar(10),
  category         varchar(40)
);
create table ref_department (
  code  varchar(40)  primary key,
  name  varchar(100) not null
);
create table ref_doctor (
  code             varchar(40)  primary key,
  name             varchar(100) not null,
  department_code  varchar(40)  not null references ref_department(code),
  title            varchar(40)
);
create table ref_patient (
  patient_id         varchar(40)  primary key,
  census             boolean      not null,
  inpatient_number   varchar(40),
  outpatient_number  varchar(40),
  name               varchar(100) not null,
  sex                char(1),
  birth_date         date,
  id_number          varchar(18),
  phone              varchar(20),
  insurance_type     varchar(20),
  insurance_card     varchar(40),
  ward               varchar(40),
  bed                varchar(20),
  department_code    varchar(40),
  deposit_fen        bigint       not null default 0
);
create table ref_snapshot_version (
  id            integer     primary key check (id = 1),
  version       integer     not null,
  generated_at  timestamptz not null
);
insert into ref_snapshot_version (id, version, generated_at) values (1, 0, now());
