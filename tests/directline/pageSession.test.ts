import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../support/app';
import { call, newSession } from '../support/directLineClient';

describe('the page token endpoint (POST /api/directline/token), self-hosted', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  test('a first visit gets a new anonymous person, a conversation token and a resume key; no secret', async () => {
    const session = await newSession(t.baseUrl);
    expect(session).toMatchObject({
      mode: 'self-hosted',
      domain: '/v3/directline',
      resumed: false,
      userId: expect.stringMatching(/^dl_/),
    });
    const claims = JSON.parse(Buffer.from(session.token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ kind: 'conversation', conv: session.conversationId, user: session.userId });
    const other = await newSession(t.baseUrl);
    expect(other.userId).not.toBe(session.userId);
    expect(other.conversationId).not.toBe(session.conversationId);
  });

  test('the resume key brings back the same person and conversation', async () => {
    const session = await newSession(t.baseUrl);
    expect((await call(t.baseUrl, 'POST', '/v3/directline/conversations', { token: session.token })).status).toBe(201);
    const back = await newSession(t.baseUrl, session.resume);
    expect(back).toMatchObject({ resumed: true, userId: session.userId, conversationId: session.conversationId });
    expect(
      (await call(t.baseUrl, 'GET', `/v3/directline/conversations/${session.conversationId}`, { token: back.token }))
        .status,
    ).toBe(200);
  });

  test('a resume key whose conversation never started keeps the person and starts a new conversation', async () => {
    const session = await newSession(t.baseUrl);
    const back = await newSession(t.baseUrl, session.resume);
    expect(back).toMatchObject({ resumed: false, userId: session.userId });
    expect(back.conversationId).not.toBe(session.conversationId);
  });

  test('a tampered or expired resume key gets a new person, never someone else', async () => {
    const session = await newSession(t.baseUrl);
    const [header, payload, signature] = session.resume.split('.');
    const changed = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), user: 'dl_someone_else' }),
    ).toString('base64url');
    const tampered = await newSession(t.baseUrl, `${header}.${changed}.${signature}`);
    expect(tampered.userId).not.toBe('dl_someone_else');
    expect(tampered.userId).not.toBe(session.userId);

    t.clock.advance(91 * 24 * 60 * 60 * 1000);
    const expired = await newSession(t.baseUrl, session.resume);
    expect(expired.userId).not.toBe(session.userId);
  });

  test('a malformed request gets 400', async () => {
    expect((await call(t.baseUrl, 'POST', '/api/directline/token', { body: { resume: 42 } })).status).toBe(400);
    expect((await call(t.baseUrl, 'POST', '/api/directline/token', { body: '{"resume":' })).status).toBe(400);
  });
});

interface FakeAzure {
  server: Server;
  domain: string;
  requests: Array<{ path: string; authorization?: string; body: any }>;
  failWith?: number;
}

async function startFakeAzure(secret: string): Promise<FakeAzure> {
  const fake: FakeAzure = { server: createServer(), domain: '', requests: [] };
  fake.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // A fake that fails drops the connection, which the test then sees.
    void (async () => {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const body = raw ? JSON.parse(raw) : undefined;
      fake.requests.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
      const refusal =
        fake.failWith ??
        (req.method !== 'POST' ||
        req.url !== '/v3/directline/tokens/generate' ||
        req.headers.authorization !== `Bearer ${secret}`
          ? 403
          : 0);
      if (refusal) {
        res.writeHead(refusal);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          conversationId: `azure-conv-${fake.requests.length}`,
          token: `azure-token-for-${body.user.id}`,
          expires_in: 3600,
        }),
      );
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
  fake.domain = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}/v3/directline`;
  return fake;
}

describe('the Azure option (DIRECT_LINE_SECRET set)', () => {
  const secret = 'azure-direct-line-secret-that-must-stay-on-the-server';
  let fake: FakeAzure;
  let t: TestApp;
  beforeAll(async () => {
    fake = await startFakeAzure(secret);
    t = await startTestApp({ env: { DIRECT_LINE_SECRET: secret, DIRECT_LINE_DOMAIN: fake.domain } });
  });
  afterAll(async () => {
    await t.stop();
    await new Promise((resolve) => fake.server.close(resolve));
  });

  test('the page gets an Azure token for a dl_ user, exchanged server-side; the secret never leaves', async () => {
    const response = await call(t.baseUrl, 'POST', '/api/directline/token', { body: {} });
    expect(response.status).toBe(200);
    const session = response.body;
    expect(session).toMatchObject({
      mode: 'azure',
      domain: fake.domain,
      resumed: false,
      conversationId: 'azure-conv-1',
    });
    expect(session.userId).toMatch(/^dl_/);
    expect(session.token).toBe(`azure-token-for-${session.userId}`);
    expect(fake.requests[0]).toEqual({
      path: '/v3/directline/tokens/generate',
      authorization: `Bearer ${secret}`,
      body: { user: { id: session.userId } },
    });
    expect(JSON.stringify(response.body)).not.toContain(secret);

    const page = await fetch(`${t.baseUrl}/`);
    const html = await page.text();
    expect(html).not.toContain(secret);
    expect(page.headers.get('content-security-policy')).toContain(
      `connect-src 'self' ${new URL(fake.domain).origin} ws://127.0.0.1:`,
    );
  });

  test('a returning page keeps its person id (Azure starts a new conversation)', async () => {
    const first = (await call(t.baseUrl, 'POST', '/api/directline/token', { body: {} })).body;
    const back = (await call(t.baseUrl, 'POST', '/api/directline/token', { body: { resume: first.resume } })).body;
    expect(back.userId).toBe(first.userId);
    expect(back.token).toBe(`azure-token-for-${first.userId}`);
  });

  test('when Azure refuses, the page gets 502 and no detail', async () => {
    fake.failWith = 401;
    const response = await call(t.baseUrl, 'POST', '/api/directline/token', { body: {} });
    fake.failWith = undefined;
    expect(response).toMatchObject({ status: 502, body: { error: 'directline_unavailable' } });
    expect(t.logs.text).not.toContain(secret);
  });
});
