-- EP-4.1, HR-10: the changes to the price catalogue and the drug dictionary the hospital approved. A change the HIS feed
-- sees that no approval covers raises a Class I integrity alarm with the entries as evidence.
create table catalogue_change_approval (
  id           uuid          primary key,
  catalogue    varchar(30)   not null check (catalogue in ('PRICE_CATALOGUE', 'DRUG_DICTIONARY')),
  code         varchar(40)   not null,
  change_kind  varchar(10)   not null check (change_kind in ('ADDED', 'CHANGED', 'DELETED')),
  price_fen    bigint        check (price_fen is null or price_fen >= 0),
  reason       varchar(300)  not null,
  approved_at  timestamptz   not null,
  valid_until  timestamptz   not null,
  entered_by   uuid          not null,
  entered_at   timestamptz   not null
);
create index catalogue_change_approval_code on catalogue_change_approval (catalogue, code);
-- a snapshot from the HIS feed is imported by the feed, not by a person
alter table reference_snapshot add column source varchar(10) not null default 'IMPORT';
