-- HR-21: real number blocks can never look like a drill's training numbers (kiosks print those as 演练-…).
alter table kiosk_number_pool add constraint kiosk_number_pool_not_training check (prefix not like '演练%');
