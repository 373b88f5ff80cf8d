import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MIGRATIONS_DIR } from '../../paths';

export type SqliteDb = Database.Database;

const MIGRATION_FILE = /^(\d{3})_[a-z0-9_]+\.sql$/;

/**
 * Opens the database file in WAL mode and applies pending migrations. synchronous=NORMAL in WAL mode
 * keeps every committed transaction across a process crash (kill -9); only a power cut can lose the last few.
 */
export function openSqlite(file: string, migrationsDir = MIGRATIONS_DIR): SqliteDb {
  if (file !== ':memory:') prepareDatabaseFile(file);
  const db = new Database(file);
  // Deleted rows are overwritten with zeros in the file, not left readable on free pages.
  db.pragma('secure_delete = ON');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, migrationsDir);
  return db;
}

/**
 * The database holds people's health answers: a data folder it creates is 0700, and the file is 0600
 * (SQLite gives the -wal and -shm files the database file's permissions). An existing folder is left
 * as the admin made it; an existing file and its WAL are made 0600.
 */
function prepareDatabaseFile(file: string): void {
  const dir = dirname(file);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path)) chmodSync(path, 0o600);
  }
}

export function migrate(db: SqliteDb, migrationsDir: string): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const files = readdirSync(migrationsDir)
    .filter((f) => MIGRATION_FILE.test(f))
    .sort();
  const ran: number[] = [];
  for (const file of files) {
    const version = Number(MIGRATION_FILE.exec(file)![1]);
    if (applied.has(version)) continue;
    const sql = readFileSync(join(migrationsDir, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        version,
        file,
        new Date().toISOString(),
      );
    }).immediate();
    ran.push(version);
  }
  return ran;
}
