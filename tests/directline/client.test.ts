import { loadContent } from '../../src/platform/content/loader';
import { startTestApp, type TestApp } from '../support/app';
import { welcomeTexts } from '../support/app';
import { call, type Conversation, newSession, openConversation, textsOf } from '../support/directLineClient';

const WELCOME_COUNT = welcomeTexts(loadContent('en')).length;
const seqId = (conversationId: string, seq: number) => `${conversationId}|${String(seq).padStart(7, '0')}`;

const content = loadContent('en');
const WELCOME = welcomeTexts(content);

describe.each([
  ['polling', false],
  ['WebSocket', true],
])('botframework-directlinejs over %s', (_label, webSocket) => {
  let t: TestApp;
  let domain: string;
  const open: Conversation[] = [];
  const connect = (options: Parameters<typeof openConversation>[0]) => {
    const conversation = openConversation(options);
    open.push(conversation);
    return conversation;
  };

  beforeAll(async () => {
    t = await startTestApp();
    domain = `${t.baseUrl}/v3/directline`;
  });
  afterEach(() => open.splice(0).forEach((c) => c.end()));
  afterAll(async () => t.stop());

  test('start: the welcome arrives, then a full exchange', async () => {
    const session = await newSession(t.baseUrl);
    const chat = connect({ domain, token: session.token, webSocket });
    await chat.waitFor((r) => r.length >= WELCOME_COUNT, 'the welcome');
    expect(textsOf(chat.received)).toEqual(WELCOME);
    expect(chat.received[WELCOME_COUNT - 1].suggestedActions?.actions.map((a) => a.title)).toEqual(
      expect.arrayContaining(['Get support now', 'What is Steady?']),
    );
    if (webSocket) expect(t.app.directLine.stream.openSockets).toBe(1);

    const id = await chat.say('2');
    expect(id).toBe(seqId(session.conversationId, WELCOME_COUNT + 1));
    await chat.waitFor((r) => r.length >= WELCOME_COUNT + 3, 'the answer');
    const [echo, about, menu] = chat.received.slice(WELCOME_COUNT);
    expect(echo).toMatchObject({ id, text: '2', from: { id: session.userId, role: 'user' } });
    expect(about.text).toBe(content.text('about.text'));
    expect(about.replyToId).toBe(id);
    expect(menu.text).toBe(content.text('menu.prompt'));
  });

  test('resume with a watermark: only what came after it', async () => {
    const session = await newSession(t.baseUrl);
    const first = connect({ domain, token: session.token, webSocket });
    await first.waitFor((r) => r.length >= WELCOME_COUNT, 'the welcome');
    first.end();

    // While the person is away, the bot sends something (as the scheduler will).
    const reference = {
      channelId: 'directline',
      serviceUrl: t.app.directLine.endpoint.serviceUrl,
      conversation: { id: session.conversationId },
      user: { id: session.userId },
      bot: { id: 'steady' },
    };
    await t.app.adapter.continueConversationAsync('', reference as never, async (context) => {
      await context.sendActivity(content.text('welcome.welcomeBack'));
    });

    const back = connect({
      domain,
      token: session.token,
      webSocket,
      conversationId: session.conversationId,
      watermark: String(WELCOME_COUNT),
    });
    await back.waitFor((r) => r.length >= 1, 'the waiting check-in');
    expect(textsOf(back.received)).toEqual([content.text('welcome.welcomeBack')]);
    await back.say('1');
    await back.waitFor((r) => textsOf(r).includes(content.text('support.text')), 'the support text');
    expect(textsOf(back.received)).not.toContain(content.text('welcome.greeting'));
  });

  test("the client's own token refresh gets a new token from /tokens/refresh, and the chat goes on", async () => {
    const session = await newSession(t.baseUrl);
    const chat = connect({ domain, token: session.token, webSocket });
    await chat.waitFor((r) => r.length >= WELCOME_COUNT, 'the welcome');
    t.clock.advance(20 * 60 * 1000);
    // directlinejs runs this every 15 minutes; the test calls the same (private) method directly.
    const client = chat.client as unknown as {
      refreshToken(): { subscribe(next: (token: string) => void): void };
      token: string;
    };
    const token = await new Promise<string>((resolve) => client.refreshToken().subscribe(resolve));
    expect(token).not.toBe(session.token);
    client.token = token;
    t.clock.advance(45 * 60 * 1000); // the first token has expired by now
    await chat.say('2');
    await chat.waitFor((r) => textsOf(r).includes(content.text('about.text')), 'the answer');
  });

  test('resume without a watermark: the whole history', async () => {
    const session = await newSession(t.baseUrl);
    const first = connect({ domain, token: session.token, webSocket });
    await first.waitFor((r) => r.length >= WELCOME_COUNT, 'the welcome');
    await first.say('2');
    await first.waitFor((r) => r.length >= WELCOME_COUNT + 3, 'the answer');
    first.end();

    const again = connect({ domain, token: session.token, webSocket, conversationId: session.conversationId });
    await again.waitFor((r) => r.length >= WELCOME_COUNT + 3, 'the history');
    expect(again.received.map((a) => a.id)).toEqual(first.received.map((a) => a.id));
  });
});

