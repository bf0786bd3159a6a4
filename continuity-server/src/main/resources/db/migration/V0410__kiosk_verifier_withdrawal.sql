-- Issue 5, HR-7: the offline verifier of a disabled account is withdrawn from the kiosks (no longer
-- in any snapshot) and kept, so that enabling the account again restores it without a new password.
alter table kiosk_staff_verifier add column withdrawn_at timestamptz;
