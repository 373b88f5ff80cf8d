import type { Activity } from 'botbuilder';
import fc from 'fast-check';
import { messageActivity, postActivity, say, startTestApp, type TestApp } from '../support/app';

/** Every HTTP entry refuses bad input with a clear 4xx, and the server keeps serving. */
describe('hostile input at POST /api/messages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  const valid = (overrides: Record<string, unknown> = {}) => ({
    ...messageActivity('hello', { conversationId: 'hostile' }),
    ...overrides,
  });
  /** Built as text: JSON.stringify itself would overflow the stack on it. */
  const nestedJson = (depth: number) =>
    JSON.stringify(valid()).replace(/}$/, `,"value":${'['.repeat(depth)}"x"${']'.repeat(depth)}}`);

  test.each([
    ['a NUL character in the text', valid({ text: 'hi\u0000there' }), 'text has control characters'],
    ['an escape sequence in the text', valid({ text: '\u001b[31mred' }), 'text has control characters'],
    ['a C1 control character', valid({ text: 'a\u0085b' }), 'text has control characters'],
    ['a lone surrogate in the text', valid({ text: 'broken \ud800 half' }), 'text has broken unicode'],
    ['a noncharacter', valid({ text: 'odd \uffff' }), 'text has control characters'],
    ['a control character in the sender id', valid({ from: { id: 'me\u0007' } }), 'from.id has control characters'],
    ['a 4001-character text', valid({ text: 'x'.repeat(4001) }), 'text is too long'],
    ['a numeric text', valid({ text: 12 }), 'text is invalid'],
    ['an object as text', valid({ text: { $gt: '' } }), 'text is invalid'],
    ['an array as the conversation', valid({ conversation: [] }), 'conversation is invalid'],
    ['an empty conversation id', valid({ conversation: { id: '' } }), 'conversation.id is invalid'],
    ['a type with spaces', valid({ type: 'message; drop table' }), 'type is not an activity type'],
    ['a channel id with a slash', valid({ channelId: '../../etc' }), 'channelId is not a channel id'],
    ['a javascript: service URL', valid({ serviceUrl: 'javascript:alert(1)' }), 'serviceUrl is not an http(s) URL'],
    ['an unknown delivery mode', valid({ deliveryMode: 'sometimes' }), 'deliveryMode is invalid'],
    ['no conversation', { ...valid(), conversation: undefined }, 'conversation is required'],
    ['no sender', { ...valid(), from: undefined }, 'from is required'],
    ['no channel', { ...valid(), channelId: undefined }, 'channelId is required'],
    ['no service URL', { ...valid(), serviceUrl: undefined }, 'serviceUrl is required'],
    [
      '51 members added',
      valid({ type: 'conversationUpdate', membersAdded: Array.from({ length: 51 }, (_, i) => ({ id: `m${i}` })) }),
      'membersAdded is too long',
    ],
    ['attachments that are not objects', valid({ attachments: ['x'] }), 'attachments.0 is invalid'],
    ['JSON nested 5000 deep', { raw: nestedJson(5000) }, 'body is nested too deeply'],
    ['JSON nested 40 deep', { raw: nestedJson(40) }, 'body is nested too deeply'],
    ['an array body', [valid()], 'body is invalid'],
    ['a null body', null, 'body is invalid'],
    ['a string body', 'just a string', 'body is invalid'],
  ])('%s gets 400 with a reason that names the field', async (_label, body, reason) => {
    const raw = body && typeof body === 'object' && 'raw' in body ? String(body.raw) : JSON.stringify(body);
    const { status, body: answer } = await postActivity(t.baseUrl, raw);
    expect(status).toBe(400);
    expect(answer).toEqual({ error: 'invalid_activity', reason });
  });

  test.each([
    ['text/plain', 'hello'],
    ['application/x-www-form-urlencoded', 'type=message&text=hi'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\nhi\r\n--x--\r\n',
    ],
  ])('a %s body gets 415', async (contentType, body) => {
    const response = await fetch(`${t.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: 'unsupported_media_type' });
  });

  test.each([
    ['emoji with joiners and skin tones', '👩🏽‍❤️‍👩🏻 🏳️‍🌈 I want to cut down'],
    ['right-to-left text', 'أريد أن أتوقف عن الكراتوم'],
    ['combining marks', 'Z̷̢͉a̸̜͝l̵̰̈g̶̱̾o̴̙̊ text'],
    ['tabs and new lines', 'line one\n\tline two\r\n'],
    ['exactly 4000 characters', 'y'.repeat(4000)],
    ['4000 characters of emoji halves', '😀'.repeat(2000)],
  ])('unusual but real text (%s) is answered normally', async (_label, message) => {
    const { status, replies } = await postActivity(
      t.baseUrl,
      messageActivity(message, { conversationId: `real-${_label}` }),
    );
    expect(status).toBe(200);
    expect(replies.length).toBeGreaterThan(0);
  });

  test('after all of that the server still serves', async () => {
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    expect(await say(t.baseUrl, 'hi', { conversationId: 'still-alive' })).not.toHaveLength(0);
  });
});

describe('fuzzing /api/messages and the dialogs (fast-check)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.constantFrom(
      '1',
      '2',
      'yes',
      'no',
      'help',
      'start over',
      'privacy',
      'export my data',
      'delete my data',
      "I can't do this anymore",
      'I want to die',
      '',
    ),
  );
  const idString = fc.oneof(
    { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constant(''),
  );
  const anyValue = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.anything(), { maxLength: 3 }),
    fc.object({ maxDepth: 2 }),
  );
  const field = <T>(arb: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 8, arbitrary: arb }, { weight: 1, arbitrary: anyValue });

  /**
   * Activities from almost right to nonsense: any field may be the wrong type or odd. Replies come back
   * in the response (expectReplies), so no channel is contacted.
   */
  const activity = fc.record(
    {
      type: field(
        fc.constantFrom(
          'message',
          'message',
          'conversationUpdate',
          'typing',
          'event',
          'invoke',
          'endOfConversation',
          'Message!',
        ),
      ),
      text: field(text),
      channelId: field(fc.constantFrom('test', 'directline', 'msteams', 'slack', 'sms')),
      serviceUrl: field(fc.constant('http://127.0.0.1:9/')),
      from: field(fc.record({ id: field(idString) })),
      recipient: field(fc.record({ id: idString })),
      conversation: field(fc.record({ id: field(idString) })),
      deliveryMode: fc.constantFrom('expectReplies', 'expectReplies', 'expectReplies', 'bogus'),
      membersAdded: field(fc.array(fc.record({ id: idString }), { maxLength: 3 })),
      value: anyValue,
      attachments: field(fc.array(fc.object({ maxDepth: 1 }), { maxLength: 2 })),
    },
    { requiredKeys: ['type', 'channelId', 'serviceUrl', 'from', 'conversation', 'deliveryMode'] },
  );

  const wellFormed = fc
    .record({
      message: fc.string({ unit: 'grapheme', maxLength: 300 }),
      channelId: fc.constantFrom('test', 'directline', 'msteams', 'slack', 'sms'),
      who: fc.nat(40),
    })
    .map(({ message, channelId, who }) =>
      messageActivity(message, { channelId, conversationId: `wf-${who}`, userId: `wf-person-${who}` }),
    );

  test('thousands of generated activities: never a 5xx, never a failed turn, the server keeps serving', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 2, arbitrary: wellFormed },
          { weight: 4, arbitrary: activity },
          { weight: 1, arbitrary: fc.anything() },
        ),
        async (body) => {
          const { status } = await postActivity(t.baseUrl, JSON.stringify(body) ?? 'null');
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          expect(status).toBeLessThan(500);
        },
      ),
      { numRuns: 2000 },
    );
    expect([...statuses.keys()].every((s) => s === 200 || s === 400)).toBe(true);
    expect(statuses.get(200)).toBeGreaterThan(200);
    expect(statuses.get(400)).toBeGreaterThan(200);
    expect(t.logs.text).not.toContain('turn failed');
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    // A time budget, not a performance check: 2,000 requests on a busy 2-core machine can pass 30 s.
  }, 120_000);

  test('generated conversations through every dialog: each message gets an answer and no turn fails', async () => {
    const answers = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          'hi',
          '1',
          '2',
          '3',
          '4',
          'yes',
          'no',
          'not sure',
          'my body feels very sick',
          'help',
          'start over',
          'privacy',
          'export my data',
          'delete my data',
        ),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          "I can't do this anymore",
          'I want to kill myself',
          "I can't breathe",
          "I've been throwing up for 3 days",
          'this craving is killing me lol',
          'I take 15 g a day',
        ),
      },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '-1',
          '999999999999',
          '0',
          '2.5',
          'NaN',
          '{"$where":1}',
          '<script>alert(1)</script>',
          '   ',
          '١٢',
        ),
      },
    );
    let conversation = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(answers, { minLength: 1, maxLength: 10 }), async (messages) => {
        const id = `fuzz-${++conversation}`;
        for (const message of messages) {
          const activity = {
            ...messageActivity(message, { conversationId: id, userId: `${id}-person` }),
            timestamp: new Date(),
          } as Activity;
          const replies = await t.app.adapter.processLocally(activity, t.app.logic);
          if (message.trim() !== '') expect(replies.filter((r) => r.text || r.attachments).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 120 },
    );
    expect(t.logs.text).not.toContain('turn failed');
  }, 120_000);
});
