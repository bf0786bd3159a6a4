-- EP-6.1: the announced instructions this kiosk has received from the server (only these can be acknowledged
-- here: an id the kiosk never received is refused), and the acknowledgements given at this kiosk by the person
-- signed in, kept until the server has them (sent at once when it answers, else later).
create table received_instruction (
  id              text primary key,
  number          integer,
  party           text,
  kind            text not null,
  mode_after      text,
  clause          text,
  text_zh         text not null,
  text_en         text not null,
  issued_at       text not null,
  issued_by       text,
  acknowledged_by text,
  acknowledged_at text,
  received_at     text not null
);
create index received_instruction_issued on received_instruction (issued_at);
create table instruction_ack (
  id              text primary key,
  instruction_id  text not null,
  account_id      text not null,
  person_name     text not null,
  acknowledged_at text not null,
  delivered_at    text,
  attempts        integer not null default 0,
  last_error      text
);
create index instruction_ack_pending on instruction_ack (delivered_at);
