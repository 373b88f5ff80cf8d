import { gzipSync } from 'node:zlib';
import { connect } from 'node:net';
import { makeTempDir } from '../support/app';
import { call, newSession } from '../support/directLineClient';
import { clientFrame, rawRequest, rawWebSocket, statusOf, upgradeRequest } from '../support/rawHttp';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';

/**
 * Issue 21's five requests that each took the whole process down, sent to the real server running as
 * its own process: after each one the process is still running and /healthz still answers.
 */
describe('one malformed request never takes the server down', () => {
  let server: ServerProcess | undefined;
  const dir = makeTempDir('crash-');

  const alive = async (s: ServerProcess) => {
    await new Promise((r) => setTimeout(r, 150));
    expect(s.child.exitCode).toBeNull();
    expect(s.child.signalCode).toBeNull();
    expect((await fetch(`${s.baseUrl}/healthz`)).status).toBe(200);
  };

  /** One server for the file; a new one only when a case killed the last (so each case is judged on its own). */
  const running = async (): Promise<ServerProcess> => {
    if (!server || server.child.exitCode !== null || server.child.signalCode !== null) {
      server = await startServerProcess({
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${dir}/coach.db`,
        RETENTION_CHECK_MINUTES: '0',
        CHECKIN_INTERVAL_MS: '0',
      });
    }
    return server;
  };
  const portOf = (s: ServerProcess) => Number(new URL(s.baseUrl).port);

  afterAll(async () => {
    await server?.kill('SIGTERM');
  });

  const streamPath = async (s: ServerProcess) => {
    const session = await newSession(s.baseUrl);
    const { body } = await call(s.baseUrl, 'POST', '/v3/directline/conversations', { token: session.token });
    const url = new URL(body.streamUrl);
    return `${url.pathname}${url.search}`;
  };

  test('1. an upgrade whose path holds a malformed percent-escape gets 400', async () => {
    const s = await running();
    const answer = await rawRequest(portOf(s), upgradeRequest('/v3/directline/conversations/%E0%A4%A/stream?t=x'));
    expect(statusOf(answer)).toBe(400);
    await alive(s);
  });

  test.each([
    ['a frame larger than the limit', clientFrame(0x81, Buffer.alloc(70_000, 0x61))],
    ['invalid UTF-8 in a text frame', clientFrame(0x81, Buffer.from([0xc3, 0x28, 0xff]))],
    ['a reserved opcode', clientFrame(0x83, Buffer.from('x'))],
    ['RSV1 set without compression', clientFrame(0xc1, Buffer.from('x'))],
    ['a fragmented control frame', clientFrame(0x09, Buffer.from('x'))],
  ])('2. %s on a valid stream closes that socket only', async (_label, frame) => {
    const s = await running();
    const socket = await rawWebSocket(portOf(s), await streamPath(s));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.write(frame);
    await closed;
    await alive(s);
  });

  test('3. refused upgrades whose clients reset the connection at once', async () => {
    const s = await running();
    for (let i = 0; i < 60; i++) {
      const socket = connect(portOf(s), '127.0.0.1');
      socket.on('error', () => undefined);
      socket.once('connect', () => {
        socket.write(upgradeRequest(i % 2 ? '/nowhere' : '/v3/directline/conversations/abc/stream?t=bad'));
        socket.resetAndDestroy();
      });
    }
    await alive(s);
  });

  test.each([
    ['GET http://[::1/healthz HTTP/1.1'],
    ['GET http://127.0.0.1/healthz HTTP/1.1'],
    ['OPTIONS * HTTP/1.1'],
    ['GET //evil.example/healthz HTTP/1.1'],
  ])('4. a request target that is not origin-form (%s) gets 400', async (requestLine) => {
    const s = await running();
    const answer = await rawRequest(portOf(s), `${requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(statusOf(answer)).toBe(400);
    await alive(s);
  });

  // 200 KB of compressed zeros: about 200 MB once inflated.
  const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024), { level: 9 });
  test.each(['gzip', 'deflate', 'br', 'x-gzip', 'identity, gzip'])(
    '5. a %s-encoded body gets 415 before anything inflates it',
    async (encoding) => {
      const s = await running();
      const response = await fetch(`${s.baseUrl}/api/directline/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body: bomb,
      });
      expect(response.status).toBe(415);
      expect(await response.json()).toEqual({ error: 'unsupported_content_encoding' });
      await alive(s);
    },
  );
});
