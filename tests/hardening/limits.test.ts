import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { join } from 'node:path';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import WebSocket from 'ws';
import { SlackWebApiSender } from '../../src/platform/channels/slack/webApi';
import { buttonAnswerOf } from '../../src/platform/channels/buttonAnswers';
import { messageActivity, postActivity, startTestApp, type TestApp, makeTempDir } from '../support/app';
import { call, newSession } from '../support/directLineClient';
import { dmEvent, FakeSlackApi, postSigned, slackEnv } from '../support/fakeSlack';
import { rawRequest, statusOf } from '../support/rawHttp';

const until = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!condition()) throw new Error(`Timed out waiting for ${what}`);
};

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });

/** Issue 21's limits that could be sidestepped or that wedged, each sent as the attacker sent it. */
describe('limits that cannot be sidestepped', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DIRECT_LINE_NEW_CONVERSATIONS_PER_MINUTE: '5' } });
  });
  afterAll(async () => t.stop());

  test('6. a resume key that makes a new conversation counts against the client, like a first visit', async () => {
    // A real resume key whose conversation was never started: each use used to make a new conversation, unlimited.
    const first = await newSession(t.baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const { status } = await call(t.baseUrl, 'POST', '/api/directline/token', { body: { resume: first.resume } });
      statuses.push(status);
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(4);
    expect(statuses).toContain(429);
    // Made-up keys were always limited; they still are.
    expect((await call(t.baseUrl, 'POST', '/api/directline/token', { body: { resume: 'made.up.key' } })).status).toBe(
      429,
    );
  });

  test('8. a button value gets the same checks as typed text', () => {
    const click = (choice: string) => buttonAnswerOf({ type: 'message', text: '', value: { choice } });
    expect(click('About Steady')).toBe('About Steady');
    expect(click('x'.repeat(200_000))).toBeUndefined();
    expect(click('About\u0007')).toBeUndefined();
    expect(click('broken \ud800')).toBeUndefined();
    const slackClick = (value: string) =>
      buttonAnswerOf({ type: 'message', text: '', channelData: { Payload: { actions: [{ value }] } } });
    expect(slackClick('x'.repeat(5000))).toBeUndefined();
    expect(slackClick('\u001b[31m')).toBeUndefined();
  });

  test('8. a 200,000-character button value is not taken as the answer over HTTP', async () => {
    const options = { conversationId: 'long-choice', userId: 'long-choice-person' };
    await postActivity(t.baseUrl, messageActivity('hi', options));
    const empty = await postActivity(t.baseUrl, { ...messageActivity('', options), text: '' });
    const long = await postActivity(t.baseUrl, {
      ...messageActivity('', options),
      text: '',
      value: { choice: 'x'.repeat(200_000) },
    });
    expect(long.status).toBe(200);
    // The same answer as a message with nothing in it.
    expect(long.replies.map((r) => r.text)).toEqual(empty.replies.map((r) => r.text));
  });
});

