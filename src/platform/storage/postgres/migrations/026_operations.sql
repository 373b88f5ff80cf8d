-- Aggregate counters for the program report (npm run report): names and totals only, never about a person.
-- purged_by_retention: people whose data the retention purge deleted, since the database was created.
CREATE TABLE operations_counters (
  name   TEXT PRIMARY KEY,
  value  BIGINT NOT NULL
);
