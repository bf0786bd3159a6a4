-- EP-3.1/3.2: where and what in the terms of the classifier, who filed it, and IT's verification.
alter table fault_report add column area          varchar(40);   -- playbooks Department code of the workstation
alter table fault_report add column symptom_code  varchar(40);   -- playbooks Symptom
alter table fault_report add column ward          varchar(100);
alter table fault_report add column building      varchar(100);
alter table fault_report add column subnet        varchar(100);
alter table fault_report add column filed_by      uuid;          -- the account, when staff filed it
alter table fault_report add column verified_by   uuid;          -- the person of IT on duty
alter table fault_report add column verified_by_name varchar(100);
alter table fault_report add column verified_at   timestamptz;
alter table fault_report add column cause         varchar(40);   -- playbooks Cause found by IT
alter table fault_report add column verification_note varchar(2000);
