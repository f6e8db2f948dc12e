-- Accounts of the people and scripts that act in a cycle. Passwords are argon2id hashes; API tokens and session ids
-- are random 256-bit secrets of which only the SHA-256 is kept, so a copy of this database lets nobody in.
CREATE TABLE app_user (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9._@-]{1,64}$'),
  role text NOT NULL CHECK (role ~ '^(commission|council|coordinator|member-state:[A-Z]{2})$'),
  password_hash text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_token (
  token_hash char(64) PRIMARY KEY,
  user_id integer NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_session (
  session_hash char(64) PRIMARY KEY,
  user_id integer NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

CREATE INDEX user_session_expires ON user_session (expires_at);
