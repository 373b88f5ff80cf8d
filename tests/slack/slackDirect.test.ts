import { grantConsent, postActivity, startTestApp, type TestApp, welcomeTexts } from '../support/app';
import {
  buttonClick,
  dmEvent,
  DM,
  FakeSlackApi,
  PERSON,
  postSigned,
  slackEnv,
  SLACK_TOKEN,
  TEAM,
} from '../support/fakeSlack';

let t: TestApp;
let slack: FakeSlackApi;
const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

beforeAll(async () => {
  slack = new FakeSlackApi();
  const apiUrl = await slack.start();
  t = await startTestApp({ env: { ...slackEnv(apiUrl), ALLOWED_SERVICE_HOSTS: 'slack.botframework.com' } });
});
afterAll(async () => {
  await t.stop();
  await slack.stop();
});
beforeEach(() => {
  slack.calls.length = 0;
});

const content = () => t.app.services.content;
const events = () => `${t.baseUrl}/api/slack/events`;
const interactions = () => `${t.baseUrl}/api/slack/interactions`;
const settle = () => t.app.slack!.channel.idle();

/** Each person has their own direct-message channel with the bot, as in Slack. */
const dmOf = (user: string) => (user === PERSON ? DM : `D${user.slice(1)}`);

async function dm(text: string, user = PERSON, channel = dmOf(user)) {
  const answer = await postSigned(events(), JSON.stringify(dmEvent(text, { user, channel })), {
    contentType: JSON_TYPE,
    now: t.clock.now(),
  });
  expect(answer.status).toBe(200);
  await settle();
  return slack.posted();
}

