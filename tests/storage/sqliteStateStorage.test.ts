import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openSqlite } from '../../src/platform/storage/sqlite/database';
import { GroupCommit } from '../../src/platform/storage/sqlite/GroupCommit';
import { SqliteStateStorage } from '../../src/platform/storage/sqlite/SqliteStateStorage';
import { makeTempDir } from '../support/app';
import { describeStateStorageConformance } from './stateStorageConformance';

describeStateStorageConformance('SqliteStateStorage', async () => {
  const dir = makeTempDir('state-');
  const db = openSqlite(join(dir, 'state.db'));
  return {
    store: new SqliteStateStorage(db),
    async dispose() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeStateStorageConformance('SqliteStateStorage with group commit (as the app runs it)', async () => {
  const dir = makeTempDir('state-');
  const db = openSqlite(join(dir, 'state.db'));
  return {
    store: new SqliteStateStorage(db, GroupCommit.of(db)),
    async dispose() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteStateStorage on disk', () => {
  test('a conflicting batch writes nothing (all or nothing)', async () => {
    const dir = makeTempDir('state-');
    const db = openSqlite(join(dir, 'state.db'));
    const store = new SqliteStateStorage(db);
    await store.write({ a: { v: 1 } });
    const a = (await store.read(['a'])).a;
    await store.write({ a: { v: 2 } });
    await expect(store.write({ b: { v: 1 }, a: { v: 3, eTag: a.eTag } })).rejects.toThrow(/eTag conflict/);
    expect(await store.read(['b'])).toEqual({});
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an acknowledged write survives kill -9 of the writing process', async () => {
    const dir = makeTempDir('durable-');
    const file = join(dir, 'durable.db');
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../support/writeThenHang.ts'), file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acknowledged = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const line = chunk.toString();
        if (line.includes('written')) resolve(line.trim());
      });
      child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
    });
    expect(acknowledged).toBe('written 200');
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const db = openSqlite(file);
    const store = new SqliteStateStorage(db);
    const keys = Array.from({ length: 200 }, (_, i) => `turn-${i}`);
    const items = await store.read(keys);
    expect(Object.keys(items)).toHaveLength(200);
    expect(items['turn-199'].turn).toBe(199);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
