import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool, type PoolClient } from 'pg';
import { ROOT_DIR } from '../../paths';

export const POSTGRES_MIGRATIONS_DIR = join(ROOT_DIR, 'src', 'platform', 'storage', 'postgres', 'migrations');
const MIGRATION_FILE = /^(\d{3})_[a-z0-9_]+\.sql$/;
/** Any fixed number: every instance takes the same advisory lock while migrating. */
const MIGRATION_LOCK_ID = 4_210_371;

export interface PostgresOptions {
  url: string;
  /** Optional schema, so tests can run in isolation inside one database. */
  schema?: string;
  poolSize?: number;
}

export async function openPostgres(options: PostgresOptions, migrationsDir = POSTGRES_MIGRATIONS_DIR): Promise<Pool> {
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
  });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  if (options.schema) await createSchema(pool, options.schema);
  await migrate(pool, migrationsDir);
  return pool;
}

/** Several instances may start at once: a concurrent CREATE SCHEMA that lost the race is not an error. */
async function createSchema(pool: Pool, schema: string): Promise<void> {
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '42P06') throw error;
  }
}

/** Applies pending migrations under an advisory lock so several instances can start at once. */
export async function migrate(pool: Pool, migrationsDir: string): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
    );
    const applied = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
    const ran: number[] = [];
    for (const file of readdirSync(migrationsDir)
      .filter((f) => MIGRATION_FILE.test(f))
      .sort()) {
      const version = Number(MIGRATION_FILE.exec(file)![1]);
      if (applied.has(version)) continue;
      await inTransaction(client, async () => {
        await client.query(readFileSync(join(migrationsDir, file), 'utf8'));
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [
          version,
          file,
        ]);
      });
      ran.push(version);
    }
    return ran;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    client.release();
  }
}

export async function inTransaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Runs work on one pooled client inside a transaction. */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await inTransaction(client, () => work(client));
  } finally {
    client.release();
  }
}
