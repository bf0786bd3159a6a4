-- What a kiosk's copy of the HIS's ward data is worth offline: when the HIS last answered for its census, orders, MAR and
-- allergies (the oldest of them), how many wards its census holds, and when it last printed the wards' downtime reports.
alter table kiosk_readiness add column his_data_as_of timestamptz;
alter table kiosk_readiness add column census_wards integer;
alter table kiosk_readiness add column ward_report_printed_at timestamptz;
