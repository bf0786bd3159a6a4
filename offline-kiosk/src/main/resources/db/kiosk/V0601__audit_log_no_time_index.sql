-- Issue 5 follow-up: nothing on the kiosk reads the audit log by time (pages and the chain walk go by seq;
-- searching by time is the server's job, which holds every shipped entry). The index only cost a B-tree
-- page in every commit of a capture.
drop index if exists audit_log_at;
