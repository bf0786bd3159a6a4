-- The HIS reference feed: each piece pulled from the HIS (census, practitioners, departments, price catalogue, drug
-- dictionary, allergies) with the time the HIS last answered for it (as-of), so readiness shows its age.
create table his_feed_piece (
  piece          varchar(30)  primary key,
  as_of          timestamptz,                  -- when the HIS last answered for this piece (null: never)
  attempted_at   timestamptz  not null,        -- the last pull, answered or not
  item_count     integer      not null default 0,
  content_hash   char(64),                     -- of the last content applied (a changed piece is applied again)
  total_seen     integer,                      -- the HIS's total at the last full read (a delete shows as a lower total)
  last_error     varchar(300),                 -- why the last pull failed (no patient data), null when it answered
  his_time       timestamptz                   -- the HIS's own clock at the last full read: the next pull asks what changed after it
);
