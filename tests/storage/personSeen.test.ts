import { join } from 'node:path';
import {
  LAST_SEEN_RESOLUTION_MS,
  type PersonRepository,
  type StateKeyRepository,
} from '../../src/platform/storage/repositories';
import { PostgresDataStore } from '../../src/platform/storage/postgres/PostgresDataStore';
import { SqliteDataStore } from '../../src/platform/storage/sqlite/SqliteDataStore';
import { makeTempDir } from '../support/app';
import { freshPostgresSchema, TEST_DATABASE_URL } from '../support/postgres';

interface Backend {
  people: PersonRepository;
  stateKeys: StateKeyRepository;
  writeState(key: string): Promise<void>;
  dispose(): Promise<void>;
}

const backends: Array<[string, () => Promise<Backend>]> = [
  [
    'SQLite',
    async () => {
      const store = SqliteDataStore.open(join(makeTempDir('seen-'), 'coach.db'));
      return {
        people: store.people,
        stateKeys: store.stateKeys,
        writeState: (key) => store.state.write({ [key]: { eTag: '*', note: key } }),
        dispose: () => store.close(),
      };
    },
  ],
];
if (TEST_DATABASE_URL) {
  backends.push([
    'PostgreSQL',
    async () => {
      const { pool, dispose } = await freshPostgresSchema();
      const store = new PostgresDataStore(pool);
      return {
        people: store.people,
        stateKeys: store.stateKeys,
        writeState: (key) => store.state.write({ [key]: { eTag: '*', note: key } }),
        dispose,
      };
    },
  ]);
}

const linkedKeys = async (backend: Backend) =>
  ((await backend.stateKeys.exportFor('test:p1')) as Array<{ key: string }>).map((s) => s.key).sort();

describe.each(backends)("a turn's bookkeeping in one write (%s)", (_name, open) => {
  const at = new Date('2026-12-01T10:00:00Z');
  const later = (ms: number) => new Date(at.getTime() + ms);
  let backend: Backend;
  beforeEach(async () => {
    backend = await open();
  });
  afterEach(() => backend.dispose());

  test("seen creates the person and links the turn's state keys, so export reaches them", async () => {
    await backend.writeState('test/users/p1/');
    await backend.writeState('test/conversations/c1/');
    await backend.people.seen('test:p1', 'test', ['test/users/p1/', 'test/conversations/c1/'], at);
    expect(await backend.people.get('test:p1')).toEqual({
      personId: 'test:p1',
      channelId: 'test',
      createdAt: at.toISOString(),
      lastSeenAt: at.toISOString(),
    });
    expect(await linkedKeys(backend)).toEqual(['test/conversations/c1/', 'test/users/p1/']);
  });

  test('last seen moves only past the resolution; keys are linked once; a new conversation adds its key', async () => {
    await backend.writeState('test/users/p1/');
    await backend.writeState('test/conversations/c1/');
    await backend.writeState('test/conversations/c2/');
    await backend.people.seen('test:p1', 'test', ['test/users/p1/', 'test/conversations/c1/'], at);
    await backend.people.seen(
      'test:p1',
      'test',
      ['test/users/p1/', 'test/conversations/c1/'],
      later(LAST_SEEN_RESOLUTION_MS - 60_000),
    );
    expect((await backend.people.get('test:p1'))?.lastSeenAt).toBe(at.toISOString());
    await backend.people.seen(
      'test:p1',
      'test',
      ['test/users/p1/', 'test/conversations/c2/'],
      later(LAST_SEEN_RESOLUTION_MS + 60_000),
    );
    expect((await backend.people.get('test:p1'))?.lastSeenAt).toBe(
      later(LAST_SEEN_RESOLUTION_MS + 60_000).toISOString(),
    );
    expect(await linkedKeys(backend)).toEqual(['test/conversations/c1/', 'test/conversations/c2/', 'test/users/p1/']);
  });

  test('within the resolution a new key is still linked, and a deleted person is recorded again', async () => {
    for (const key of ['test/users/p1/', 'test/conversations/c1/', 'test/conversations/c2/'])
      await backend.writeState(key);
    await backend.people.seen('test:p1', 'test', ['test/users/p1/', 'test/conversations/c1/'], at);
    await backend.people.seen(
      'test:p1',
      'test',
      ['test/users/p1/', 'test/conversations/c2/', 'test/conversations/c2/'],
      later(60_000),
    );
    expect(await linkedKeys(backend)).toEqual(['test/conversations/c1/', 'test/conversations/c2/', 'test/users/p1/']);
    expect((await backend.people.get('test:p1'))?.lastSeenAt).toBe(at.toISOString());
    await backend.people.delete('test:p1');
    await backend.stateKeys.deleteFor('test:p1');
    await backend.writeState('test/users/p1/');
    await backend.people.seen('test:p1', 'test', ['test/users/p1/'], later(120_000));
    expect((await backend.people.get('test:p1'))?.lastSeenAt).toBe(later(120_000).toISOString());
    expect(await linkedKeys(backend)).toEqual(['test/users/p1/']);
  });

  test('delete reaches every linked key', async () => {
    await backend.writeState('test/conversations/c1/');
    await backend.people.seen('test:p1', 'test', ['test/conversations/c1/'], at);
    await backend.stateKeys.deleteFor('test:p1');
    expect(await backend.stateKeys.exportFor('test:p1')).toEqual([]);
  });
});
