-- "Delete my data" that was confirmed but not yet finished (the Direct Line history waits until the
-- confirmation is delivered). The row is written before anything is deleted and removed once everything
-- is; start-up finishes any row a crash left behind. So a person id stays here only while its erase runs.
CREATE TABLE pending_erasures (
  person_id     TEXT PRIMARY KEY,
  requested_at  TEXT NOT NULL
);
