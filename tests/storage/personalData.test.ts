import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/platform/config';
import { createLogger } from '../../src/platform/logger';
import {
  deletePersonalData,
  exportPersonalData,
  purgeInactive,
  retentionCutoff,
} from '../../src/features/privacy/personalData';
import { createRetentionJob } from '../../src/features/privacy/retentionJob';
import type { PersonalDataOwner } from '../../src/platform/storage/repositories';
import { SqliteDataStore } from '../../src/platform/storage/sqlite/SqliteDataStore';
import { makeTempDir, say, withTestApp } from '../support/app';

const DAY = 24 * 60 * 60 * 1000;

/** The export sections seed() leaves empty. */
const NOTHING_ELSE = {
  intake: { assessments: [] },
  directLine: { conversations: [] },
  programProgress: [],
  conversation_refs: [],
  checkin_enrollments: null,
  checkin_due: { due: [], attempts: [] },
  checkin_answers: [],
};

function rowsMentioning(file: string, needle: string): string[] {
  const db = new Database(file, { readonly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  const hits = tables.filter((table) => JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all()).includes(needle));
  db.close();
  return hits;
}

/** A person with a row in every table this issue owns. */
async function seed(store: SqliteDataStore, userId: string, at: Date): Promise<string> {
  const personId = `test:${userId}`;
  const keys = [`test/users/${userId}/`, `test/conversations/${userId}-conversation/`];
  await store.people.seen(personId, 'test', keys, at);
  await store.state.write(Object.fromEntries(keys.map((key) => [key, { eTag: '*', note: 'state' }])));
  await store.consents.set(personId, 'granted', 'v1', at);
  await store.safetyEvents.record(personId, 'ambiguous', at);
  return personId;
}

describe('personal-data owners', () => {
  let dir: string;
  let store: SqliteDataStore;
  beforeEach(() => {
    dir = makeTempDir('personal-');
    store = SqliteDataStore.open(join(dir, 'coach.db'));
  });
  afterEach(() => store.close());

  test('every repository that holds person data is registered, people first', () => {
    expect(store.personalData().map((o) => o.name)).toEqual([
      'people',
      'consent',
      'safetyEvents',
      'botState',
      'intake',
      'directLine',
      'programProgress',
      'conversation_refs',
      'checkin_enrollments',
      'checkin_due',
      'checkin_answers',
    ]);
  });

  test('export gathers every owner; delete empties every one of them for that person only', async () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const personId = await seed(store, 'alice', at);
    await seed(store, 'bob', at);
    const exported = await exportPersonalData(store, personId, at);
    expect(exported.sections).toEqual({
      people: { personId, channelId: 'test', createdAt: at.toISOString(), lastSeenAt: at.toISOString() },
      consent: { status: 'granted', policyVersion: 'v1', decidedAt: at.toISOString() },
      safetyEvents: [{ kind: 'ambiguous', occurredAt: at.toISOString() }],
      botState: [
        { key: 'test/conversations/alice-conversation/', state: { note: 'state' } },
        { key: 'test/users/alice/', state: { note: 'state' } },
      ],
      ...NOTHING_ELSE,
    });

    await deletePersonalData(store, personId);
    expect(rowsMentioning(join(dir, 'coach.db'), 'alice')).toEqual([]);
    expect(rowsMentioning(join(dir, 'coach.db'), 'bob').sort()).toEqual([
      'bot_state',
      'consents',
      'people',
      'person_state_keys',
      'safety_events',
    ]);
    const empty = await exportPersonalData(store, personId, at);
    expect(empty.sections).toEqual({ people: null, consent: null, safetyEvents: [], botState: [], ...NOTHING_ELSE });
    await expect(deletePersonalData(store, personId)).resolves.toBeUndefined();
  });

  test("owners registered later (another feature's tables) are exported and deleted too, before people", async () => {
    const order: string[] = [];
    const track = (name: string, inner: PersonalDataOwner): PersonalDataOwner => ({
      name,
      exportFor: (id) => inner.exportFor(id),
      deleteFor: async (id) => {
        order.push(name);
        await inner.deleteFor(id);
      },
    });
    const extra: PersonalDataOwner = {
      name: 'checkins',
      exportFor: async () => [{ week: 1 }],
      deleteFor: async () => undefined,
    };
    const tracked = new SqliteDataStore(store.db);
    tracked.registerPersonalData(extra);
    expect(() => tracked.registerPersonalData(extra)).toThrow(/already registered/);
    const personId = await seed(store, 'carol', new Date());
    expect((await exportPersonalData(tracked, personId, new Date())).sections.checkins).toEqual([{ week: 1 }]);
    const owners = tracked.personalData().map((o) => track(o.name, o));
    await deletePersonalData(
      {
        ...tracked,
        personalData: () => owners,
        scrubDeleted: () => tracked.scrubDeleted(),
      } as unknown as SqliteDataStore,
      personId,
    );
    expect(order).toEqual([
      'checkins',
      'checkin_answers',
      'checkin_due',
      'checkin_enrollments',
      'conversation_refs',
      'programProgress',
      'directLine',
      'intake',
      'botState',
      'safetyEvents',
      'consent',
      'people',
    ]);
  });

  test('purgeInactive removes everything about people last seen before the cutoff, in batches', async () => {
    const now = new Date('2027-06-01T00:00:00Z');
    const old = [];
    for (let i = 0; i < 5; i++) old.push(await seed(store, `old-${i}`, new Date(now.getTime() - (400 + i) * DAY)));
    const recent = await seed(store, 'recent', new Date(now.getTime() - 10 * DAY));
    const borderline = await seed(store, 'borderline', new Date(now.getTime() - 364 * DAY));

    expect(await purgeInactive(store, retentionCutoff(now, 365), 2)).toBe(5);
    for (const personId of old) expect(await store.people.get(personId)).toBeUndefined();
    expect(rowsMentioning(join(dir, 'coach.db'), 'old-')).toEqual([]);
    expect(await store.people.get(recent)).toBeDefined();
    expect(await store.people.get(borderline)).toBeDefined();
    expect(await purgeInactive(store, retentionCutoff(now, 365))).toBe(0);
  });

  test('the retention job purges on its first run and logs only a count', async () => {
    const now = new Date('2027-12-01T00:00:00Z');
    await seed(store, 'sleeper', new Date('2026-01-01T00:00:00Z'));
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const job = createRetentionJob({ store, logger, retentionDays: 365, everyMs: 0 });
    expect(await job.run(now, () => false)).toBe(1);
    expect(await job.run(now, () => false)).toBe(0);
    expect(lines.join('\n')).toContain('"purged":1');
    expect(lines.join('\n')).not.toContain('sleeper');
  });
});

