-- Bot Framework state (dialog stacks, per-person bot state) as JSON documents with eTags.
CREATE TABLE bot_state (
  key        TEXT PRIMARY KEY,
  etag       TEXT NOT NULL,
  document   TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- One row per person per channel identity. The minimum needed: no names, no message text.
CREATE TABLE people (
  person_id     TEXT PRIMARY KEY,
  channel_id    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL
);
CREATE INDEX people_last_seen ON people (last_seen_at);