describe('the direct Slack route', () => {
  test('answers url_verification with the challenge', async () => {
    const body = JSON.stringify({
      token: 'x',
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      type: 'url_verification',
    });
    const answer = await postSigned(events(), body, { contentType: JSON_TYPE, now: t.clock.now() });
    expect(answer).toEqual({
      status: 200,
      body: { challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' },
    });
  });

  test.each([
    ['missing signature', { omit: ['signature'] }, 'missing_signature'],
    ['missing timestamp', { omit: ['timestamp'] }, 'missing_signature'],
    ['tampered body', { tamper: (b: string) => b.replace('hello', 'HELLO') }, 'bad_signature'],
    ['wrong secret', { secret: 'not-the-signing-secret-000000000' }, 'bad_signature'],
    ['stale timestamp', { timestamp: 'stale' }, 'stale_timestamp'],
  ] as const)('refuses a request with a %s (401) and runs nothing', async (_name, options, reason) => {
    const body = JSON.stringify(dmEvent('hello', { user: 'U0REFUSED' }));
    const extra = { ...options } as Record<string, unknown>;
    if (extra.timestamp === 'stale') extra.timestamp = String(Math.floor(t.clock.now().getTime() / 1000) - 6 * 60);
    for (const url of [events(), interactions()]) {
      const answer = await postSigned(url, body, { contentType: JSON_TYPE, now: t.clock.now(), ...extra });
      expect(answer).toEqual({ status: 401, body: { error: reason } });
    }
    await settle();
    expect(slack.calls).toEqual([]);
    expect(await t.app.services.store.people.get(`slack:U0REFUSED:${TEAM}`)).toBeUndefined();
  });

  test('a direct message runs through the bot and the replies go out with chat.postMessage and the bot token', async () => {
    const posted = await dm('hi', 'U0ROUND');
    expect(posted.map((p) => p.text.split('\n')[0])).toEqual(welcomeTexts(content()));
    expect(posted.every((p) => p.channel === dmOf('U0ROUND'))).toBe(true);
    expect(slack.calls.every((c) => c.authorization === `Bearer ${SLACK_TOKEN}`)).toBe(true);
    const menu = posted[posted.length - 1];
    const buttons = menu.blocks.find((b) => b.block_id === 'steady-choices')!.elements as Array<{ value: string }>;
    expect(buttons.map((b) => b.value).sort()).toEqual(
      content()
        .entries()
        .filter(([key]) => key.startsWith('menu.options.'))
        .map(([, label]) => label)
        .sort(),
    );
    expect(await t.app.services.store.people.get(`slack:U0ROUND:${TEAM}`)).toBeDefined();
  });

  test('a button click (block_actions) answers the prompt, as do a typed number and typed words', async () => {
    const menu = (await dm('hi', 'U0CLICK')).pop()!;
    const values = (menu.blocks.find((b) => b.block_id === 'steady-choices')!.elements as Array<{ value: string }>).map(
      (b) => b.value,
    );
    const message = slack.lastChoices(dmOf('U0CLICK'));
    slack.calls.length = 0;
    const about = content().text('menu.options.about');
    const click = await postSigned(
      interactions(),
      buttonClick(about, { user: 'U0CLICK', channel: dmOf('U0CLICK'), message }),
      { contentType: FORM_TYPE, now: t.clock.now() },
    );
    expect(click.status).toBe(200);
    await settle();
    expect(slack.posted()[0]).toMatchObject({ channel: dmOf('U0CLICK'), text: content().text('about.text') });

    slack.calls.length = 0;
    const numbered = await dm(String(values.indexOf(about) + 1), 'U0CLICK');
    expect(numbered[0].text).toBe(content().text('about.text'));
    slack.calls.length = 0;
    expect((await dm('what is steady', 'U0CLICK'))[0].text).toBe(content().text('about.text'));
  });

  test('Slack gets its acknowledgement before the turn is done (the reply is still on its way)', async () => {
    slack.hold();
    try {
      const answer = await postSigned(
        events(),
        JSON.stringify(dmEvent('hi', { user: 'U0ACK', channel: dmOf('U0ACK') })),
        { contentType: JSON_TYPE, now: t.clock.now() },
      );
      expect(answer.status).toBe(200);
      expect(t.app.slack!.channel['pending'].size).toBeGreaterThan(0);
    } finally {
      slack.releaseAll();
    }
    await settle();
    expect(slack.posted().length).toBeGreaterThan(0);
  });

  test('a replayed request and a retry of an event already handled are ignored', async () => {
    const body = JSON.stringify(dmEvent('hi', { user: 'U0REPLAY', channel: dmOf('U0REPLAY') }));
    const first = await postSigned(events(), body, { contentType: JSON_TYPE, now: t.clock.now() });
    await settle();
    const count = slack.posted().length;
    expect(first.status).toBe(200);
    expect(count).toBeGreaterThan(0);
    const replay = await postSigned(events(), body, { contentType: JSON_TYPE, now: t.clock.now() });
    const retry = await postSigned(events(), body, {
      contentType: JSON_TYPE,
      now: t.clock.now(),
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await settle();
    expect([replay.status, retry.status]).toEqual([200, 200]);
    expect(slack.posted()).toHaveLength(count);

    const clickBody = buttonClick(content().text('menu.options.about'), {
      user: 'U0REPLAY',
      channel: dmOf('U0REPLAY'),
      message: slack.lastChoices(dmOf('U0REPLAY')),
    });
    await postSigned(interactions(), clickBody, { contentType: FORM_TYPE, now: t.clock.now() });
    await settle();
    const afterClick = slack.posted().length;
    expect(slack.posted()[count].text).toBe(content().text('about.text'));
    await postSigned(interactions(), clickBody, { contentType: FORM_TYPE, now: t.clock.now() });
    await settle();
    expect(slack.posted()).toHaveLength(afterClick);
  });

  test('messages from bots, edits and link-button clicks are not turns', async () => {
    const fromBot = dmEvent('I am a bot', { user: 'U0BOTMSG', extra: { bot_id: 'B0OTHER', subtype: 'bot_message' } });
    const edit = dmEvent('edited', { user: 'U0BOTMSG', extra: { subtype: 'message_changed' } });
    for (const body of [fromBot, edit])
      expect(
        (await postSigned(events(), JSON.stringify(body), { contentType: JSON_TYPE, now: t.clock.now() })).status,
      ).toBe(200);
    const link = buttonClick('Find treatment', { user: 'U0BOTMSG', blockId: 'some-card-links' });
    expect((await postSigned(interactions(), link, { contentType: FORM_TYPE, now: t.clock.now() })).status).toBe(200);
    await settle();
    expect(slack.calls).toEqual([]);
    expect(await t.app.services.store.people.get(`slack:U0BOTMSG:${TEAM}`)).toBeUndefined();
  });

  test('a mention in a channel gets "message me directly" and nothing is stored', async () => {
    const mention = dmEvent('<@U0BOT> help me cut down', {
      user: 'U0PUBLIC',
      channel: 'C0GENERAL',
      extra: { type: 'app_mention', channel_type: undefined },
    });
    expect(
      (await postSigned(events(), JSON.stringify(mention), { contentType: JSON_TYPE, now: t.clock.now() })).status,
    ).toBe(200);
    await settle();
    expect(slack.posted()).toEqual([
      expect.objectContaining({ channel: 'C0GENERAL', text: content().text('channels.directOnly') }),
    ]);
    expect(await t.app.services.store.people.get(`slack:U0PUBLIC:${TEAM}`)).toBeUndefined();
  });

  test('a proactive message (a check-in) reaches a person who has talked to the coach and agreed', async () => {
    await dm('hi', 'U0UNSURE', 'D0UNSURE');
    expect(await t.app.slack!.channel.sendTo(`slack:U0UNSURE:${TEAM}`, { text: 'x' })).toBe(false);
    await grantConsent(t, `slack:U0PROACTIVE:${TEAM}`);
    await dm('hi', 'U0PROACTIVE', 'D0PROACTIVE');
    slack.calls.length = 0;
    expect(
      await t.app.slack!.channel.sendTo(`slack:U0PROACTIVE:${TEAM}`, {
        text: 'Weekly check-in',
        choices: [{ value: 'ok', label: 'Good' }],
      }),
    ).toBe(true);
    expect(slack.posted()).toEqual([
      expect.objectContaining({ channel: 'D0PROACTIVE', text: 'Weekly check-in\n1. Good' }),
    ]);
    expect(await t.app.slack!.channel.sendTo(`slack:U0NOBODY:${TEAM}`, { text: 'x' })).toBe(false);
  });

  test('a message the bot can’t take (over 4000 characters, control characters) gets a friendly re-ask, not a turn', async () => {
    for (const text of ['x'.repeat(4001), 'hi\u0007there']) {
      slack.calls.length = 0;
      const posted = await dm(text, 'U0LONG');
      expect(posted).toEqual([
        expect.objectContaining({ channel: dmOf('U0LONG'), text: content().text('channels.unreadable') }),
      ]);
    }
    expect(await t.app.services.store.people.get(`slack:U0LONG:${TEAM}`)).toBeUndefined();
  });

  test('bad bodies get a 4xx, never a crash', async () => {
    expect(
      (
        await postSigned(events(), JSON.stringify({ type: 'event_callback' }), {
          contentType: JSON_TYPE,
          now: t.clock.now(),
        })
      ).status,
    ).toBe(400);
    expect(
      (await postSigned(interactions(), 'payload=%7Bnot-json', { contentType: FORM_TYPE, now: t.clock.now() })).status,
    ).toBe(400);
  });
});

describe('Slack through Azure Bot Service (channelId slack on /api/messages)', () => {
  const azureSlack = (text: string, channelData: Record<string, unknown> = {}) => ({
    type: 'message',
    id: `m-${Math.random().toString(36).slice(2)}`,
    channelId: 'slack',
    serviceUrl: 'https://slack.botframework.com/',
    from: { id: 'U0AZURE:T0TEAM', name: 'alex' },
    recipient: { id: 'B0BOT:T0TEAM', name: 'steady' },
    conversation: { id: 'B0BOT:T0TEAM:D0AZURE' },
    text,
    channelData,
    deliveryMode: 'expectReplies',
  });

  test('replies carry Block Kit in channelData, and a button click payload answers the prompt', async () => {
    await grantConsent(t, 'slack:U0AZURE:T0TEAM');
    const { replies } = await postActivity(t.baseUrl, azureSlack('hi'));
    const menu = replies[replies.length - 1];
    const blocks = (menu.channelData as { blocks: Array<Record<string, any>> }).blocks;
    expect(blocks.find((b) => b.block_id === 'steady-choices')).toBeDefined();
    expect(menu.suggestedActions).toBeUndefined();
    const about = content().text('menu.options.about');
    const payload = { type: 'block_actions', actions: [{ block_id: 'steady-choices', value: about, type: 'button' }] };
    const clicked = await postActivity(t.baseUrl, azureSlack('', { SlackMessage: {}, Payload: payload }));
    expect(clicked.replies[0].text).toBe(content().text('about.text'));
    // With consent the reference is kept for check-ins.
    expect(await t.app.references.get('slack:U0AZURE:T0TEAM')).toMatchObject({
      channelId: 'slack',
      conversation: { id: 'B0BOT:T0TEAM:D0AZURE' },
    });
    // That conversation is Azure's: the direct route's Web API never posts to it.
    slack.calls.length = 0;
    expect(await t.app.slack!.channel.sendTo('slack:U0AZURE:T0TEAM', { text: 'x' })).toBe(false);
    expect(slack.calls).toEqual([]);
  });
});
