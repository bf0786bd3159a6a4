-- Blocks of numbers handed out by the server, unique per kiosk (no two kiosks share a number).
create table number_block (
  block_id    text primary key,
  pool        text not null check (pool in ('PATIENT', 'INVOICE')),
  prefix      text not null,
  first_no    integer not null,
  last_no     integer not null,
  next_no     integer not null,
  expires_at  text not null,
  received_at text not null,
  check (first_no <= last_no and next_no >= first_no and next_no <= last_no + 1)
);
create index number_block_pool on number_block (pool, expires_at);
