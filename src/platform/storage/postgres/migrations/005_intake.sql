-- Timestamps are ISO-8601 TEXT, as in SQLite, so both stores return identical records.
CREATE TABLE intake_answers (
  person_id     TEXT PRIMARY KEY,
  answers       TEXT NOT NULL,
  started_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  completed_at  TEXT
);

CREATE TABLE risk_assessments (
  id             BIGSERIAL PRIMARY KEY,
  person_id      TEXT NOT NULL,
  rules_version  TEXT NOT NULL,
  trigger        TEXT NOT NULL,
  profile        TEXT NOT NULL,
  result         TEXT NOT NULL,
  assessed_at    TEXT NOT NULL
);
CREATE INDEX risk_assessments_person ON risk_assessments (person_id, id);
