-- Issue 9: sends begun on a due row since its last recorded outcome. Set just before each send and back to
-- 0 when the outcome is recorded, so a lease that runs out tells a row that may have reached the person
-- (a crash mid-send) from one that was only claimed. Only a row with two such sends is abandoned.
ALTER TABLE checkin_due ADD COLUMN unrecorded_sends INTEGER NOT NULL DEFAULT 0;
