-- Safety-net events: which kind of danger and when, so a later check-in can gently follow up.
-- Never the message text.
CREATE TABLE safety_events (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id      TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('medical', 'suicide', 'severeWithdrawal', 'ambiguous')),
  occurred_at    TEXT NOT NULL,
  followed_up_at TEXT
);
CREATE INDEX safety_events_person ON safety_events (person_id, occurred_at);

-- A person's answer to "may I save your answers?", with the policy version they were shown.
CREATE TABLE consents (
  person_id      TEXT PRIMARY KEY,
  status         TEXT NOT NULL CHECK (status IN ('granted', 'declined')),
  policy_version TEXT NOT NULL,
  decided_at     TEXT NOT NULL
);

-- Which bot_state keys (user state and each conversation) belong to a person, so that export and
-- delete can reach conversation state too.
CREATE TABLE person_state_keys (
  person_id     TEXT NOT NULL,
  state_key     TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  PRIMARY KEY (person_id, state_key)
);
CREATE INDEX person_state_keys_key ON person_state_keys (state_key);
