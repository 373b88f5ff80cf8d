-- Issue 23: a check-in amount can be a count of the person's own product unit (shots, tablets, capsules),
-- which extract and 7-OH users cannot give in grams. grams_per_day keeps the gram answers unchanged.
ALTER TABLE checkin_answers ADD COLUMN units_per_day DOUBLE PRECISION;
ALTER TABLE checkin_answers ADD COLUMN unit TEXT;