describe('6. WebSocket streams per client', () => {
  let t: TestApp;
  beforeAll(async () => {
    // TRUST_PROXY=1 lets the test speak as several clients, through X-Forwarded-For as a proxy would send it.
    t = await startTestApp({
      env: { DIRECT_LINE_MAX_SOCKETS_PER_CLIENT: '3', DIRECT_LINE_MAX_SOCKETS_PER_CONVERSATION: '4', TRUST_PROXY: '1' },
    });
  });
  afterAll(async () => t.stop());

  const streamUrl = async () => {
    const session = await newSession(t.baseUrl);
    return (await call(t.baseUrl, 'POST', '/v3/directline/conversations', { token: session.token })).body
      .streamUrl as string;
  };
  const open = (url: string, client: string) =>
    new Promise<{ status: number; error?: string; ws: WebSocket }>((resolve) => {
      const ws = new WebSocket(url, { headers: { 'x-forwarded-for': client } });
      ws.once('open', () => resolve({ status: 101, ws }));
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, error: JSON.parse(body || '{}').error, ws }));
      });
      ws.once('error', () => resolve({ status: -1, ws }));
    });

  test('one client cannot hold more than its share of sockets, across conversations; others still get theirs', async () => {
    const first = await streamUrl();
    const second = await streamUrl();
    const held = [
      await open(first, '203.0.113.7'),
      await open(first, '203.0.113.7'),
      await open(second, '203.0.113.7'),
    ];
    expect(held.map((s) => s.status)).toEqual([101, 101, 101]);
    const refused = await open(second, '203.0.113.7');
    expect([refused.status, refused.error]).toEqual([429, 'too_many_sockets_for_client']);
    // Another visitor is not affected.
    const other = await open(await streamUrl(), '198.51.100.9');
    expect(other.status).toBe(101);
    // A closed socket frees its place for the same client.
    const closed = new Promise((resolve) => held[0].ws.once('close', resolve));
    held[0].ws.close();
    await closed;
    await until(() => t.app.directLine.stream.openSockets === 3, 'the server to count the closed socket');
    expect((await open(first, '203.0.113.7')).status).toBe(101);
    for (const s of [...held, other]) s.ws.close();
  });
});

describe('10. Direct Line text checks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  test.each([
    ['a NUL character', 'hi\u0000there', 'text has control characters'],
    ['an escape sequence', '\u001b[2J', 'text has control characters'],
    ['a lone surrogate', 'broken \udc00 half', 'text has broken unicode'],
  ])('10. Direct Line refuses %s as /api/messages does', async (_label, text, reason) => {
    const session = await newSession(t.baseUrl);
    await call(t.baseUrl, 'POST', '/v3/directline/conversations', { token: session.token });
    const posted = await call(t.baseUrl, 'POST', `/v3/directline/conversations/${session.conversationId}/activities`, {
      token: session.token,
      body: { type: 'message', text },
    });
    expect(posted.status).toBe(400);
    expect(posted.body).toEqual({ error: 'invalid_activity', reason });
  });
});

describe('9. /api/messages without an app id answers only its own host', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { ALLOWED_SERVICE_HOSTS: 'channel.example.org' } });
  });
  afterAll(async () => t.stop());

  const port = () => Number(new URL(t.baseUrl).port);
  const rawPost = (headers: string, body: unknown) => {
    const text = JSON.stringify(body);
    return rawRequest(
      port(),
      `POST /api/messages HTTP/1.1\r\n${headers}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  };
  const activity = (serviceUrl = 'http://127.0.0.1:9/') => ({
    ...messageActivity('export my data', { conversationId: 'rebind', userId: 'terminal-person', serviceUrl }),
  });

  test.each([
    ['a rebound DNS name in Host', 'Host: attacker.example:3978\r\n'],
    ['a page on another origin', 'Host: 127.0.0.1\r\nOrigin: http://attacker.example\r\n'],
    ['an opaque origin', 'Host: localhost\r\nOrigin: null\r\n'],
  ])('%s gets 403', async (_label, headers) => {
    expect(statusOf(await rawPost(headers, activity()))).toBe(403);
  });

  test('no Host at all is refused', async () => {
    const status = statusOf(await rawPost('', activity()));
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  test.each([
    ['Host: 127.0.0.1\r\n'],
    ['Host: localhost:3978\r\n'],
    ['Host: [::1]:3978\r\nOrigin: http://localhost:3978\r\n'],
  ])('a loopback name (%s) is answered', async (headers) => {
    expect(statusOf(await rawPost(headers, activity()))).toBe(200);
  });

  test('a serviceUrl that is neither loopback nor configured is refused, so the bot is no relay', async () => {
    const refused = await postActivity(t.baseUrl, activity('http://203.0.113.7/'));
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error: 'invalid_activity', reason: 'serviceUrl is not an allowed host' });
    expect((await postActivity(t.baseUrl, activity('https://channel.example.org/'))).status).toBe(200);
    expect((await postActivity(t.baseUrl, activity('http://localhost:9/'))).status).toBe(200);
  });
});

describe('9. ALLOWED_HOSTS names the hosts /api/messages answers', () => {
  test('a configured name is answered and loopback then is not', async () => {
    const t = await startTestApp({ env: { ALLOWED_HOSTS: 'coach.internal' } });
    try {
      const body = JSON.stringify(messageActivity('hi', { conversationId: 'named-host' }));
      const send = (host: string) =>
        rawRequest(
          Number(new URL(t.baseUrl).port),
          `POST /api/messages HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
      expect(statusOf(await send('coach.internal:3978'))).toBe(200);
      expect(statusOf(await send('127.0.0.1'))).toBe(403);
    } finally {
      await t.stop();
    }
  });
});

