-- Where each person is in the 12-week program. One row per person; no answers or message text.
CREATE TABLE program_progress (
  person_id      TEXT PRIMARY KEY,
  week           INTEGER NOT NULL CHECK (week >= 1),
  step           INTEGER NOT NULL CHECK (step >= 0),
  unlocked_week  INTEGER NOT NULL CHECK (unlocked_week >= week),
  unlocked_at    TEXT NOT NULL,
  pace           TEXT NOT NULL CHECK (pace IN ('weekly', 'own')),
  paused_at      TEXT,
  completed      TEXT NOT NULL DEFAULT '[]',
  started_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
