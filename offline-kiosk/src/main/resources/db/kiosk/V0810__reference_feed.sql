-- When the HIS last answered for each piece of the HIS reference feed (census, allergies, active orders, MAR, ...), as the
-- server sent it with the snapshot: the downtime reports print it, so nobody reads an old list for a current one.
create table ref_feed_as_of (
  piece  text primary key,
  zh     text not null,
  as_of  text not null
);

