import type Database from 'better-sqlite3';
import type { SqliteDb } from './database';

// Its own module, with only types from better-sqlite3: the PostgreSQL repositories share row mappers
// with the SQLite ones, and importing those must not load the SQLite native module.
const statements = new WeakMap<SqliteDb, Map<string, Database.Statement>>();

/**
 * The statement for this SQL on this database, compiled on first use and kept. Hot repository methods
 * use it instead of db.prepare, which compiles the SQL again on every call.
 */
export function prepared<P extends unknown[] | object = unknown[], R = unknown>(
  db: SqliteDb,
  sql: string,
): Database.Statement<P, R> {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map<string, Database.Statement>()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement as Database.Statement<P, R>;
}
