import type { ConversationReference } from 'botbuilder';
import { loadContent } from '../../src/platform/content/loader';
import { startTestApp, type TestApp } from '../support/app';
import { welcomeTexts } from '../support/app';
import { call, newSession, openConversation, textsOf } from '../support/directLineClient';

const WELCOME_COUNT = welcomeTexts(loadContent('en')).length;
const seqId = (conversationId: string, seq: number) => `${conversationId}|${String(seq).padStart(7, '0')}`;

const content = loadContent('en');

async function startedConversation(t: TestApp) {
  const session = await newSession(t.baseUrl);
  expect((await call(t.baseUrl, 'POST', '/v3/directline/conversations', { token: session.token })).status).toBe(201);
  const reference: Partial<ConversationReference> = {
    channelId: 'directline',
    serviceUrl: t.app.directLine.endpoint.serviceUrl,
    conversation: { id: session.conversationId } as ConversationReference['conversation'],
    user: { id: session.userId, name: '' },
    bot: { id: 'steady', name: '' },
  };
  return { session, reference: reference as ConversationReference };
}

const history = async (t: TestApp, session: { conversationId: string; token: string }) =>
  (
    await call(t.baseUrl, 'GET', `/v3/directline/conversations/${session.conversationId}/activities`, {
      token: session.token,
    })
  ).body.activities as Array<{ id: string; text?: string; from: { id: string } }>;

describe('the bot-facing side (/v3/conversations on our serviceUrl)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  test('serviceUrl is this server on loopback', () => {
    expect(t.app.directLine.endpoint.serviceUrl).toBe(`${t.baseUrl}/`);
  });

  test('a proactive continueConversationAsync send arrives on an open WebSocket and is stored', async () => {
    const { session, reference } = await startedConversation(t);
    const chat = openConversation({
      domain: `${t.baseUrl}/v3/directline`,
      token: session.token,
      webSocket: true,
      conversationId: session.conversationId,
    });
    try {
      await chat.waitFor((r) => r.length >= WELCOME_COUNT, 'the history');
      await t.app.adapter.continueConversationAsync('', reference, async (context) => {
        await context.sendActivity(content.text('welcome.welcomeBack'));
      });
      await chat.waitFor((r) => r.length >= WELCOME_COUNT + 1, 'the proactive message');
      expect(chat.received[WELCOME_COUNT]).toMatchObject({
        text: content.text('welcome.welcomeBack'),
        from: { id: 'steady' },
      });
      expect((await history(t, session)).map((a) => a.text)).toContain(content.text('welcome.welcomeBack'));
    } finally {
      chat.end();
    }
  });

  test('a bot activity whose channelData.idempotencyKey was already stored is dropped and answered with the first id', async () => {
    const { session, reference } = await startedConversation(t);
    const send = async (key: string) => {
      let id = '';
      await t.app.adapter.continueConversationAsync('', reference, async (context) => {
        const response = await context.sendActivity({
          type: 'message',
          text: content.text('welcome.welcomeBack'),
          channelData: { idempotencyKey: key },
        });
        id = response?.id ?? '';
      });
      return id;
    };
    const first = await send('check-in:week-1');
    const second = await send('check-in:week-1');
    const other = await send('check-in:week-2');
    expect(first).toBe(seqId(session.conversationId, WELCOME_COUNT + 1));
    expect(second).toBe(first);
    expect(other).toBe(seqId(session.conversationId, WELCOME_COUNT + 2));
    const texts = (await history(t, session)).map((a) => a.text);
    expect(texts.filter((text) => text === content.text('welcome.welcomeBack'))).toHaveLength(2);
    // The same key in another conversation is a different message.
    const elsewhere = await startedConversation(t);
    let id = '';
    await t.app.adapter.continueConversationAsync('', elsewhere.reference, async (context) => {
      id =
        (await context.sendActivity({ type: 'message', text: 'x', channelData: { idempotencyKey: 'check-in:week-1' } }))
          ?.id ?? '';
    });
    expect(id).toBe(seqId(elsewhere.session.conversationId, WELCOME_COUNT + 1));
  });

  test("posting to the bot endpoint needs a bot token: none, a person's token or a forged one get 401", async () => {
    const { session } = await startedConversation(t);
    const path = `/v3/conversations/${session.conversationId}/activities`;
    const body = { type: 'message', text: 'I am the bot, honest' };
    expect((await call(t.baseUrl, 'POST', path, { body })).status).toBe(401);
    expect((await call(t.baseUrl, 'POST', path, { token: session.token, body })).status).toBe(401);
    expect((await call(t.baseUrl, 'POST', `${path}/x`, { token: session.resume, body })).status).toBe(401);
    expect((await history(t, session)).map((a) => a.text)).not.toContain(body.text);
  });

  test('with a bot token: 404 for an unknown conversation, 400 for an activity without a type', async () => {
    const bot = (await t.app.directLine.endpoint.tokens.issue('bot', { conv: '', user: '' })).token;
    expect(
      await call(t.baseUrl, 'POST', '/v3/conversations/nope/activities', { token: bot, body: { type: 'message' } }),
    ).toMatchObject({
      status: 404,
      body: { error: 'conversation_not_found' },
    });
    const { session } = await startedConversation(t);
    expect(
      (
        await call(t.baseUrl, 'POST', `/v3/conversations/${session.conversationId}/activities`, {
          token: bot,
          body: { text: 'x' },
        })
      ).status,
    ).toBe(400);
  });
});

describe('with a Microsoft app id set', () => {
  test("the self-hosted channel still works: replies to our own serviceUrl use the channel's bot token, not Azure AD", async () => {
    const t = await startTestApp({
      env: {
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppPassword: 'not-a-real-secret',
        HOST: '127.0.0.1',
      },
    });
    try {
      const session = await newSession(t.baseUrl);
      const chat = openConversation({ domain: `${t.baseUrl}/v3/directline`, token: session.token, webSocket: false });
      await chat.waitFor((r) => r.length >= WELCOME_COUNT, 'the welcome');
      expect(chat.received[0]).toMatchObject({ from: { id: '00000000-0000-0000-0000-000000000001' } });
      await chat.say('2');
      await chat.waitFor((r) => textsOf(r).includes(content.text('about.text')), 'the answer');
      chat.end();
      // /api/messages still demands a real Bot Framework token.
      const unsigned = await fetch(`${t.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: 'hi',
          channelId: 'directline',
          serviceUrl: t.app.directLine.endpoint.serviceUrl,
          from: { id: 'x' },
          conversation: { id: 'y' },
          recipient: { id: 'z' },
        }),
      });
      expect(unsigned.status).toBe(401);
    } finally {
      await t.stop();
    }
  });
});
