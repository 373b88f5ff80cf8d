import { messageActivity, postActivity, say, startTestApp, type TestApp } from '../support/app';

describe('POST /api/messages (no app id, expectReplies)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  test('a message gets the welcome, the not-a-clinician note, the privacy note and the menu', async () => {
    const { status, replies } = await postActivity(t.baseUrl, messageActivity('hello', { conversationId: 'welcome' }));
    expect(status).toBe(200);
    const texts = replies.map((r) => r.text);
    expect(texts[0]).toBe(t.app.services.content.text('welcome.greeting'));
    expect(texts[1]).toBe(t.app.services.content.text('welcome.notClinician'));
    expect(texts[2]).toBe(t.app.services.content.text('privacy.notice'));
    expect(texts[3]).toBe(t.app.services.content.text('menu.prompt'));
    expect(replies[3].suggestedActions?.actions.map((a) => a.title)).toEqual(
      expect.arrayContaining([
        'Get support now',
        'What is Steady?',
        'Plan my next steps',
        'Understand my tolerance',
        'My 12-week program',
        'Weekly check-ins',
      ]),
    );
  });

  test('a conversationUpdate with the person in membersAdded fires the welcome', async () => {
    const activity = {
      ...messageActivity('', { conversationId: 'cu', userId: 'new-person' }),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: 'new-person' }],
    };
    const { status, replies } = await postActivity(t.baseUrl, activity);
    expect(status).toBe(200);
    expect(replies.map((r) => r.text)).toContain(t.app.services.content.text('welcome.greeting'));
  });

  test('malformed JSON gets 400 with a short reason, and the server keeps serving', async () => {
    const { status, body } = await postActivity(t.baseUrl, '{"type": "message",');
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'invalid_json', reason: 'the body is not valid JSON' });
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
  });

  test.each([
    ['no type', { text: 'no type' }, 'type is required'],
    ['a numeric type', { type: 42 }, 'type is invalid'],
    ['a string sender', { type: 'message', from: 'me' }, 'from is invalid'],
    ['a 5000-character text', { type: 'message', text: 'x'.repeat(5000) }, 'text is too long'],
  ])('%s gets 400 naming the field', async (_label, activity, reason) => {
    const { status, body } = await postActivity(t.baseUrl, activity);
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'invalid_activity', reason });
  });

  test('a 5 MB body gets 413 and the server keeps serving', async () => {
    const big = JSON.stringify({ type: 'message', text: 'a'.repeat(5 * 1024 * 1024) });
    const { status } = await postActivity(t.baseUrl, big);
    expect(status).toBe(413);
    expect(await say(t.baseUrl, 'hello', { conversationId: 'after-big' })).not.toHaveLength(0);
  });

  test('an invoke the bot has no handler for gets the status the bot chose (501), not a 200', async () => {
    // Not expectReplies: with it the replies would be the answer, as Bot Framework defines.
    const invoke = {
      ...messageActivity('', { conversationId: 'invoke' }),
      type: 'invoke',
      name: 'unknown/action',
      text: undefined,
      deliveryMode: undefined,
    };
    const { status } = await postActivity(t.baseUrl, invoke);
    expect(status).toBe(501);
  });

  test('a message with time fields is answered like any other', async () => {
    const timed = messageActivity('hello', {
      conversationId: 'timed',
      extra: { timestamp: '2026-12-02T13:20:00.000Z', localTimestamp: '2026-12-02T08:20:00.000-05:00' },
    });
    const { status, replies } = await postActivity(t.baseUrl, timed);
    expect(status).toBe(200);
    expect(replies.map((r) => r.text)).toContain(t.app.services.content.text('menu.prompt'));
  });

  test('GET /api/messages is not allowed', async () => {
    const response = await fetch(`${t.baseUrl}/api/messages`);
    expect(response.status).toBe(405);
  });

  test('/healthz answers 200 while the database works and 503 once it is closed', async () => {
    const other = await startTestApp();
    expect((await fetch(`${other.baseUrl}/healthz`)).status).toBe(200);
    await other.app.services.store.close();
    const response = await fetch(`${other.baseUrl}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'database_unavailable' });
    await other.stop();
  });

  test('the logs never carry message text', async () => {
    await say(t.baseUrl, 'my secret dose is 17 grams', { conversationId: 'logs' });
    await say(t.baseUrl, 'my secret dose is 17 grams', { conversationId: 'logs' });
    expect(t.logs.lines.length).toBeGreaterThan(0);
    expect(t.logs.text).not.toContain('secret dose');
    expect(t.logs.text).not.toContain('17 grams');
  });
});

describe('authentication when an app id is set', () => {
  test('an activity without a valid token gets 401 and no internal text', async () => {
    const t = await startTestApp({
      env: { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x', HOST: '127.0.0.1' },
    });
    const { status, body } = await postActivity(t.baseUrl, messageActivity('hello'));
    expect(status).toBe(401);
    expect(body).toEqual({ error: 'unauthorized' });
    await t.stop();
  });
});
