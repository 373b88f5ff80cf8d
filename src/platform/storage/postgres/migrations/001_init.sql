CREATE TABLE bot_state (
  key        TEXT PRIMARY KEY,
  etag       TEXT NOT NULL,
  document   TEXT NOT NULL,   -- TEXT, not JSONB: JSONB rejects \u0000, which a person can type
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE people (
  person_id     TEXT PRIMARY KEY,
  channel_id    TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL,
  last_seen_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX people_last_seen ON people (last_seen_at);