describe('retention in the running app', () => {
  test("the scheduler's retention job purges people inactive longer than RETENTION_DAYS", async () => {
    await withTestApp({ env: { RETENTION_DAYS: '30', RETENTION_CHECK_MINUTES: '0' } }, async (t) => {
      await say(t.baseUrl, 'hi', { conversationId: 'active', userId: 'active-person' });
      t.clock.advance(20 * DAY);
      await say(t.baseUrl, 'hi', { conversationId: 'later', userId: 'later-person' });
      t.clock.advance(15 * DAY);
      expect(await t.app.scheduler.run(t.app.jobs.retention)).toBe(1);
      expect(await t.app.services.store.people.get('test:active-person')).toBeUndefined();
      expect(await t.app.services.store.people.get('test:later-person')).toBeDefined();
      expect(rowsMentioning(t.dbFile, 'active-person')).toEqual([]);
    });
  });

  test('with RETENTION_CHECK_MINUTES set, the started scheduler runs the purge by itself soon after start', async () => {
    const dir = makeTempDir('retention-start-');
    const seeded = SqliteDataStore.open(join(dir, 'coach.db'));
    await seed(seeded, 'long-gone', new Date('2025-01-01T00:00:00Z'));
    await seeded.close();
    await withTestApp({ dir, env: { RETENTION_CHECK_MINUTES: '60' } }, async (t) => {
      // Building starts nothing; main() starts the scheduler, as here.
      expect(await t.app.services.store.people.get('test:long-gone')).toBeDefined();
      t.app.scheduler.start();
      for (let i = 0; i < 100 && (await t.app.services.store.people.get('test:long-gone')); i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(await t.app.services.store.people.get('test:long-gone')).toBeUndefined();
    });
  });

  test('`npm run purge -- --at <instant>` purges from the command line', async () => {
    const dir = makeTempDir('purge-cli-');
    const file = join(dir, 'coach.db');
    const store = SqliteDataStore.open(file);
    await seed(store, 'cli-old', new Date('2026-01-01T00:00:00Z'));
    await seed(store, 'cli-new', new Date('2026-11-01T00:00:00Z'));
    await store.close();
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(
        process.execPath,
        ['--disable-warning=DEP0111', '--import', 'tsx', join(__dirname, '../../src/cli/purge.ts'), ...args],
        {
          env: { PATH: process.env.PATH, DATABASE_URL: `sqlite:${file}`, ...env },
          encoding: 'utf8',
          timeout: 20000,
        },
      );
    const result = run(['--at', '2027-02-01T00:00:00Z']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Purged 1 inactive person \(last seen before 2026-02-01T00:00:00.000Z\)\.$/m);
    expect(rowsMentioning(file, 'cli-old')).toEqual([]);
    expect(rowsMentioning(file, 'cli-new').length).toBeGreaterThan(0);
    const bad = run(['--at', 'next tuesday']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--at/);
  });

  test('RETENTION_DAYS and RETENTION_CHECK_MINUTES have working defaults and refuse nonsense', () => {
    expect(loadConfig({}).retention).toEqual({ days: 365, checkMinutes: 360 });
    expect(loadConfig({ RETENTION_DAYS: '90', RETENTION_CHECK_MINUTES: '0' }).retention).toEqual({
      days: 90,
      checkMinutes: 0,
    });
    for (const env of [{ RETENTION_DAYS: '0' }, { RETENTION_DAYS: 'forever' }, { RETENTION_CHECK_MINUTES: '-1' }]) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
    }
  });
});
