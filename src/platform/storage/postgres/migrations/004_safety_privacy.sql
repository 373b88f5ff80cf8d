CREATE TABLE safety_events (
  id             BIGSERIAL PRIMARY KEY,
  person_id      TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('medical', 'suicide', 'severeWithdrawal', 'ambiguous')),
  occurred_at    TEXT NOT NULL,
  followed_up_at TEXT
);
CREATE INDEX safety_events_person ON safety_events (person_id, occurred_at);

CREATE TABLE consents (
  person_id      TEXT PRIMARY KEY,
  status         TEXT NOT NULL CHECK (status IN ('granted', 'declined')),
  policy_version TEXT NOT NULL,
  decided_at     TEXT NOT NULL
);

CREATE TABLE person_state_keys (
  person_id     TEXT NOT NULL,
  state_key     TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  PRIMARY KEY (person_id, state_key)
);
CREATE INDEX person_state_keys_key ON person_state_keys (state_key);
