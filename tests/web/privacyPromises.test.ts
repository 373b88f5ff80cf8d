import Database from 'better-sqlite3';
import { loadContent } from '../../src/platform/content/loader';
import { sessionPieces } from '../../src/features/program/session';
import { startTestApp, type TestApp } from '../support/app';
import { call, newSession } from '../support/directLineClient';

/*
 * What the privacy texts promise, checked against what is on disk after a real web session (the page's
 * own route: token endpoint, Direct Line over HTTP, the SQLite file). The promises checked:
 * - privacy.policy / privacy.page: on the web, the server keeps our chat word for word (so the
 *   person can read it again) - so the words must be in the Direct Line history;
 * - program.reflectionFirst: what you write at a reflection is not added to your saved answers, and stays
 *   in the chat history until you delete your data - so the words are in no table but that history;
 * - privacy.policy: my logs never hold what you type.
 * If a text's promise changes, this test must change with it: it first checks the sentences are there.
 */
const content = loadContent('en');
const week1 = content.week(1);

describe('the privacy promises match what a web session leaves in the database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  test('the promises are the ones this test checks', () => {
    expect(content.text('privacy.policy')).toContain('On the web page, the server keeps our chat word for word');
    expect(content.text('privacy.policy')).toContain('my logs never hold what you type');
    expect(content.text('privacy.page')).toContain('The server keeps the chat, word for word');
    expect(content.text('program.reflectionFirst', { question: 'Q' })).toContain(
      "I don't add what you write here to your saved answers",
    );
    expect(content.text('program.reflectionFirst', { question: 'Q' })).toContain(
      'It stays in our chat history until you delete your data',
    );
  });

  test('a reflection typed on the web is in the chat history only: no other table, no log line', async () => {
    const session = await newSession(t.baseUrl);
    const path = `/v3/directline/conversations/${session.conversationId}`;
    expect((await call(t.baseUrl, 'POST', '/v3/directline/conversations', { token: session.token })).status).toBe(201);
    const say = async (text: string) => {
      const posted = await call(t.baseUrl, 'POST', `${path}/activities`, {
        token: session.token,
        body: { type: 'message', text, from: { id: 'x' } },
      });
      expect(posted.status).toBe(200);
    };
    await say(content.text('menu.options.program'));
    await say('yes'); // saving answers: the program needs it, and it is where a reflection could end up
    await say('start');
    // Through the lesson and the practice to the first reflection question.
    for (let i = 1; i < sessionPieces(week1).length && i < 40; i++) {
      const { body } = await call(t.baseUrl, 'GET', `${path}/activities`, { token: session.token });
      const texts: string[] = body.activities
        .filter((a: { from: { role?: string } }) => a.from.role !== 'user')
        .map((a: { text?: string }) => a.text ?? '');
      if (
        texts.some((text) => text.includes(content.text('program.reflectionFirst', { question: week1.reflection[0] })))
      )
        break;
      await say('next');
    }
    const reflection = 'Walking my dog zebrafinch at dawn helped me on day three';
    await say(reflection);
    // It was taken as a reflection answer (the thanks only follows one).
    const { body } = await call(t.baseUrl, 'GET', `${path}/activities`, { token: session.token });
    expect(body.activities.map((a: { text?: string }) => a.text)).toContain(content.text('program.reflectionThanks'));

    const db = new Database(t.dbFile, { readonly: true });
    try {
      const holding: string[] = [];
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
      for (const { name } of tables) {
        const rows = db.prepare(`SELECT * FROM "${name}"`).all() as Array<Record<string, unknown>>;
        const text = rows
          .map((row) =>
            Object.values(row)
              .map((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v)))
              .join('\u0000'),
          )
          .join('\n');
        if (text.includes('zebrafinch')) holding.push(name);
      }
      const history = tables
        .map((table) => table.name)
        .filter((name) => /directline/i.test(name) && /activit/i.test(name));
      expect(history.length).toBeGreaterThan(0);
      // Kept word for word where the page reads it back, and nowhere else.
      expect(holding).toEqual(history.filter((name) => holding.includes(name)));
      expect(holding.length).toBe(1);
    } finally {
      db.close();
    }
    expect(t.logs.text).not.toContain('zebrafinch');
  });
});
