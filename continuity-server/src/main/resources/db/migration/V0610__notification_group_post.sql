-- Follow-up of issue 8 (EP-2.3, EP-5.2, EP-8.2): one incident event raises a notice for each party it names (a
-- ladder step, the recovery, a playbook step). A group robot configured for several of those parties (or for ALL)
-- received the same post once per party. A robot's post is now recorded here by the event that raised it and by
-- what it says; the same post for the same event is queued only once (the first party's delivery carries it).
-- Only the first sending is merged; reminder rounds of notices that ask for acknowledgement stay per party.
create table notification_group_post (
  incident_id  uuid         not null,
  event        varchar(200) not null,   -- the notices' dedupe key without the party, e.g. event|42
  post_digest  varchar(64)  not null,   -- SHA-256 (hex) of the robot and the text without ack link
  delivery_id  uuid         not null,   -- the delivery that carries the post
  posted_at    timestamptz  not null,
  primary key (incident_id, event, post_digest)
);
