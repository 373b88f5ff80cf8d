-- Intake answers, one row per person, saved after every answer so an intake can pause and resume.
-- answers is JSON validated by src/intake/answers.ts when read. completed_at is set when the person
-- confirmed their answers, and cleared when they change one again.
CREATE TABLE intake_answers (
  person_id     TEXT PRIMARY KEY,
  answers       TEXT NOT NULL,
  started_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  completed_at  TEXT
);

-- Every risk assessment, with the rules version that made it and what triggered it (intake, check-in).
CREATE TABLE risk_assessments (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id      TEXT NOT NULL,
  rules_version  TEXT NOT NULL,
  trigger        TEXT NOT NULL,
  profile        TEXT NOT NULL,
  result         TEXT NOT NULL,
  assessed_at    TEXT NOT NULL
);
CREATE INDEX risk_assessments_person ON risk_assessments (person_id, id);
