import { readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { PostgresDataStore } from '../../src/platform/storage/postgres/PostgresDataStore';
import type { SqliteDataStore } from '../../src/platform/storage/sqlite/SqliteDataStore';
import { grantConsent, makeTempDir, startTestApp, type TestApp } from '../support/app';
import { appDatabaseEnv, describeEachDatabaseKind, type DatabaseKind } from '../support/databases';
import { call, newSession } from '../support/directLineClient';

const MARKER = 'violet harbor lanterns hum at noon';

/** Every row of every table, as text, to search for what must be gone. */
async function everyRow(t: TestApp, database: DatabaseKind): Promise<string> {
  const parts: string[] = [];
  if (database === 'sqlite') {
    const db = (t.app.services.store as SqliteDataStore).db;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    for (const table of tables) parts.push(table, JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all()));
  } else {
    const pool = (t.app.services.store as PostgresDataStore).pool;
    const { rows } = await pool.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const { table_name } of rows)
      parts.push(table_name, JSON.stringify((await pool.query(`SELECT * FROM "${table_name}"`)).rows));
  }
  return parts.join('\n');
}

/** The bytes of the database, its WAL and shared-memory files, as Latin-1 text (what `strings` would read). */
function rawFiles(dbFile: string): string {
  return [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]
    .filter(existsSync)
    .map((file) => readFileSync(file).toString('latin1'))
    .join('\n');
}

const until = async (condition: () => boolean | Promise<boolean>, what: string, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describeEachDatabaseKind('12-14. "delete my data" over Direct Line leaves nothing behind', (database) => {
  let t: TestApp;
  let disposeDatabase: () => Promise<void>;
  beforeAll(async () => {
    const db = appDatabaseEnv(database);
    disposeDatabase = db.dispose;
    t = await startTestApp({ env: { ...db.env, LOG_LEVEL: 'trace' } });
  });
  afterAll(async () => {
    await t.stop();
    await disposeDatabase();
  });

  test('the confirmation and the event arrive first, then every row, the raw files, the tokens and the logs forget the person', async () => {
    const base = t.baseUrl;
    const session = await newSession(base);
    const { conversationId: conv, token, userId } = session;
    const personId = `directline:${userId}`;
    const started = await call(base, 'POST', '/v3/directline/conversations', { token });
    expect(started.status).toBe(201);
    const streamUrl: string = started.body.streamUrl;
    const frames: Array<{ type: string; text?: string; name?: string; from?: { role?: string } }> = [];
    const ws = new WebSocket(streamUrl);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('message', (data) => frames.push(...JSON.parse((data as Buffer).toString()).activities));
    await new Promise((resolve) => ws.once('open', resolve));

    const say = async (text: string) => {
      const before = frames.length;
      const posted = await call(base, 'POST', `/v3/directline/conversations/${conv}/activities`, {
        token,
        body: { type: 'message', text },
      });
      expect(posted.status).toBe(200);
      await until(() => frames.slice(before).some((a) => a.from?.role !== 'user'), `an answer to "${text}"`);
    };
    await grantConsent(t, personId);
    await say('hi');
    await say('3'); // the intake, which logs each answer it saves
    await say('powder');
    await say('yes'); // the product type is read back for a yes
    await say(MARKER);
    expect(await everyRow(t, database)).toContain(userId);
    expect(await everyRow(t, database)).toContain(MARKER);

    await say('delete my data');
    const beforeYes = frames.length;
    await call(base, 'POST', `/v3/directline/conversations/${conv}/activities`, {
      token,
      body: { type: 'message', text: 'yes' },
    });
    await until(() => frames.some((a) => a.type === 'event'), 'the data-deleted event');
    // The confirmation is delivered, and the event right after it.
    const answered = frames.slice(beforeYes).filter((a) => a.from?.role !== 'user');
    expect(answered.map((a) => [a.type, a.type === 'event' ? a.name : a.text])).toEqual([
      ['message', t.app.services.content.text('privacy.delete.done')],
      ['event', 'steady.dataDeleted'],
    ]);
    // Then the history goes and the socket is closed.
    await until(
      async () => (await t.app.services.store.directLine.getConversation(conv)) === undefined,
      'the conversation to be erased',
    );
    expect(await closed).toBe(1000);

    // The old token and resume key are refused; nothing brings the conversation or the person back.
    expect(
      (
        await call(base, 'POST', `/v3/directline/conversations/${conv}/activities`, {
          token,
          body: { type: 'message', text: 'hello?' },
        })
      ).body,
    ).toEqual({ error: 'token_revoked' });
    expect((await call(base, 'POST', '/v3/directline/conversations', { token })).status).toBe(403);
    expect((await call(base, 'POST', '/v3/directline/tokens/refresh', { token })).status).toBe(403);
    const again = new WebSocket(streamUrl);
    const refusal = await new Promise<number>((resolve) => {
      again.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      again.once('open', () => resolve(101));
      again.once('error', () => resolve(-1));
    });
    expect(refusal).toBe(403);
    const fresh = await newSession(base, session.resume);
    expect(fresh.resumed).toBe(false);
    expect(fresh.userId).not.toBe(userId);

    const rows = await everyRow(t, database);
    expect(rows).not.toContain(userId);
    expect(rows).not.toContain(conv);
    expect(rows).not.toContain(MARKER);
    if (database === 'sqlite') {
      const raw = rawFiles(t.dbFile);
      expect(raw).not.toContain(userId);
      expect(raw).not.toContain(MARKER);
    }
    // Logs outlive the deletion: they never held the person's id.
    expect(t.logs.text).toContain('intake answer saved');
    expect(t.logs.text).not.toContain(userId);
    expect(t.logs.text).not.toContain('turn failed');
    ws.close();
  }, 60_000);
});

describe('12. database files are private', () => {
  test('a data folder the app creates is 0700 and the database, WAL and shm files are 0600', async () => {
    const root = makeTempDir('modes-');
    const dbFile = join(root, 'data', 'coach.db');
    const t = await startTestApp({ env: { DATABASE_URL: `sqlite:${dbFile}` } });
    try {
      await newSession(t.baseUrl);
      expect(statSync(join(root, 'data')).mode & 0o777).toBe(0o700);
      for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) {
        expect(existsSync(file)).toBe(true);
        expect(statSync(file).mode & 0o777).toBe(0o600);
      }
      expect((t.app.services.store as SqliteDataStore).db.pragma('secure_delete', { simple: true })).toBe(1);
    } finally {
      await t.stop();
    }
  });
});
