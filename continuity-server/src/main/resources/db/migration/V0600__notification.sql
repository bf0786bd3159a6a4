-- Issue 7: notifications that reach people. A notification is one message to one party (audience),
-- escalated until acknowledged ("call until reached"); every message to one address over one channel is
-- a delivery, kept with its whole history. Rows are never deleted (HR-9).
create table notification (
  id                   uuid primary key,
  incident_id          uuid,
  kind                 varchar(40)  not null,
  audience             varchar(60)  not null,           -- a playbooks Party code: LEADERSHIP_GROUP, IT_ON_DUTY, PHARMACY …
  params               jsonb        not null,           -- message parameters {name: {zh, en}}; codes, names, times only
  requires_ack         boolean      not null,
  dedupe_key           varchar(200) unique,             -- the same event never raises two notifications
  subject_ref          varchar(200),                    -- what it is about, e.g. instruction:<uuid> (acknowledged there too)
  created_at           timestamptz  not null,
  tier                 int          not null default 0, -- escalation progress: the tier and round last sent
  round                int          not null default 1,
  last_sent_at         timestamptz  not null,
  next_escalation_at   timestamptz,                     -- null when no escalation is pending
  acknowledged_at      timestamptz,
  acknowledged_by      varchar(200),
  acknowledged_via     uuid,                            -- the delivery whose link was used, if any
  closed_at            timestamptz,
  closed_reason        varchar(200)
);
create index notification_incident on notification (incident_id, created_at);
create index notification_escalation_due on notification (next_escalation_at) where next_escalation_at is not null;

create table notification_delivery (
  id                uuid primary key,
  notification_id   uuid         not null references notification (id),
  tier              int          not null,
  round             int          not null,
  person_id         varchar(100),                     -- null for group channels (robots, in-app)
  recipient_name    varchar(200) not null,
  channel           varchar(20)  not null,
  address           varchar(320) not null,            -- e-mail, mobile, robot name or party code; never a secret
  language          varchar(10)  not null,
  subject           varchar(400) not null,
  body              text         not null,
  ack_token         varchar(64)  not null unique,
  status            varchar(20)  not null,
  attempts          int          not null default 0,
  next_attempt_at   timestamptz,
  claimed_by        varchar(100),
  last_error        varchar(500),
  created_at        timestamptz  not null,
  sent_at           timestamptz,
  acknowledged_at   timestamptz
);
create index notification_delivery_due on notification_delivery (next_attempt_at)
  where status in ('QUEUED', 'FAILED', 'SENDING');
create index notification_delivery_of on notification_delivery (notification_id);

-- Every state change of a delivery, for the record (issue 7: queued, sent, failed with the error, acknowledged).
create table notification_delivery_event (
  id           bigserial primary key,
  delivery_id  uuid         not null references notification_delivery (id),
  at           timestamptz  not null,
  status       varchar(20)  not null,
  attempt      int          not null,
  detail       varchar(500)
);
create index notification_delivery_event_of on notification_delivery_event (delivery_id, id);

-- The language each person reads notifications in (Chinese by default; English selectable per person).
create table notification_preference (
  person_id   varchar(100) primary key,
  language    varchar(10)  not null,
  updated_at  timestamptz  not null
);
