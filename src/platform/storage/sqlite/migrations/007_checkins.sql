-- Weekly check-ins (issue 7). Every table is keyed by person_id and is exported and deleted with the person.

-- Where to reach a person proactively: the Bot Framework conversation reference per person per channel,
-- refreshed on every turn.
CREATE TABLE conversation_refs (
  person_id   TEXT NOT NULL,
  channel_id  TEXT NOT NULL,
  reference   TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (person_id, channel_id)
);

-- Who wants a weekly check-in, when (local weekday and time in an IANA zone), and whether it is on.
CREATE TABLE checkin_enrollments (
  person_id      TEXT PRIMARY KEY,
  channel_id     TEXT NOT NULL,
  weekday        INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  local_time     TEXT NOT NULL,
  time_zone      TEXT NOT NULL,
  quiet_start    TEXT NOT NULL DEFAULT '21:00',
  quiet_end      TEXT NOT NULL DEFAULT '09:00',
  status         TEXT NOT NULL CHECK (status IN ('active', 'paused', 'stopped')),
  status_reason  TEXT,
  enrolled_at    TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

-- The durable due-queue. One row per prompt or follow-up; a row is claimed with a lease before it is sent.
-- slot_at is the nominal weekly slot (next week's slot is computed from it); due_at moves with quiet hours
-- and retries. idempotency_key is unique: the same prompt is never queued twice (a cancelled, never-sent
-- row is revived instead).
CREATE TABLE checkin_due (
  id               INTEGER PRIMARY KEY,
  person_id        TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('prompt', 'followup')),
  program_week     INTEGER NOT NULL,
  idempotency_key  TEXT NOT NULL UNIQUE,
  slot_at          TEXT NOT NULL,
  due_at           TEXT NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('pending', 'leased', 'sent', 'failed', 'cancelled', 'abandoned')),
  lease_until      TEXT,
  lease_expiries   INTEGER NOT NULL DEFAULT 0,
  attempts         INTEGER NOT NULL DEFAULT 0,
  outcome          TEXT,
  created_at       TEXT NOT NULL,
  finished_at      TEXT
);
CREATE INDEX checkin_due_ready ON checkin_due (state, due_at);
CREATE INDEX checkin_due_person ON checkin_due (person_id, state);

-- Every send attempt and what came of it (ids and status codes only).
CREATE TABLE checkin_attempts (
  id           INTEGER PRIMARY KEY,
  due_id       INTEGER NOT NULL REFERENCES checkin_due (id) ON DELETE CASCADE,
  person_id    TEXT NOT NULL,
  attempted_at TEXT NOT NULL,
  outcome      TEXT NOT NULL,
  status_code  INTEGER
);
CREATE INDEX checkin_attempts_due ON checkin_attempts (due_id);
CREATE INDEX checkin_attempts_person ON checkin_attempts (person_id);

-- A completed weekly check-in. NULL means the person skipped that item.
CREATE TABLE checkin_answers (
  id                 INTEGER PRIMARY KEY,
  person_id          TEXT NOT NULL,
  program_week       INTEGER NOT NULL,
  answered_at        TEXT NOT NULL,
  days_used          INTEGER,
  grams_per_day      REAL,
  form               TEXT,
  cravings           INTEGER,
  symptoms           TEXT,
  sleep              TEXT,
  mood               TEXT,
  confidence         INTEGER,
  confidence_step    TEXT,
  support            TEXT,
  handoff            INTEGER NOT NULL DEFAULT 0,
  reasons            TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX checkin_answers_person ON checkin_answers (person_id, answered_at);
