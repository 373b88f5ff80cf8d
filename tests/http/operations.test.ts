import { openDataStore } from '../../src/platform/storage';
import { createServer } from '../../src/platform/server';
import { createLogger } from '../../src/platform/logger';
import type { CoachAdapter } from '../../src/platform/channels/adapter';
import { say, withTestApp } from '../support/app';
import { LogCapture } from '../support/fakes';

const TOKEN = 'metrics-token-for-tests-0123456789';

/** A counter's value in Prometheus text, or undefined when the series is absent. */
function series(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('GET /metrics', () => {
  test('is off by default: the route does not exist', async () => {
    await withTestApp({}, async (t) => {
      expect((await fetch(`${t.baseUrl}/metrics`)).status).toBe(404);
      expect(t.app.metrics).toBeUndefined();
    });
  });

  test('with METRICS_TOKEN: Prometheus text for the bearer, counting turns, crisis replies, latency and sockets', async () => {
    await withTestApp({ env: { METRICS_TOKEN: TOKEN } }, async (t) => {
      expect((await fetch(`${t.baseUrl}/metrics`)).status).toBe(401);
      expect(
        (await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status,
      ).toBe(401);

      // No consent asked: the crisis reply counts though nothing about it is stored.
      const options = { conversationId: 'metrics-conversation', userId: 'metrics-person' };
      await say(t.baseUrl, 'hello', options);
      await say(t.baseUrl, 'I want to kill myself', options);

      const response = await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await response.text();
      expect(series(text, 'steady_turns_total{channel="test"}')).toBe(2);
      expect(series(text, 'steady_turn_duration_seconds_count{channel="test"}')).toBe(2);
      expect(series(text, 'steady_crisis_replies_total{kind="suicide"}')).toBe(1);
      expect(series(text, 'steady_directline_open_sockets')).toBe(0);
      expect(text).toContain('# TYPE steady_turn_duration_seconds histogram');
      expect(text).toContain('# TYPE steady_database_errors_total counter');
      expect(text).toContain('steady_process_resident_memory_bytes');
      // Labels are kinds and channels: no id of the person or the conversation.
      expect(text).not.toContain('metrics-person');
      expect(text).not.toContain('metrics-conversation');
    });
  });

  test('a database call that fails is counted', async () => {
    await withTestApp({ env: { METRICS_TOKEN: TOKEN } }, async (t) => {
      const store = t.app.services.store;
      const original = store.people;
      // The repository underneath starts failing, as it would with the database gone.
      await expect(store.people.get('nobody')).resolves.toBeUndefined();
      (original as unknown as { get: unknown }).get = async () => {
        throw new Error('database is gone');
      };
      await expect(store.people.get('nobody')).rejects.toThrow('database is gone');
      const text = await (
        await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
      ).text();
      expect(series(text, 'steady_database_errors_total{repository="people"}')).toBe(1);
    });
  });

  test('METRICS=loopback answers loopback requests without a token, but not ones a proxy relayed', async () => {
    await withTestApp({ env: { METRICS: 'loopback' } }, async (t) => {
      expect((await fetch(`${t.baseUrl}/metrics`)).status).toBe(200);
      expect((await fetch(`${t.baseUrl}/metrics`, { headers: { 'x-forwarded-for': '198.51.100.7' } })).status).toBe(
        401,
      );
      expect((await fetch(`${t.baseUrl}/metrics`, { headers: { forwarded: 'for=198.51.100.7' } })).status).toBe(401);
    });
  });
});

describe('request ids', () => {
  test('each request gets one, returned as X-Request-Id; every log line of the request carries it', async () => {
    await withTestApp({ env: { LOG_LEVEL: 'debug' } }, async (t) => {
      const first = await fetch(`${t.baseUrl}/healthz`);
      const second = await fetch(`${t.baseUrl}/healthz`);
      expect(first.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
      // A proxy's id is kept; one that does not look like an id is replaced.
      expect(
        (await fetch(`${t.baseUrl}/healthz`, { headers: { 'x-request-id': 'edge-42.a' } })).headers.get('x-request-id'),
      ).toBe('edge-42.a');
      expect(
        (await fetch(`${t.baseUrl}/healthz`, { headers: { 'x-request-id': 'bad id <script>' } })).headers.get(
          'x-request-id',
        ),
      ).toMatch(/^[0-9a-f-]{36}$/);

      // A turn that logs (the safety net), and a refused request (restify's own error path).
      const before = t.logs.lines.length;
      const turn = await fetch(`${t.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'turn-request-1' },
        body: JSON.stringify({
          type: 'message',
          text: 'I want to kill myself',
          id: 'm-1',
          channelId: 'test',
          serviceUrl: 'http://127.0.0.1:9/',
          from: { id: 'rid-person' },
          recipient: { id: 'steady' },
          conversation: { id: 'rid-conversation' },
          deliveryMode: 'expectReplies',
        }),
      });
      expect(turn.status).toBe(200);
      const turnLines = t.logs.lines.slice(before).map((l) => JSON.parse(l) as { requestId?: string; msg: string });
      expect(turnLines.length).toBeGreaterThan(0);
      expect(turnLines.map((l) => l.msg)).toContain('safety net responded');
      for (const line of turnLines) expect(line.requestId).toBe('turn-request-1');

      const mark = t.logs.lines.length;
      const refused = await fetch(`${t.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type":',
      });
      expect(refused.status).toBe(400);
      const refusedLines = t.logs.lines.slice(mark).map((l) => JSON.parse(l) as { requestId?: string });
      expect(refusedLines.length).toBeGreaterThan(0);
      for (const line of refusedLines) expect(line.requestId).toBe(refused.headers.get('x-request-id'));
      // Work outside any request (the scheduler, start-up) carries none: the id does not leak past its request.
      t.app.services.logger.info('outside any request');
      expect(JSON.parse(t.logs.lines.at(-1)!)).not.toHaveProperty('requestId');
    });
  });
});

describe('/readyz and /healthz while draining', () => {
  test('readyz turns 503 as soon as the drain starts; healthz stays 200 until the listener closes', async () => {
    const store = await openDataStore({ kind: 'sqlite', file: ':memory:' });
    let releaseDrain!: () => void;
    const drainHeld = new Promise<void>((resolve) => (releaseDrain = resolve));
    const http = createServer({
      adapter: {} as CoachAdapter,
      logic: async () => undefined,
      store,
      logger: createLogger('silent', new LogCapture()),
      maxBodyBytes: 64 * 1024,
      // A channel whose work in flight takes a while to finish, as a long turn would.
      mounts: [{ mount: () => undefined, close: () => drainHeld }],
    });
    const port = await http.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${port}`;
    try {
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      expect(http.draining).toBe(false);
      const closing = http.close(5000);
      expect(http.draining).toBe(true);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'draining' });
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      releaseDrain();
      await closing;
    } finally {
      releaseDrain();
      await store.close();
    }
  });
});

describe('rate limits behind a proxy (TRUST_PROXY)', () => {
  const newSession = (base: string, forwardedFor: string) =>
    fetch(`${base}/api/directline/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: '{}',
    });

  test('with TRUST_PROXY=1 each visitor has their own bucket', async () => {
    await withTestApp({ env: { TRUST_PROXY: '1', DIRECT_LINE_NEW_CONVERSATIONS_PER_MINUTE: '2' } }, async (t) => {
      expect((await newSession(t.baseUrl, '198.51.100.7')).status).toBe(200);
      expect((await newSession(t.baseUrl, '198.51.100.7')).status).toBe(200);
      expect((await newSession(t.baseUrl, '198.51.100.7')).status).toBe(429);
      // Another visitor behind the same proxy is not held back by the first.
      expect((await newSession(t.baseUrl, '203.0.113.20')).status).toBe(200);
      // A forged entry to the left of what the proxy wrote changes nothing.
      expect((await newSession(t.baseUrl, '1.2.3.4, 198.51.100.7')).status).toBe(429);
    });
  });

  test('without TRUST_PROXY the header is ignored: everyone behind the proxy shares the socket address', async () => {
    await withTestApp({ env: { DIRECT_LINE_NEW_CONVERSATIONS_PER_MINUTE: '2' } }, async (t) => {
      expect((await newSession(t.baseUrl, '198.51.100.7')).status).toBe(200);
      expect((await newSession(t.baseUrl, '198.51.100.8')).status).toBe(200);
      expect((await newSession(t.baseUrl, '203.0.113.20')).status).toBe(429);
    });
  });
});
