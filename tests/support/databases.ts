import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PostgresDataStore } from '../../src/platform/storage/postgres/PostgresDataStore';
import type { DataStore } from '../../src/platform/storage/repositories';
import { SqliteDataStore } from '../../src/platform/storage/sqlite/SqliteDataStore';
import { makeTempDir } from './app';
import { describePostgres, freshPostgresSchema, freshPostgresUrl } from './postgres';

/** A fresh store, plus raw SQL for tests that must damage or inspect rows directly. */
export type OpenStore = () => Promise<{
  store: DataStore;
  query(sql: string): Promise<any[]>;
  dispose(): Promise<void>;
}>;

export const openSqliteStore: OpenStore = async () => {
  const dir = makeTempDir('store-');
  const store = SqliteDataStore.open(join(dir, 'coach.db'));
  return {
    store,
    async query(sql) {
      const statement = store.db.prepare(sql);
      if (statement.reader) return statement.all();
      statement.run();
      return [];
    },
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export const openPostgresStore: OpenStore = async () => {
  const { pool, dispose } = await freshPostgresSchema();
  return { store: new PostgresDataStore(pool), query: async (sql) => (await pool.query(sql)).rows, dispose };
};

/** One repository contract, run against every database: SQLite always, PostgreSQL when configured. */
export function describeEachDatabase(title: string, body: (open: OpenStore) => void): void {
  describe(`${title} [SQLite]`, () => body(openSqliteStore));
  describePostgres(title, () => body(openPostgresStore));
}

export type DatabaseKind = 'sqlite' | 'postgres';

/** Whole-app suites, run once per database: SQLite always, PostgreSQL when configured. */
export function describeEachDatabaseKind(title: string, body: (database: DatabaseKind) => void): void {
  describe(`${title} [SQLite]`, () => body('sqlite'));
  describePostgres(title, () => body('postgres'));
}

/** Environment for startTestApp: nothing for SQLite (it makes its own file), a fresh schema for PostgreSQL. */
export function appDatabaseEnv(database: DatabaseKind): { env: Record<string, string>; dispose(): Promise<void> } {
  if (database === 'sqlite') return { env: {}, dispose: async () => undefined };
  const { url, dispose } = freshPostgresUrl();
  return { env: { DATABASE_URL: url }, dispose };
}
