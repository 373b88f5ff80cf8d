import fc from 'fast-check';
import WebSocket from 'ws';
import { makeTempDir } from '../support/app';
import { call, newSession } from '../support/directLineClient';
import { clientFrame, rawRequest, rawWebSocket } from '../support/rawHttp';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';

/**
 * A bounded fuzz run against the real server in its own process: over 10,000 generated requests across
 * /api/messages, the Direct Line routes (REST and the WebSocket stream) and raw sockets. No answer may
 * be a 5xx, and afterwards the process is still running and /healthz answers.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_500);
const CONCURRENCY = 16;
const SEED = Number(process.env.FUZZ_SEED ?? 2112);

interface Session {
  token: string;
  conversationId: string;
  streamPath: string;
  /** Stream tokens last two minutes; a long run fetches a fresh streamUrl. */
  fetchedAt: number;
}

type Target =
  | { kind: 'http'; method: string; path: string; headers: Record<string, string>; body?: string }
  | { kind: 'raw'; bytes: string }
  | { kind: 'socket'; path: string | number; frames: Array<{ first: number; payload: number[]; declared?: number }> };

describe('fuzzing the whole HTTP and WebSocket surface', () => {
  let server: ServerProcess;
  const sessions: Session[] = [];

  beforeAll(async () => {
    const dir = makeTempDir('fuzz-');
    server = await startServerProcess({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      DATABASE_URL: `sqlite:${dir}/coach.db`,
      RETENTION_CHECK_MINUTES: '0',
      CHECKIN_INTERVAL_MS: '0',
      // Generous limits, so generated requests get past them into the code behind.
      DIRECT_LINE_MESSAGES_PER_MINUTE: '10000',
      DIRECT_LINE_NEW_CONVERSATIONS_PER_MINUTE: '10000',
      DIRECT_LINE_MAX_SOCKETS: '2000',
      DIRECT_LINE_MAX_SOCKETS_PER_CONVERSATION: '50',
      DIRECT_LINE_MAX_SOCKETS_PER_CLIENT: '2000',
    });
    for (let i = 0; i < 4; i++) {
      const session = await newSession(server.baseUrl);
      const { body } = await call(server.baseUrl, 'POST', '/v3/directline/conversations', { token: session.token });
      const url = new URL(body.streamUrl);
      sessions.push({
        token: session.token,
        conversationId: session.conversationId,
        streamPath: `${url.pathname}${url.search}`,
        fetchedAt: Date.now(),
      });
    }
  }, 60_000);

  afterAll(async () => {
    await server?.kill('SIGTERM');
  });

  const session = fc.nat(sessions.length > 0 ? 3 : 3).map((i) => sessions[i % sessions.length]);
  const oddText = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('%', '%E0%A4%A', '%00', '..%2F..', '%FF%FE', '[::1', '\u0000', '😀', 'a'.repeat(600)),
  );
  const segment = fc.oneof(
    { weight: 3, arbitrary: session.map((s) => s.conversationId) },
    { weight: 2, arbitrary: oddText.map((text) => encodeURIComponent(text)) },
    { weight: 1, arbitrary: fc.constantFrom('%E0%A4%A', '%', '%zz', '..', '%2e%2e') },
  );
  const query = fc.option(
    fc.oneof(
      fc.constantFrom(
        'watermark=',
        'watermark=-',
        'watermark=3',
        'watermark=-1',
        'watermark=1e9',
        'watermark=%ZZ',
        't=x',
        'watermark=999999999999999999',
      ),
      oddText.map((t) => `watermark=${encodeURIComponent(t)}`),
    ),
    { nil: undefined },
  );
  const path = fc
    .tuple(
      fc.constantFrom(
        '/api/messages',
        '/api/directline/token',
        '/v3/directline/tokens/generate',
        '/v3/directline/tokens/refresh',
        '/v3/directline/conversations',
        '/v3/directline/conversations/:id',
        '/v3/directline/conversations/:id/activities',
        '/v3/conversations/:id/activities',
        '/v3/conversations/:id/activities/:id',
        '/healthz',
        '/',
        '/:id',
      ),
      segment,
      segment,
      query,
    )
    .map(([template, a, b, q]) => `${template.replace(':id', a).replace(':id', b)}${q ? `?${q}` : ''}`);

  const activity = fc.record(
    {
      type: fc.oneof(fc.constantFrom('message', 'message', 'event', 'typing', 'conversationUpdate', 'invoke'), oddText),
      text: fc.oneof(fc.constantFrom('hi', '1', '2', 'yes', 'no', 'help', 'privacy', 'start over', ''), oddText),
      channelId: fc.constantFrom('test', 'directline', 'msteams', 'slack'),
      serviceUrl: fc.constantFrom('http://127.0.0.1:9/', 'http://localhost:9/', 'http://203.0.113.1/', 'javascript:x'),
      from: fc.record({ id: fc.oneof(fc.constantFrom('fuzz-a', 'fuzz-b'), oddText) }),
      conversation: fc.record({ id: fc.oneof(fc.constantFrom('fuzz-1', 'fuzz-2'), oddText) }),
      deliveryMode: fc.constantFrom('expectReplies', 'expectReplies', 'normal', 'bogus'),
      value: fc.oneof(fc.record({ choice: oddText }), fc.jsonValue({ maxDepth: 2 })),
      name: oddText,
      channelData: fc.oneof(fc.object({ maxDepth: 1 }), fc.constant({ idempotencyKey: 'k' })),
      locale: oddText,
    },
    { requiredKeys: ['type'] },
  );
  const body = fc.oneof(
    { weight: 3, arbitrary: activity.map((a) => JSON.stringify(a)) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: activity.map((a) => JSON.stringify(a).slice(0, -3)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{"resume":"x.y.z"}',
        '{}',
        '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["x"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
        '{"a":' + '1'.repeat(500) + '}',
      ),
    },
  );
  /** Absent seven times in eight. */
  const rarely = <T>(arb: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
  const headers = fc
    .record({
      'content-type': fc.oneof(
        { weight: 6, arbitrary: fc.constant('application/json') },
        fc.constantFrom(
          'application/json; charset=utf-8',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/vnd.x+json',
        ),
      ),
      authorization: fc.option(
        fc.oneof(
          { weight: 3, arbitrary: session.map((s) => `Bearer ${s.token}`) },
          fc.constantFrom('Bearer x.y.z', 'Bearer ', 'Basic abc', 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.x'),
        ),
        { freq: 3, nil: undefined },
      ),
      'content-encoding': rarely(fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'gzip, identity')),
      origin: rarely(fc.constantFrom('http://localhost', 'http://attacker.example', 'null')),
      host: rarely(fc.constantFrom('attacker.example', 'localhost', '[::1]:1', 'x'.repeat(300))),
    })
    .map(
      (h) => Object.fromEntries(Object.entries(h).filter(([, value]) => value !== undefined)) as Record<string, string>,
    );
  const http: fc.Arbitrary<Target> = fc
    .record({
      method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH'),
      path,
      headers,
      body,
    })
    .map(({ method, path, headers, body }) => ({
      kind: 'http',
      method,
      path,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : body,
    }));

  const requestTarget = fc.oneof(
    path,
    fc.constantFrom('*', 'http://[::1/healthz', 'http://127.0.0.1/healthz', '//x/healthz', 'healthz', '/%', '/\u0000'),
    fc.string({ unit: 'binary-ascii', maxLength: 60 }),
  );
  const raw: fc.Arbitrary<Target> = fc
    .record({
      method: fc.constantFrom('GET', 'POST', 'HEAD', 'BREW', ''),
      target: requestTarget,
      version: fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2', ''),
      upgrade: fc.boolean(),
      junk: fc.string({ unit: 'binary-ascii', maxLength: 40 }),
    })
    .map(({ method, target, version, upgrade, junk }) => ({
      kind: 'raw',
      bytes: `${method} ${target} ${version}\r\nHost: 127.0.0.1\r\n${upgrade ? 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n' : 'Connection: close\r\n'}${junk}\r\n\r\n`,
    }));

  const frame = fc.record({
    first: fc.oneof(fc.constantFrom(0x81, 0x82, 0x88, 0x89, 0x8a, 0x01, 0x00), fc.integer({ min: 0, max: 255 })),
    payload: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }),
    declared: fc.option(fc.constantFrom(5000, 70_000, 1 << 20), { nil: undefined }),
  });
  const socket: fc.Arbitrary<Target> = fc
    .record({
      // A number is a session whose (current) stream URL is opened.
      path: fc.oneof({ weight: 4, arbitrary: fc.nat(3) }, { weight: 1, arbitrary: path }),
      frames: fc.array(frame, { maxLength: 4 }),
    })
    .map(({ path, frames }) => ({ kind: 'socket', path, frames }));

  const target: fc.Arbitrary<Target> = fc.oneof(
    { weight: 17, arbitrary: http },
    { weight: 1, arbitrary: raw },
    { weight: 2, arbitrary: socket },
  );

  const port = () => Number(new URL(server.baseUrl).port);
  const statuses = new Map<string, number>();
  const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);

  async function streamPathOf(s: Session): Promise<string> {
    if (Date.now() - s.fetchedAt > 60_000) {
      const { body } = await call(server.baseUrl, 'GET', `/v3/directline/conversations/${s.conversationId}`, {
        token: s.token,
      });
      const url = new URL(body.streamUrl);
      s.streamPath = `${url.pathname}${url.search}`;
      s.fetchedAt = Date.now();
    }
    return s.streamPath;
  }

  async function send(request: Target): Promise<void> {
    if (request.kind === 'http') {
      const response = await fetch(`${server.baseUrl}${request.path}`, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      count(`http ${response.status}`);
      // 501 is the Bot Framework's own answer to an invoke the bot does not handle (botbuilder's default), not a failure.
      const unhandledInvoke =
        response.status === 501 &&
        request.path.startsWith('/api/messages') &&
        /"type":"invoke"/.test(request.body ?? '');
      if (response.status >= 500 && !unhandledInvoke)
        throw new Error(`${response.status} for ${JSON.stringify(request).slice(0, 500)}`);
      return;
    }
    if (request.kind === 'raw') {
      const answer = await rawRequest(port(), request.bytes, 300);
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0);
      count(`raw ${status}`);
      if (status >= 500) throw new Error(`${status} for raw ${JSON.stringify(request.bytes)}`);
      return;
    }
    try {
      const ws = await rawWebSocket(
        port(),
        typeof request.path === 'number' ? await streamPathOf(sessions[request.path % sessions.length]) : request.path,
      );
      ws.on('error', () => undefined);
      for (const f of request.frames) ws.write(clientFrame(f.first, Buffer.from(f.payload), f.declared));
      await new Promise((resolve) => setTimeout(resolve, 20));
      ws.destroy();
      count('socket opened');
    } catch {
      count('socket refused');
    }
  }

  test(`${RUNS} generated requests: never a 5xx, and the process keeps serving`, async () => {
    const requests = fc.sample(target, { numRuns: RUNS, seed: SEED });
    let next = 0;
    const failures: string[] = [];
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++];
        await send(request).catch((error: Error) => failures.push(error.message));
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    process.stdout.write(
      `fuzz: ${RUNS} requests in ${Date.now() - started} ms: ${JSON.stringify(Object.fromEntries(statuses))}\n`,
    );
    // A real client still works after all of it.
    sessions[0].fetchedAt = 0;
    const ws = new WebSocket(`ws://127.0.0.1:${port()}${await streamPathOf(sessions[0])}`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.close();

    expect(failures.slice(0, 5)).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
    expect(statuses.get('http 200') ?? 0).toBeGreaterThan(300);
    expect(statuses.get('socket opened') ?? 0).toBeGreaterThan(200);
    expect(server.child.exitCode).toBeNull();
    expect(server.child.signalCode).toBeNull();
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    expect(server.output.join('\n')).not.toMatch(/uncaught error|unhandled rejection|request handling threw/);
  }, 400_000);
});
