import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../support/app';
import { call, newSession } from '../support/directLineClient';
import { startServerProcess } from '../support/serverProcess';

const MARKER = 'copper kettles whistle over quiet fields';

const until = async (condition: () => boolean, what: string, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** Every row of every table, as text. */
function everyRow(db: Database.Database): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  return tables.map((table) => `${table}\n${JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all())}`).join('\n');
}

/**
 * Issue 21, deleted means gone even across a crash: the process is killed (SIGKILL) after "delete my data"
 * was confirmed and before the Direct Line history (held back until the confirmation is delivered) and the
 * WAL were erased. The next start finishes the erase before it listens.
 */
describe('"delete my data" cut short by kill -9 is finished at the next start', () => {
  test('after the restart no table, no raw file and no token holds the person', async () => {
    const dir = makeTempDir('erase-crash-');
    const dbFile = join(dir, 'coach.db');
    const env = {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${dbFile}`,
      RETENTION_CHECK_MINUTES: '0',
      CHECKIN_INTERVAL_MS: '0',
    };

    const first = await startServerProcess(env);
    const base = first.baseUrl;
    const session = await newSession(base);
    const { conversationId: conv, token, userId } = session;
    expect((await call(base, 'POST', '/v3/directline/conversations', { token })).status).toBe(201);
    // A read-only look at the live database (WAL mode lets it read beside the server); no stream and no
    // poll, so the confirmation is never delivered and the channel keeps the history for its grace period.
    const probe = new Database(dbFile, { readonly: true, fileMustExist: true });
    const count = (sql: string, ...args: unknown[]) =>
      probe
        .prepare(sql)
        .pluck()
        .get(...args) as number;
    const botActivities = () =>
      count("SELECT count(*) FROM directline_activities WHERE conversation_id = ? AND direction = 'bot'", conv);
    const send = async (text: string) => {
      const before = botActivities();
      expect(
        (
          await call(base, 'POST', `/v3/directline/conversations/${conv}/activities`, {
            token,
            body: { type: 'message', text },
          })
        ).status,
      ).toBe(200);
      await until(() => botActivities() > before, `an answer to "${text}"`);
    };
    await send('hi');
    await send(MARKER);
    await send('delete my data');
    await call(base, 'POST', `/v3/directline/conversations/${conv}/activities`, {
      token,
      body: { type: 'message', text: 'yes' },
    });
    await until(
      () =>
        count(
          "SELECT count(*) FROM directline_activities WHERE conversation_id = ? AND activity LIKE '%steady.dataDeleted%'",
          conv,
        ) === 1,
      'the data-deleted event',
    );
    // The window this test is about: confirmed, and the history (with the person's sentence) still there.
    expect(everyRow(probe)).toContain(MARKER);
    expect(count('SELECT count(*) FROM pending_erasures WHERE person_id = ?', `directline:${userId}`)).toBe(1);
    probe.close();
    expect(await first.kill('SIGKILL')).toBeNull();

    const second = await startServerProcess(env);
    try {
      expect(second.output.join('\n')).toContain('unfinished erases finished at start-up');
      // The old token and resume key cannot bring the conversation or the person back.
      expect((await call(second.baseUrl, 'POST', '/v3/directline/conversations', { token })).status).toBe(403);
      const fresh = await newSession(second.baseUrl, session.resume);
      expect(fresh.resumed).toBe(false);
      expect(fresh.userId).not.toBe(userId);
    } finally {
      expect(await second.kill('SIGTERM')).toBe(0);
    }

    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      const rows = everyRow(db);
      expect(rows).not.toContain(userId);
      expect(rows).not.toContain(conv);
      expect(rows).not.toContain(MARKER);
      expect(db.prepare('SELECT count(*) FROM pending_erasures').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
    const raw = [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]
      .filter(existsSync)
      .map((file) => readFileSync(file).toString('latin1'))
      .join('\n');
    expect(raw).not.toContain(userId);
    expect(raw).not.toContain(MARKER);
  }, 90_000);
});
