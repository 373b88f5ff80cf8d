CREATE TABLE directline_conversations (
  conversation_id   TEXT PRIMARY KEY,
  person_id         TEXT NOT NULL,
  user_id           TEXT NOT NULL,
  created_at        TIMESTAMPTZ NOT NULL,
  last_activity_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX directline_conversations_person ON directline_conversations (person_id);

CREATE TABLE directline_activities (
  conversation_id  TEXT NOT NULL REFERENCES directline_conversations (conversation_id) ON DELETE CASCADE,
  seq              INTEGER NOT NULL,
  activity_id      TEXT NOT NULL UNIQUE,
  direction        TEXT NOT NULL CHECK (direction IN ('user', 'bot')),
  type             TEXT NOT NULL,
  idempotency_key  TEXT,
  created_at       TIMESTAMPTZ NOT NULL,
  activity         TEXT NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);
CREATE UNIQUE INDEX directline_activities_idempotency
  ON directline_activities (conversation_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