describe('7. a serviceUrl that never answers cannot wedge a conversation', () => {
  let silent: TcpServer;
  const sockets: Socket[] = [];
  let t: TestApp;
  beforeAll(async () => {
    // Accepts every connection and never says a word.
    silent = createTcpServer((socket) => sockets.push(socket.on('error', () => undefined)));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    t = await startTestApp({ env: { OUTBOUND_TIMEOUT_MS: '300' } });
  });
  afterAll(async () => {
    await t.stop();
    sockets.forEach((s) => s.destroy());
    await new Promise((resolve) => silent.close(resolve));
  });

  test('the turn gives up within a bounded time and the next turn in the conversation is answered', async () => {
    const serviceUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}/`;
    const options = { conversationId: 'wedged', userId: 'wedged-person', serviceUrl };
    const started = Date.now();
    const stuck = await fetch(`${t.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...messageActivity('hi', options), deliveryMode: 'normal' }),
      signal: AbortSignal.timeout(25_000),
    });
    expect(stuck.status).toBeGreaterThanOrEqual(200);
    expect(Date.now() - started).toBeLessThan(25_000);
    // The conversation's lock was let go: a later turn (answered in the response) gets through.
    const next = await postActivity(t.baseUrl, messageActivity('hi', options));
    expect(next.status).toBe(200);
    expect(next.replies.length).toBeGreaterThan(0);
  }, 60_000);

  test('a serviceUrl that always answers 503 with a Retry-After of an hour cannot make the connector sleep on it', async () => {
    let calls = 0;
    const throttling = createHttpServer((req, res) => {
      calls++;
      req.resume();
      res.statusCode = 503;
      res.setHeader('retry-after', '3600');
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    });
    await new Promise<void>((resolve) => throttling.listen(0, '127.0.0.1', resolve));
    try {
      const serviceUrl = `http://127.0.0.1:${(throttling.address() as { port: number }).port}/`;
      const options = { conversationId: 'throttled', userId: 'throttled-person', serviceUrl };
      const stuck = await fetch(`${t.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...messageActivity('hi', options), deliveryMode: 'normal' }),
        signal: AbortSignal.timeout(40_000),
      });
      expect(stuck.status).toBeGreaterThanOrEqual(200);
      expect(calls).toBeGreaterThan(1); // the SDK's own retry policy still runs, its waits capped at the timeout
      const next = await postActivity(t.baseUrl, messageActivity('hi', options));
      expect(next.status).toBe(200);
      expect(next.replies.length).toBeGreaterThan(0);
    } finally {
      await new Promise((resolve) => throttling.close(resolve));
    }
  }, 60_000);

  test('a Slack Web API that never answers: a post fails, with and without retries, instead of waiting forever', async () => {
    const apiUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}/api/`;
    const once = new SlackWebApiSender({ botToken: 'xoxb-test', apiUrl, retries: 0, timeoutMs: 300 });
    await expect(once.postMessage('D0DM', { text: 'hi' } as never)).rejects.toThrow();
    const retried = new SlackWebApiSender({ botToken: 'xoxb-test', apiUrl, timeoutMs: 300 });
    await expect(retried.postMessage('D0DM', { text: 'hi' } as never)).rejects.toThrow();
  }, 60_000);

  test("the timeout is set through public options of ours: no source reaches into a connector's client or pipeline", () => {
    const offenders = sourceFiles(join(__dirname, '..', '..', 'src')).filter((file) =>
      /\.client\??\.pipeline|removeRetryPolicy|addPolicy\(/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

describe('11. Slack de-duplication lives in the database', () => {
  test('a captured signed request replayed after a restart is not handled again', async () => {
    const slack = new FakeSlackApi();
    const apiUrl = await slack.start();
    const dir = makeTempDir('slack-replay-');
    const body = JSON.stringify(dmEvent('hi', { user: 'U0RESTART', channel: 'D0RESTART', eventId: 'Ev0RESTART' }));
    try {
      const first = await startTestApp({ dir, env: slackEnv(apiUrl) });
      expect(
        (
          await postSigned(`${first.baseUrl}/api/slack/events`, body, {
            contentType: 'application/json',
            now: first.clock.now(),
          })
        ).status,
      ).toBe(200);
      await first.app.slack!.channel.idle();
      const posted = slack.posted().length;
      expect(posted).toBeGreaterThan(0);
      await first.stop({ keepFiles: true });

      const second = await startTestApp({ dir, env: slackEnv(apiUrl) });
      try {
        expect(
          (
            await postSigned(`${second.baseUrl}/api/slack/events`, body, {
              contentType: 'application/json',
              now: second.clock.now(),
            })
          ).status,
        ).toBe(200);
        await second.app.slack!.channel.idle();
        expect(slack.posted()).toHaveLength(posted);
        // A new event is handled as usual.
        const fresh = JSON.stringify(dmEvent('hi', { user: 'U0RESTART', channel: 'D0RESTART', eventId: 'Ev0FRESH' }));
        await postSigned(`${second.baseUrl}/api/slack/events`, fresh, {
          contentType: 'application/json',
          now: second.clock.now(),
        });
        await second.app.slack!.channel.idle();
        expect(slack.posted().length).toBeGreaterThan(posted);
      } finally {
        await second.stop();
      }
    } finally {
      await slack.stop();
    }
  });

  test('entries expire after an hour', async () => {
    const t = await startTestApp();
    try {
      const seen = t.app.services.store.seenEvents;
      const at = new Date('2027-01-01T00:00:00Z');
      expect(await seen.markSeen('slack:event:T1:Ev1', at)).toBe(true);
      expect(await seen.markSeen('slack:event:T1:Ev1', new Date(at.getTime() + 59 * 60_000))).toBe(false);
      expect(await seen.markSeen('slack:event:T1:Ev1', new Date(at.getTime() + 61 * 60_000))).toBe(true);
    } finally {
      await t.stop();
    }
  });
});

describe('14. small answers that said too much or too little', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  test('JSON answers say nosniff', async () => {
    for (const path of ['/healthz', '/nowhere']) {
      const response = await fetch(`${t.baseUrl}${path}`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const token = await fetch(`${t.baseUrl}/api/directline/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(token.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('a malformed-JSON 400 does not quote the body', async () => {
    const marker = 'SECRET-MARKER-do-not-echo';
    for (const path of ['/api/messages', '/api/directline/token']) {
      const response = await fetch(`${t.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"text": "${marker}`,
      });
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).not.toContain('SECRET');
      expect(JSON.parse(text)).toEqual({ error: 'invalid_json', reason: 'the body is not valid JSON' });
    }
    const missing = await fetch(`${t.baseUrl}/${marker}`);
    expect(await missing.text()).not.toContain('SECRET');
  });

  test('HEAD / is answered like GET, without a body', async () => {
    const get = await fetch(`${t.baseUrl}/`);
    const head = await rawRequest(
      Number(new URL(t.baseUrl).port),
      'HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
    );
    expect(statusOf(head)).toBe(get.status);
    expect(get.status).toBe(200);
    expect(head).toMatch(
      new RegExp(`content-type: ${get.headers.get('content-type')!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`, 'i'),
    );
    expect(head.split('\r\n\r\n')[1]).toBe('');
    expect((await fetch(`${t.baseUrl}/healthz`, { method: 'HEAD' })).status).toBe(200);
  });
});
