-- HIS down, LAN up: the relay hands pushed records to other stations in the order they became visible.
-- relay_tx is the pushing transaction's id: a reader takes only rows of transactions older than every transaction still
-- running (pg_snapshot_xmin), ordered by (relay_tx, relay_pos), so a push committing late is never skipped.
create sequence sync_entry_relay_seq;
alter table sync_entry add column relay_tx bigint not null default (pg_current_xact_id()::text::bigint);
alter table sync_entry add column relay_pos bigint not null default nextval('sync_entry_relay_seq');
alter sequence sync_entry_relay_seq owned by sync_entry.relay_pos;
create index sync_entry_relay on sync_entry (relay_tx, relay_pos)
  where event_type in ('PrescriptionWritten', 'RequisitionIssued', 'OrderWritten', 'PatientRegistered', 'Dispensed',
                       'ExamsRegistered', 'ClinicalFormVoided', 'ClinicalFormCorrected');
