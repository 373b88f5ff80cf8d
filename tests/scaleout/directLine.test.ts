import WebSocket from 'ws';
import type { PostgresNotifier } from '../../src/platform/storage/postgres/PostgresNotifier';
import { startTestApp, type TestApp } from '../support/app';
import { call, newSession } from '../support/directLineClient';
import { describePostgres, freshPostgresUrl } from '../support/postgres';

const until = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!condition()) throw new Error(`Timed out waiting for ${what}`);
};

/** Web chat behind a load balancer: the socket is on one instance, the person's message lands on the other. */
describePostgres('Direct Line across two instances', () => {
  let a: TestApp;
  let b: TestApp;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const db = freshPostgresUrl();
    dispose = db.dispose;
    // No shared data folder: the token secret is set, and equal, on both.
    const env = {
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '4',
      DIRECT_LINE_TOKEN_SECRET: 'x'.repeat(48),
      CHECKIN_INTERVAL_MS: '0',
    };
    [a, b] = await Promise.all([startTestApp({ env }), startTestApp({ env })]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await dispose?.();
  });

  test('a message posted to instance B is pushed, with the bot reply B stored, to the WebSocket open on instance A', async () => {
    const session = await newSession(a.baseUrl);
    const started = await call(a.baseUrl, 'POST', '/v3/directline/conversations', { token: session.token });
    expect(started.status).toBe(201);
    await (a.app.services.store.changes as PostgresNotifier).ready();

    const frames: Array<{
      activities: Array<{ id: string; text?: string; from: { role?: string } }>;
      watermark: string;
    }> = [];
    const ws = new WebSocket(started.body.streamUrl as string);
    ws.on('message', (data) => frames.push(JSON.parse((data as Buffer).toString())));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    await until(() => frames.length >= 1, 'the backlog (the welcome)');
    const backlog = frames.flatMap((f) => f.activities).length;

    const posted = await call(b.baseUrl, 'POST', `/v3/directline/conversations/${session.conversationId}/activities`, {
      token: session.token,
      body: { type: 'message', text: 'help' },
    });
    expect(posted.status).toBe(200);
    const pushed = () => frames.flatMap((f) => f.activities).slice(backlog);
    await until(() => pushed().some((x) => x.from.role === 'bot'), 'the reply stored by instance B');
    ws.close();

    expect(pushed()[0]).toMatchObject({ text: 'help', from: { role: 'user' } });
    // Exactly what instance B stored, in order, nothing doubled.
    const history = await call(
      b.baseUrl,
      'GET',
      `/v3/directline/conversations/${session.conversationId}/activities?watermark=0`,
      { token: session.token },
    );
    const ids = frames.flatMap((f) => f.activities.map((x) => x.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(history.body.activities.map((x: { id: string }) => x.id).slice(0, ids.length));
  });
});
