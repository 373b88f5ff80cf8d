import { readdirSync } from 'node:fs';
import { migrate, POSTGRES_MIGRATIONS_DIR } from '../../src/platform/storage/postgres/database';
import { PostgresDataStore } from '../../src/platform/storage/postgres/PostgresDataStore';
import { PostgresStateStorage } from '../../src/platform/storage/postgres/PostgresStateStorage';
import { describePostgres, freshPostgresSchema, TEST_DATABASE_URL } from '../support/postgres';
import { describeStateStorageConformance } from './stateStorageConformance';

if (TEST_DATABASE_URL) {
  describeStateStorageConformance('PostgresStateStorage', async () => {
    const { pool, dispose } = await freshPostgresSchema();
    return { store: new PostgresStateStorage(pool), dispose };
  });
}

describePostgres('PostgreSQL data store', () => {
  test('migrations run once, even when several instances start at the same moment', async () => {
    const { pool, dispose } = await freshPostgresSchema();
    const again = await Promise.all([
      migrate(pool, POSTGRES_MIGRATIONS_DIR),
      migrate(pool, POSTGRES_MIGRATIONS_DIR),
      migrate(pool, POSTGRES_MIGRATIONS_DIR),
    ]);
    expect(again.flat()).toEqual([]);
    const { rows } = await pool.query('SELECT version FROM schema_migrations ORDER BY version');
    const files = readdirSync(POSTGRES_MIGRATIONS_DIR).filter((f) => /^\d{3}_.*\.sql$/.test(f));
    expect(rows.map((r) => r.version)).toEqual(files.map((f) => Number(f.slice(0, 3))).sort((a, b) => a - b));
    await dispose();
  });

  test('health, people, and a NUL character in state', async () => {
    const { pool, dispose } = await freshPostgresSchema();
    const store = new PostgresDataStore(pool);
    expect(await store.healthy()).toBe(true);
    await store.people.seen('test:p1', 'test', [], new Date('2026-12-01T10:00:00Z'));
    await store.people.seen('test:p1', 'test', [], new Date('2026-12-02T10:00:00Z'));
    expect(await store.people.get('test:p1')).toEqual({
      personId: 'test:p1',
      channelId: 'test',
      createdAt: '2026-12-01T10:00:00.000Z',
      lastSeenAt: '2026-12-02T10:00:00.000Z',
    });
    await store.state.write({ k: { text: 'a\u0000b' } });
    expect((await store.state.read(['k'])).k.text).toBe('a\u0000b');
    await store.people.delete('test:p1');
    expect(await store.people.get('test:p1')).toBeUndefined();
    await dispose();
  });
});
