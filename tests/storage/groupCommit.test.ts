import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openSqlite, type SqliteDb } from '../../src/platform/storage/sqlite/database';
import { GroupCommit } from '../../src/platform/storage/sqlite/GroupCommit';
import { SqliteDataStore } from '../../src/platform/storage/sqlite/SqliteDataStore';
import { assess } from '../../src/features/risk';
import { makeTempDir } from '../support/app';

/**
 * How a promise settled, as text. better-sqlite3's native module keeps the SqliteError class of the first
 * test file that loaded it, so in a Jest worker shared with other suites its errors come from another
 * realm, and `rejects.toThrow` does not see them as thrown; their message is the same.
 */
async function outcomeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => `rejected: ${(error as { message?: string }).message ?? String(error)}`,
  );
}

/** The bot's connection with its group, and a second connection that sees only what is committed. */
function setup() {
  const dir = makeTempDir('group-');
  const file = join(dir, 'group.db');
  const db = openSqlite(file);
  db.exec(`CREATE TABLE rows (id INTEGER PRIMARY KEY);
           CREATE TABLE parent (id INTEGER PRIMARY KEY);
           CREATE TABLE child (parent_id INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)`);
  const group = GroupCommit.of(db);
  const observer = new Database(file, { readonly: true });
  const committed = () => observer.prepare('SELECT id FROM rows ORDER BY id').pluck().all() as number[];
  const insert = (id: number) => () => db.prepare('INSERT INTO rows (id) VALUES (?)').run(id);
  return {
    db,
    group,
    committed,
    insert,
    dispose() {
      observer.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('GroupCommit', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => (t = setup()));
  afterEach(() => t.dispose());

  test('writes made in one pass share one transaction; each promise settles once it is committed', async () => {
    const first = t.group.run(t.insert(1));
    const second = t.group.run(t.insert(2));
    // Queued, not run: the connection holds no open transaction between passes of the event loop.
    expect(t.committed()).toEqual([]);
    expect(t.db.inTransaction).toBe(false);
    await first;
    expect(t.committed()).toEqual([1, 2]);
    await second;
    expect(t.db.inTransaction).toBe(false);
  });

  test('a group write is visible to the connection once its promise resolves', async () => {
    const pending = t.group.run(t.insert(7));
    expect(t.db.prepare('SELECT count(*) FROM rows').pluck().get()).toBe(0);
    await pending;
    expect(t.db.prepare('SELECT count(*) FROM rows').pluck().get()).toBe(1);
  });

  test('the connection is used as published: its methods are not replaced', () => {
    const fresh = openSqlite(':memory:');
    const keys = Object.keys(fresh);
    GroupCommit.of(fresh);
    for (const name of ['prepare', 'transaction', 'exec', 'pragma'] as const)
      expect(fresh[name]).toBe(Database.prototype[name]);
    expect(Object.keys(fresh)).toEqual(keys);
    fresh.close();
  });

  test.each<[string, (db: SqliteDb) => void]>([
    ['a write statement', (db) => db.prepare('INSERT INTO rows (id) VALUES (100)').run()],
    ['a transaction', (db) => db.transaction(() => db.prepare('INSERT INTO rows (id) VALUES (100)').run())()],
    [
      'an immediate transaction',
      (db) => db.transaction(() => db.prepare('INSERT INTO rows (id) VALUES (100)').run()).immediate(),
    ],
    ['exec', (db) => db.exec('INSERT INTO rows (id) VALUES (100)')],
  ])('%s outside the group commits at once, never held back by a queued group', async (_label, write) => {
    const grouped = t.group.run(t.insert(1));
    write(t.db);
    expect(t.committed()).toEqual([100]);
    expect(t.db.inTransaction).toBe(false);
    await expect(grouped).resolves.toBeDefined();
    expect(t.committed()).toEqual([1, 100]);
  });

  test('a write that fails rejects alone, undone whole; the rest of the group commits', async () => {
    const good = t.group.run(t.insert(1));
    const duplicate = t.group.run(t.insert(1));
    const nested = t.group.run(() =>
      t.db.transaction(() => {
        t.db.prepare('INSERT INTO rows (id) VALUES (2)').run();
        throw new Error('undone');
      })(),
    );
    const halfway = t.group.run(() => {
      t.db.prepare('INSERT INTO rows (id) VALUES (3)').run();
      throw new Error('halfway');
    });
    expect(await outcomeOf(halfway)).toBe('rejected: halfway');
    expect(await outcomeOf(duplicate)).toMatch(/UNIQUE/);
    expect(await outcomeOf(nested)).toBe('rejected: undone');
    await good;
    expect(t.committed()).toEqual([1]);
  });

  test('writes queued together are one unit: one failing undoes and rejects them all, not their neighbours', async () => {
    const before = t.group.run(t.insert(1));
    const [kept, failing] = t.group.together(() => [t.group.run(t.insert(2)), t.group.run(t.insert(1))]);
    const [alsoKept, second] = t.group.together(() => [t.group.run(t.insert(3)), t.group.run(t.insert(4))]);
    expect(await outcomeOf(kept)).toMatch(/UNIQUE/);
    expect(await outcomeOf(failing)).toMatch(/UNIQUE/);
    await Promise.all([before, alsoKept, second]);
    expect(t.committed()).toEqual([1, 3, 4]);
    // Outside together() each write is its own unit again.
    expect(await outcomeOf(t.group.run(t.insert(1)))).toMatch(/UNIQUE/);
    await t.group.run(t.insert(5));
    expect(t.committed()).toEqual([1, 3, 4, 5]);
  });

  test('a commit that fails rolls the whole group back and rejects every writer; the next group works', async () => {
    const plain = t.group.run(t.insert(1));
    // A deferred foreign key is checked only at COMMIT.
    const orphan = t.group.run(() => t.db.prepare('INSERT INTO child (parent_id) VALUES (42)').run());
    expect(await outcomeOf(plain)).toMatch(/^rejected: FOREIGN KEY/);
    expect(await outcomeOf(orphan)).toMatch(/^rejected: FOREIGN KEY/);
    expect(t.committed()).toEqual([]);
    expect(t.db.inTransaction).toBe(false);
    await t.group.run(t.insert(3));
    expect(t.committed()).toEqual([3]);
  });

  test("inside someone's synchronous transaction a group write commits with that transaction", async () => {
    let inner: Promise<unknown> | undefined;
    t.db.transaction(() => {
      inner = t.group.run(t.insert(5));
    })();
    expect(t.committed()).toEqual([5]);
    await inner;
  });

  test('flush commits at once; one connection has one group', async () => {
    const pending = t.group.run(t.insert(9));
    expect(GroupCommit.of(t.db)).toBe(t.group);
    t.group.flush();
    expect(t.committed()).toEqual([9]);
    await pending;
  });

  test('a database closed under an open group rejects its writers instead of claiming a commit', async () => {
    const pending = t.group.run(t.insert(1));
    t.db.close();
    await expect(pending).rejects.toThrow(/closed before the group was committed/);
  });
});

describe('the data store', () => {
  test('a state write and an intake answer are committed when their promises resolve, and close commits what is open', async () => {
    const dir = makeTempDir('group-store-');
    const file = join(dir, 'coach.db');
    const store = SqliteDataStore.open(file);
    const observer = new Database(file, { readonly: true });
    const stateRows = () => observer.prepare('SELECT count(*) FROM bot_state').pluck().get();
    await store.state.write({ 'test/conversations/c1/': { step: 1 } });
    expect(stateRows()).toBe(1);
    await store.intake.saveAnswers('person-1', { goal: 'cutDown' }, new Date(), false);
    expect(observer.prepare('SELECT answers FROM intake_answers WHERE person_id = ?').pluck().get('person-1')).toBe(
      '{"goal":"cutDown"}',
    );
    void store.state.write({ 'test/conversations/c2/': { step: 1 } });
    await store.close();
    expect(stateRows()).toBe(2);
    observer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("every write of an intake turn joins the turn's group: one commit, nothing visible before it, all of it after", async () => {
    const dir = makeTempDir('group-turn-');
    const file = join(dir, 'coach.db');
    const store = SqliteDataStore.open(file);
    const observer = new Database(file, { readonly: true });
    const count = (table: string) => observer.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    const at = new Date('2026-12-02T10:00:00Z');
    const profile = { products: ['leaf' as const], otherSubstances: [] };
    const writes = [
      store.people.seen('person-1', 'test', ['test/users/person-1/'], at),
      store.consents.set('person-1', 'granted', 'v1', at),
      store.conversationRefs.save('person-1', 'test', { conversation: { id: 'c1' } }, at),
      store.intake.saveAnswers('person-1', { goal: 'cutDown' }, at, true),
      store.intake.addAssessment('person-1', { trigger: 'intake', profile, assessment: assess(profile) }, at),
      store.state.write({ 'test/conversations/c1/': { step: 2 } }),
    ];
    // Each of them is queued for the one group transaction, which nobody sees yet.
    expect(store.db.inTransaction).toBe(false);
    const tables = [
      'people',
      'person_state_keys',
      'consents',
      'conversation_refs',
      'intake_answers',
      'risk_assessments',
      'bot_state',
    ];
    for (const table of tables) expect(count(table)).toBe(0);
    await Promise.all(writes);
    for (const table of tables) expect(count(table)).toBe(1);
    observer.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
