-- Self-hosted Direct Line channel (issue 3): one row per web chat conversation, keyed to the person,
-- and every activity in it, both directions (the person's messages, replies and proactive check-ins).
-- seq is the Direct Line watermark: it grows by one per stored activity within a conversation.
CREATE TABLE directline_conversations (
  conversation_id   TEXT PRIMARY KEY,
  person_id         TEXT NOT NULL,
  user_id           TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  last_activity_at  TEXT NOT NULL
);
CREATE INDEX directline_conversations_person ON directline_conversations (person_id);

CREATE TABLE directline_activities (
  conversation_id  TEXT NOT NULL REFERENCES directline_conversations (conversation_id) ON DELETE CASCADE,
  seq              INTEGER NOT NULL,
  activity_id      TEXT NOT NULL UNIQUE,
  direction        TEXT NOT NULL CHECK (direction IN ('user', 'bot')),
  type             TEXT NOT NULL,
  idempotency_key  TEXT,
  created_at       TEXT NOT NULL,
  activity         TEXT NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);
CREATE UNIQUE INDEX directline_activities_idempotency
  ON directline_activities (conversation_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
