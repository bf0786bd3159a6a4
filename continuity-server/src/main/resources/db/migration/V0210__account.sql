-- HR-1..3, HR-7: one account per person, slow-KDF password hashes, lockout, sessions with expiry.
create table account (
  id                  uuid primary key,
  username            varchar(60)  not null unique,
  person_id           uuid         not null references person(id),
  password_hash       varchar(200) not null,
  active              boolean      not null,
  failed_attempts     int          not null default 0,
  locked_until        timestamptz,
  created_at          timestamptz  not null,
  password_changed_at timestamptz  not null
);

-- Only a hash of the session token is stored: a database dump does not hand out sessions.
create table account_session (
  token_hash  char(64)     primary key,
  account_id  uuid         not null references account(id),
  created_at  timestamptz  not null,
  expires_at  timestamptz  not null,
  revoked_at  timestamptz
);
create index account_session_account on account_session (account_id);

-- HR-1, HR-8: account grants, changes and sign-ins are logged in an append-only table.
create table account_audit (
  id          bigserial primary key,
  account_id  uuid,
  actor_id    uuid,
  kind        varchar(40)  not null,
  detail      varchar(500) not null,
  at          timestamptz  not null
);