describe('Direct Line REST rules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { DIRECT_LINE_MESSAGES_PER_MINUTE: '5', DIRECT_LINE_NEW_CONVERSATIONS_PER_MINUTE: '50' },
    });
  });
  afterAll(async () => t.stop());

  const started = async () => {
    const session = await newSession(t.baseUrl);
    const { status } = await call(t.baseUrl, 'POST', '/v3/directline/conversations', { token: session.token });
    expect(status).toBe(201);
    return session;
  };

  test('POST /conversations: 201 with conversationId, token, expires_in and streamUrl; again 200 and no second welcome', async () => {
    const session = await newSession(t.baseUrl);
    const first = await call(t.baseUrl, 'POST', '/v3/directline/conversations', { token: session.token });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      conversationId: session.conversationId,
      token: session.token,
      expires_in: 3600,
    });
    expect(first.body.streamUrl).toMatch(
      new RegExp(
        `^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${session.conversationId}/stream\\?watermark=&t=`,
      ),
    );
    const again = await call(t.baseUrl, 'POST', '/v3/directline/conversations', { token: session.token });
    expect(again.status).toBe(200);
    const { body } = await call(t.baseUrl, 'GET', `/v3/directline/conversations/${session.conversationId}/activities`, {
      token: session.token,
    });
    expect(body.activities.map((a: { text: string }) => a.text)).toEqual(WELCOME);
    expect(body.watermark).toBe(String(WELCOME_COUNT));
  });

  test('missing or bad tokens get 401', async () => {
    const session = await started();
    const path = `/v3/directline/conversations/${session.conversationId}/activities`;
    const [header, payload, signature] = session.token.split('.');
    const forged = JSON.stringify({
      ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
      conv: 'someone-else',
    });
    const badTokens: Array<[string, string | undefined]> = [
      ['no token', undefined],
      ['garbage', 'not-a-token'],
      ['a tampered payload', `${header}.${Buffer.from(forged).toString('base64url')}.${signature}`],
      ['a changed signature', `${header}.${payload}.${signature.slice(0, -2)}AA`],
      ['the resume key', session.resume],
      ['an unsigned token', `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`],
    ];
    for (const [label, token] of badTokens) {
      const get = await call(t.baseUrl, 'GET', path, { token });
      expect({ label, status: get.status, body: get.body }).toEqual({
        label,
        status: 401,
        body: { error: 'unauthorized' },
      });
      const post = await call(t.baseUrl, 'POST', path, { token, body: { type: 'message', text: 'hi' } });
      expect({ label, status: post.status }).toEqual({ label, status: 401 });
    }
    expect((await call(t.baseUrl, 'POST', '/v3/directline/conversations', {})).status).toBe(401);
    expect((await call(t.baseUrl, 'POST', '/v3/directline/tokens/refresh', { token: 'nope' })).status).toBe(401);
  });

  test('a token for one conversation can neither read nor write another (403)', async () => {
    const alice = await started();
    const bob = await started();
    const bobPath = `/v3/directline/conversations/${bob.conversationId}`;
    expect((await call(t.baseUrl, 'GET', `${bobPath}/activities`, { token: alice.token })).status).toBe(403);
    expect((await call(t.baseUrl, 'GET', bobPath, { token: alice.token })).status).toBe(403);
    const post = await call(t.baseUrl, 'POST', `${bobPath}/activities`, {
      token: alice.token,
      body: { type: 'message', text: 'hi' },
    });
    expect(post).toMatchObject({ status: 403, body: { error: 'wrong_conversation' } });
    const { body } = await call(t.baseUrl, 'GET', `${bobPath}/activities`, { token: bob.token });
    expect(body.activities).toHaveLength(WELCOME_COUNT);
  });

  test('token refresh: a new token that works; an expired token gets 403 and cannot be refreshed', async () => {
    const session = await started();
    t.clock.advance(30 * 60 * 1000);
    const refreshed = await call(t.baseUrl, 'POST', '/v3/directline/tokens/refresh', { token: session.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ conversationId: session.conversationId, expires_in: 3600 });
    expect(refreshed.body.token).not.toBe(session.token);

    t.clock.advance(31 * 60 * 1000);
    const path = `/v3/directline/conversations/${session.conversationId}/activities`;
    expect(await call(t.baseUrl, 'GET', path, { token: session.token })).toMatchObject({
      status: 403,
      body: { error: 'token_expired' },
    });
    expect((await call(t.baseUrl, 'POST', '/v3/directline/tokens/refresh', { token: session.token })).status).toBe(403);
    expect((await call(t.baseUrl, 'GET', path, { token: refreshed.body.token })).status).toBe(200);
  });

  test('POST /tokens/generate gives a token for a new conversation and a new anonymous person', async () => {
    const { status, body } = await call(t.baseUrl, 'POST', '/v3/directline/tokens/generate', {
      body: { user: { id: 'dl_someone_else' } },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ conversationId: expect.any(String), expires_in: 3600 });
    const claims = JSON.parse(Buffer.from(body.token.split('.')[1], 'base64url').toString());
    expect(claims.user).toMatch(/^dl_/);
    expect(claims.user).not.toBe('dl_someone_else');
    expect((await call(t.baseUrl, 'POST', '/v3/directline/conversations', { token: body.token })).status).toBe(201);
  });

  test('the channel sets who speaks: a page cannot post as someone else or change the delivery mode', async () => {
    const session = await started();
    const posted = await call(t.baseUrl, 'POST', `/v3/directline/conversations/${session.conversationId}/activities`, {
      token: session.token,
      body: {
        type: 'message',
        text: '2',
        from: { id: 'dl_victim' },
        deliveryMode: 'expectReplies',
        serviceUrl: 'http://example.invalid/',
      },
    });
    expect(posted.status).toBe(200);
    const { body } = await call(
      t.baseUrl,
      'GET',
      `/v3/directline/conversations/${session.conversationId}/activities?watermark=${WELCOME_COUNT}`,
      {
        token: session.token,
      },
    );
    expect(body.activities[0]).toMatchObject({ from: { id: session.userId }, text: '2' });
    expect(body.activities[0].deliveryMode).toBeUndefined();
    expect(body.activities[0].serviceUrl).toBeUndefined();
    expect(body.activities[1].text).toBe(content.text('about.text'));
  });

  test('bad activities get 400 naming the field, oversized ones 413, and the server keeps serving', async () => {
    const session = await started();
    const path = `/v3/directline/conversations/${session.conversationId}/activities`;
    const post = (body: unknown) => call(t.baseUrl, 'POST', path, { token: session.token, body });
    expect(await post({ type: 'invoke' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_activity', reason: 'type is invalid' },
    });
    expect(await post({ text: 'no type' })).toMatchObject({ status: 400, body: { reason: 'type is required' } });
    expect(await post({ type: 'message', text: 'x'.repeat(4001) })).toMatchObject({
      status: 400,
      body: { reason: 'text is too long' },
    });
    expect(await post({ type: 'message', value: 'x'.repeat(40_000) })).toMatchObject({
      status: 413,
      body: { error: 'activity_too_large' },
    });
    expect((await call(t.baseUrl, 'GET', `${path}?watermark=abc`, { token: session.token })).status).toBe(400);
    expect((await post({ type: 'message', text: '2' })).status).toBe(200);
  });

  test('per-conversation rate limit: 429 with Retry-After, and fine again later', async () => {
    const session = await started();
    const path = `/v3/directline/conversations/${session.conversationId}/activities`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await call(t.baseUrl, 'POST', path, { token: session.token, body: { type: 'event', name: 'ping' } })).status,
      );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await call(t.baseUrl, 'POST', path, {
      token: session.token,
      body: { type: 'event', name: 'ping' },
    });
    expect(refused.body).toEqual({ error: 'rate_limited' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another conversation is not held back by this one.
    const other = await started();
    expect(
      (
        await call(t.baseUrl, 'POST', `/v3/directline/conversations/${other.conversationId}/activities`, {
          token: other.token,
          body: { type: 'event', name: 'ping' },
        })
      ).status,
    ).toBe(200);
    t.clock.advance(60_000);
    expect(
      (await call(t.baseUrl, 'POST', path, { token: session.token, body: { type: 'event', name: 'ping' } })).status,
    ).toBe(200);
  });

  test('the logs never carry message text', async () => {
    const session = await started();
    await call(t.baseUrl, 'POST', `/v3/directline/conversations/${session.conversationId}/activities`, {
      token: session.token,
      body: { type: 'message', text: 'my secret dose is 17 grams' },
    });
    expect(t.logs.text).toContain('direct line conversation started');
    expect(t.logs.text).not.toContain('secret dose');
    expect(t.logs.text).not.toContain(session.token);
  });
});

describe('new conversations per client', () => {
  test('too many new people from one address in a minute get 429', async () => {
    const t = await startTestApp({ env: { DIRECT_LINE_NEW_CONVERSATIONS_PER_MINUTE: '2' } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await call(t.baseUrl, 'POST', '/api/directline/token', { body: {} })).status);
    statuses.push((await call(t.baseUrl, 'POST', '/v3/directline/tokens/generate', {})).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    t.clock.advance(60_000);
    expect((await call(t.baseUrl, 'POST', '/api/directline/token', { body: {} })).status).toBe(200);
    await t.stop();
  });
});
