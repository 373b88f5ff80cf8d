import { startTestApp, type TestApp } from '../support/app';
import { dmEvent, FakeSlackApi, FakeSocketMode, SLACK_TOKEN } from '../support/fakeSlack';

const APP_TOKEN = 'xapp-1-A0APP-socket';

describe('Socket Mode connection', () => {
  let slack: FakeSlackApi;
  let socket: FakeSocketMode;
  let t: TestApp;
  beforeAll(async () => {
    slack = new FakeSlackApi();
    const apiUrl = await slack.start();
    socket = new FakeSocketMode();
    await socket.start(slack);
    // A short ping timeout makes the client's reconnect back-off short too (it waits one timeout per failure).
    t = await startTestApp({
      env: { SLACK_APP_TOKEN: APP_TOKEN, SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_API_URL: apiUrl },
      overrides: { slackSocketModePingTimeoutMs: 1500 },
    });
    await t.app.slack!.connect();
  });
  afterAll(async () => {
    await t.stop();
    await socket.stop();
    await slack.stop();
  });

  const hi = async (user: string) => {
    const { ack, ms } = await socket.deliver('events_api', dmEvent('hi', { user, channel: `D${user.slice(1)}` }), {
      envelopeId: `env-${user}`,
    });
    await t.app.slack!.channel.idle();
    return { ack, ms };
  };

  test('connects with the app token only, and answers envelopes with their envelope_id well inside 3 seconds', async () => {
    expect(socket.opens).toEqual([`Bearer ${APP_TOKEN}`]);
    const { ack, ms } = await hi('U0SOCKET');
    expect(ack).toEqual({ envelope_id: 'env-U0SOCKET', payload: {} });
    expect(ms).toBeLessThan(3000);
    const posts = slack.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((c) => c.authorization === `Bearer ${SLACK_TOKEN}`)).toBe(true);
  });

  test('the acknowledgement does not wait for the turn (the reply is still on its way)', async () => {
    slack.hold();
    try {
      const { ms } = await socket.deliver('events_api', dmEvent('hi', { user: 'U0SLOWAPI', channel: 'D0SLOWAPI' }));
      expect(ms).toBeLessThan(3000);
      expect(t.app.slack!.channel['pending'].size).toBeGreaterThan(0);
    } finally {
      slack.releaseAll();
    }
    await t.app.slack!.channel.idle();
  });

  test('without a signing secret there are no HTTP routes to attack', async () => {
    const response = await fetch(`${t.baseUrl}/api/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(404);
  });

  test('reconnects when Slack recycles the connection and when it drops, and keeps answering', async () => {
    const before = socket.connections.length;
    socket.recycle();
    await socket.waitForConnection(before + 1);
    expect((await hi('U0RECYCLED')).ack.envelope_id).toBe('env-U0RECYCLED');

    socket.drop();
    await socket.waitForConnection(before + 2);
    expect((await hi('U0DROPPED')).ack.envelope_id).toBe('env-U0DROPPED');
    // Each new connection asked Slack for a fresh URL with the app token.
    expect(socket.opens.length).toBeGreaterThanOrEqual(3);
    expect(new Set(socket.opens)).toEqual(new Set([`Bearer ${APP_TOKEN}`]));
  });

  test('a malformed envelope is acknowledged (so Slack does not resend it) and runs nothing', async () => {
    slack.calls.length = 0;
    const { ack } = await socket.deliver(
      'events_api',
      { type: 'event_callback', event: { type: 'message', text: 'no ids' } },
      { envelopeId: 'env-bad' },
    );
    await t.app.slack!.channel.idle();
    expect(ack.envelope_id).toBe('env-bad');
    expect(slack.calls).toEqual([]);
  });
});
