-- Direct Line tokens and resume keys of people who deleted their data. Only a SHA-256 of the user id is
-- kept (ids are random, so it cannot be turned back), until the longest-lived token would have expired.
CREATE TABLE revoked_subjects (
  subject_hash  TEXT PRIMARY KEY,
  revoked_at    TIMESTAMPTZ NOT NULL,
  expires_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX revoked_subjects_expiry ON revoked_subjects (expires_at);

-- Slack events and clicks already handled, shared by every instance; kept an hour. Keys are hashed, so a
-- Slack user id in a click's key is not stored.
CREATE TABLE seen_events (
  event_hash  TEXT PRIMARY KEY,
  expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX seen_events_expiry ON seen_events (expires_at);
