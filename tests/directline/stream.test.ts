import { loadContent } from '../../src/platform/content/loader';
import { welcomeTexts } from '../support/app';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../support/app';
import { call, newSession } from '../support/directLineClient';

/** Opens a raw WebSocket; resolves with the socket once open, or the HTTP status that refused it. */
function openSocket(url: string): Promise<{ ws?: WebSocket; status?: number; frames: string[] }> {
  return new Promise((resolve) => {
    const frames: string[] = [];
    const ws = new WebSocket(url);
    ws.on('message', (data) => frames.push((data as Buffer).toString()));
    ws.once('open', () => resolve({ ws, frames }));
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode, frames }));
    ws.once('error', () => resolve({ status: -1, frames }));
  });
}

const until = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!condition()) throw new Error(`Timed out waiting for ${what}`);
};

describe('the WebSocket stream', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DIRECT_LINE_MAX_SOCKETS_PER_CONVERSATION: '2', DIRECT_LINE_MAX_SOCKETS: '3' } });
  });
  afterAll(async () => t.stop());

  const started = async () => {
    const session = await newSession(t.baseUrl);
    const { body } = await call(t.baseUrl, 'POST', '/v3/directline/conversations', { token: session.token });
    return { ...session, streamUrl: body.streamUrl as string };
  };

  test('sends the backlog after the watermark as ActivityGroup frames, then each new activity', async () => {
    const session = await started();
    const { ws, frames } = await openSocket(session.streamUrl.replace('watermark=', 'watermark=1'));
    await until(() => frames.length >= 1, 'the backlog');
    const backlog = JSON.parse(frames[0]);
    const welcomeCount = welcomeTexts(loadContent('en')).length;
    const seqId = (seq: number) => `${session.conversationId}|${String(seq).padStart(7, '0')}`;
    expect(backlog.watermark).toBe(String(welcomeCount));
    expect(backlog.activities.map((a: { id: string }) => a.id)).toEqual(
      Array.from({ length: welcomeCount - 1 }, (_, i) => seqId(i + 2)),
    );
    await call(t.baseUrl, 'POST', `/v3/directline/conversations/${session.conversationId}/activities`, {
      token: session.token,
      body: { type: 'message', text: '2' },
    });
    await until(() => frames.length >= 3, 'the echo and the answer');
    const ids = frames.slice(1).flatMap((f) => JSON.parse(f).activities.map((a: { id: string }) => a.id));
    expect(ids.slice(0, 2)).toEqual([seqId(welcomeCount + 1), seqId(welcomeCount + 2)]);
    ws!.close();
  });

  test('refuses a missing or bad stream token (401), another conversation (403), a bad watermark (400), an unknown path (404)', async () => {
    const alice = await started();
    const bob = await started();
    const aliceUrl = new URL(alice.streamUrl);
    const withToken = (token: string) => {
      const url = new URL(aliceUrl);
      url.searchParams.set('t', token);
      return url.href;
    };
    expect((await openSocket(withToken(''))).status).toBe(401);
    expect((await openSocket(withToken('forged.token.here'))).status).toBe(401);
    // The conversation token is not a stream token.
    expect((await openSocket(withToken(alice.token))).status).toBe(401);
    expect((await openSocket(bob.streamUrl.replace(bob.conversationId, alice.conversationId))).status).toBe(403);
    expect((await openSocket(alice.streamUrl.replace('watermark=', 'watermark=x'))).status).toBe(400);
    expect((await openSocket(`ws://${aliceUrl.host}/v3/directline/elsewhere`)).status).toBe(404);
    expect(t.app.directLine.stream.openSockets).toBe(0);
  });

  test('an expired stream token gets 403', async () => {
    const session = await started();
    t.clock.advance(5 * 60 * 1000);
    expect((await openSocket(session.streamUrl)).status).toBe(403);
  });

  test('bounded sockets: per conversation and in total, 429 beyond the limit; a closed socket frees its place', async () => {
    const one = await started();
    const a = await openSocket(one.streamUrl);
    const b = await openSocket(one.streamUrl);
    expect([a.status, b.status]).toEqual([undefined, undefined]);
    expect((await openSocket(one.streamUrl)).status).toBe(429);

    const two = await started();
    const c = await openSocket(two.streamUrl);
    expect(c.ws).toBeDefined();
    expect((await openSocket(two.streamUrl)).status).toBe(429); // 3 open in total
    expect(t.app.directLine.stream.openSockets).toBe(3);

    a.ws!.close();
    await until(() => t.app.directLine.stream.openSockets === 2, 'the socket to close');
    const d = await openSocket(two.streamUrl);
    expect(d.ws).toBeDefined();
    [b, c, d].forEach((s) => s.ws!.close());
    await until(() => t.app.directLine.stream.openSockets === 0, 'all sockets to close');
  });

  test('stopping the app closes open sockets (going away) instead of hanging', async () => {
    const other = await startTestApp();
    const session = await newSession(other.baseUrl);
    const { body } = await call(other.baseUrl, 'POST', '/v3/directline/conversations', { token: session.token });
    const { ws } = await openSocket(body.streamUrl);
    const closed = new Promise<number>((resolve) => ws!.once('close', (code) => resolve(code)));
    await other.stop();
    expect(await closed).toBe(1001);
  });
});
