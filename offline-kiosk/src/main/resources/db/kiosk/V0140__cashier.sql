-- Read models of the cashier desk, rebuilt from the journal if lost. Identifying data sealed (HR-13).
create table registration (
  stream_id       text primary key,
  patient_number  text not null unique,
  registered_at   text not null,
  department_code text not null,
  doctor_code     text,
  fee_fen         integer not null,
  phase           text not null,
  status          text not null,
  details         blob not null
);
create table charge (
  stream_id       text primary key,
  patient_ref     text,
  charged_at      text not null,
  total_fen       integer not null,
  settlement      text not null,
  payment_method  text,
  invoice_no      text,
  phase           text not null,
  status          text not null,
  version         integer not null,
  details         blob not null
);
-- The manual invoice register (手工发票登记, EP-6.2.3): every number used or voided.
create table invoice_register (
  invoice_no      text primary key,
  stream_id       text not null,
  purpose         text not null,
  used_at         text not null,
  amount_fen      integer not null,
  actor           text not null,
  phase           text not null,
  status          text not null check (status in ('USED', 'VOIDED')),
  void_reason     text,
  voided_at       text,
  voided_by       text
);
-- IOU slips (白条, EP-4.4) issued while the insurance link is down.
create table iou (
  stream_id       text primary key,
  charge_stream   text not null,
  issued_at       text not null,
  amount_fen      integer not null,
  status          text not null check (status in ('OPEN', 'EXCHANGED')),
  exchanged_invoice text,
  exchanged_at    text,
  version         integer not null,
  details         blob not null
);
-- Emergency discharge settlements by hand (EP-6.3.3).
create table discharge_settlement (
  stream_id       text primary key,
  settled_at      text not null,
  total_fen       integer not null,
  deposit_fen     integer not null,
  invoice_no      text not null,
  phase           text not null,
  details         blob not null
);
