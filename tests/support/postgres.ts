import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { openPostgres } from '../../src/platform/storage/postgres/database';

/** PostgreSQL suites run when TEST_DATABASE_URL points at a server (.ci/run starts one). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? '';

const SKIP_NOTE = 'SKIPPED: no PostgreSQL. Set TEST_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/db to run';

/** describe() when a server is configured; otherwise a skipped describe whose title says how to run it. */
export function describePostgres(title: string, body: () => void): void {
  if (TEST_DATABASE_URL) describe(`${title} [PostgreSQL]`, body);
  else describe.skip(`${title} [PostgreSQL ${SKIP_NOTE}]`, body);
}

/** A fresh, empty schema as a DATABASE_URL (`?schema=`) for whole apps; dispose() drops it. */
export function freshPostgresUrl(): { url: string; schema: string; dispose(): Promise<void> } {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const separator = TEST_DATABASE_URL.includes('?') ? '&' : '?';
  return { url: `${TEST_DATABASE_URL}${separator}schema=${schema}`, schema, dispose: () => dropSchema(schema) };
}

async function dropSchema(schema: string): Promise<void> {
  const admin = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  try {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await admin.end();
  }
}

/** A fresh schema in the test database, migrated, dropped again by dispose(). */
export async function freshPostgresSchema(): Promise<{ pool: Pool; schema: string; dispose(): Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const pool = await openPostgres({ url: TEST_DATABASE_URL, schema, poolSize: 4 });
  return {
    pool,
    schema,
    async dispose() {
      await pool.end();
      await dropSchema(schema);
    },
  };
}
