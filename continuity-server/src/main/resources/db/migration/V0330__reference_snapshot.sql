-- EP-4.1 integrity watch: imports of the price catalogue and the drug dictionary; each import is compared
-- with the current snapshot, and a deletion or mass change is held back and raises a Class I signal.
create table reference_snapshot (
  id             uuid primary key,
  catalogue      varchar(30)  not null,        -- PRICE_CATALOGUE, DRUG_DICTIONARY
  status         varchar(20)  not null,        -- CURRENT, SUPERSEDED, HELD, REJECTED
  item_count     int          not null,
  content_hash   char(64)     not null,
  imported_at    timestamptz  not null,
  imported_by    uuid         not null,
  deleted_count  int          not null,
  added_count    int          not null,
  changed_count  int          not null,
  verdict        varchar(500) not null,
  alarm_id       varchar(100),                -- the integrity alarm signal raised when it was held
  decided_at     timestamptz,
  decided_by     uuid
);
create unique index reference_snapshot_one_current on reference_snapshot (catalogue) where status = 'CURRENT';

create table reference_item (
  snapshot_id      uuid          not null references reference_snapshot(id),
  code             varchar(40)   not null,
  name             varchar(200)  not null,
  specification    varchar(200),
  unit             varchar(40)   not null,
  price_fen        bigint        not null,
  insurance_class  varchar(20),
  category         varchar(100),
  primary key (snapshot_id, code)
);
