-- What a kiosk's copy of the HIS's ward data is worth offline, as it last reported it: when the HIS last answered for its
-- census, orders, MAR and allergies (the oldest of them), how many wards its census holds, and when it last printed the
-- wards' downtime reports. Beside kiosk_readiness (this script runs before that table is created), one row per kiosk.
create table kiosk_ward_data (
  kiosk_id                varchar(40)  primary key,
  his_data_as_of          timestamptz,
  census_wards            integer,
  ward_report_printed_at  timestamptz
);
