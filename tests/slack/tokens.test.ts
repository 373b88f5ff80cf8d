import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FakeChannel, startFakeChannel } from '../../bench/fakeChannel';
import { grantConsent, startTestApp, type TestApp } from '../support/app';
import { FAKE_APP_ID, FakeAzureAd } from '../support/fakeAzure';
import { dmEvent, FakeSlackApi, postSigned, SLACK_SECRET, SLACK_TOKEN, TEAM } from '../support/fakeSlack';
import { OutboundRecorder } from '../support/outbound';

const SUNDAY_6PM = new Date('2026-12-06T23:00:00Z');

/**
 * With an app id set, every outgoing request of the process is recorded (node http and undici) against
 * fake servers on distinct loopback hosts: Bot Framework's channel on 127.0.0.1 (the only allow-listed
 * host), Slack's Web API on 127.0.0.2, and an unlisted service on 127.0.0.3.
 */
describe('tokens stay home (app id set)', () => {
  const recorder = new OutboundRecorder();
  let azure: FakeAzureAd;
  let slack: FakeSlackApi;
  let botFramework: FakeChannel;
  let elsewhere: Server;
  let elsewhereUrl: string;
  let slackApiUrl: string;
  let t: TestApp;

  beforeAll(async () => {
    recorder.start();
    azure = new FakeAzureAd();
    await azure.start();
    slack = new FakeSlackApi();
    slackApiUrl = await slack.start('127.0.0.2');
    botFramework = await startFakeChannel();
    elsewhere = createServer((_req, res) => res.end('{"id":"x"}'));
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.3', resolve));
    elsewhereUrl = `http://127.0.0.3:${(elsewhere.address() as AddressInfo).port}/`;
    t = await startTestApp({
      env: {
        MicrosoftAppId: FAKE_APP_ID,
        MicrosoftAppPassword: 'not-a-real-secret',
        HOST: '127.0.0.1',
        BOT_FRAMEWORK_SERVICE_URLS: '127.0.0.1',
        SLACK_SIGNING_SECRET: SLACK_SECRET,
        SLACK_BOT_TOKEN: SLACK_TOKEN,
        SLACK_API_URL: slackApiUrl,
        CHECKIN_SENDS_PER_SECOND: '0',
        CHECKIN_INTERVAL_MS: '0',
      },
      overrides: { botFrameworkCredentials: azure.credentials() },
    });
  });
  afterAll(async () => {
    recorder.stop();
    await t.stop();
    await slack.stop();
    await botFramework.close();
    await azure.stop();
    elsewhere.closeAllConnections();
    await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
  });

  /** A person reached through Bot Framework: consent, a stored reference and a Sunday 6 pm schedule. */
  async function enrollByReference(personId: string, reference: Record<string, unknown>) {
    await grantConsent(t, personId);
    expect(await t.app.references.save(personId, reference, t.clock.now())).toBe(true);
    await t.app.checkIns.enroll({
      personId,
      channelId: String(reference.channelId),
      weekday: 0,
      timeZone: 'America/New_York',
      hour: 18,
      minute: 0,
    });
  }

  test('Slack gets only the bot token, Bot Framework only its own token, and nobody else gets anything', async () => {
    // A person on direct Slack turns check-ins on by chatting (signed events).
    const user = 'U0HOME';
    await grantConsent(t, `slack:${user}:${TEAM}`);
    for (const line of ['hi', 'check-ins on', 'sunday 6pm', 'Eastern']) {
      const body = JSON.stringify(dmEvent(line, { user, channel: 'D0HOME' }));
      expect(
        (
          await postSigned(`${t.baseUrl}/api/slack/events`, body, {
            contentType: 'application/json',
            now: t.clock.now(),
          })
        ).status,
      ).toBe(200);
      await t.app.slack!.channel.idle();
    }
    // Direct Slack turns asked Azure for nothing.
    expect(azure.tokenRequests).toEqual([]);

    // Someone on a Bot Framework channel (allow-listed host), and two references outside the list: one on
    // the Slack host but not the direct route (what the old sender did), one on an unknown service.
    await enrollByReference('test:bf-person', {
      channelId: 'test',
      serviceUrl: botFramework.serviceUrl,
      conversation: { id: 'bf-conversation' },
      user: { id: 'bf-person' },
      bot: { id: 'steady' },
    });
    await enrollByReference('slack:U0AZURE:T0TEAM', {
      channelId: 'slack',
      serviceUrl: slackApiUrl.replace(/api\/$/, ''),
      conversation: { id: 'B0BOT:T0TEAM:D0AZURE' },
      user: { id: 'U0AZURE:T0TEAM' },
      bot: { id: 'B0BOT:T0TEAM' },
    });
    await enrollByReference('msteams:stray', {
      channelId: 'msteams',
      serviceUrl: elsewhereUrl,
      conversation: { id: 'a:stray' },
      user: { id: 'stray' },
      bot: { id: 'steady' },
    });

    slack.calls.length = 0;
    const report = await t.app.runCheckIns(SUNDAY_6PM);
    expect(report).toMatchObject({ claimed: 4, sent: 2, paused: 2 });

    // Direct Slack: exactly one chat.postMessage, with the bot token and nothing else.
    expect(slack.calls.map((c) => [c.method, c.body.channel, c.authorization])).toEqual([
      ['chat.postMessage', 'D0HOME', `Bearer ${SLACK_TOKEN}`],
    ]);
    // Bot Framework: the check-in went to its conversation with a token from (fake) Azure AD.
    expect(botFramework.received.map((r) => r.conversationId)).toEqual(['bf-conversation']);
    expect(azure.tokenRequests.length).toBeGreaterThan(0);

    const ports = {
      app: new URL(t.baseUrl).host,
      azure: `127.0.0.1:${new URL((azure as unknown as { url: string }).url).port}`,
      botFramework: new URL(botFramework.serviceUrl).host,
      slack: new URL(slackApiUrl).host,
      elsewhere: new URL(elsewhereUrl).host,
    };
    const known = new Set(Object.values(ports));
    const unknownHosts = recorder.requests.filter((r) => !known.has(r.host)).map((r) => r.host);
    expect(unknownHosts).toEqual([]);
    const bearerTo = (host: string) => recorder.requests.filter((r) => r.host === host).map((r) => r.authorization);
    // The Bot Framework token went only to the allow-listed Bot Framework host.
    const withAzureToken = recorder.requests.filter((r) =>
      azure.issued.some((token) => r.authorization === `Bearer ${token}`),
    );
    expect(withAzureToken.length).toBeGreaterThan(0);
    expect(new Set(withAzureToken.map((r) => r.host))).toEqual(new Set([ports.botFramework]));
    // Slack's host saw only the bot token, and only on its Web API path.
    const toSlack = recorder.requests.filter((r) => r.host === ports.slack);
    expect(toSlack.length).toBeGreaterThan(0);
    expect(new Set(bearerTo(ports.slack))).toEqual(new Set([`Bearer ${SLACK_TOKEN}`]));
    expect(toSlack.every((r) => r.path.startsWith('/api/chat.'))).toBe(true);
    // The unlisted service was never called.
    expect(bearerTo(ports.elsewhere)).toEqual([]);
    // The references nobody may reach with a token are paused, not retried.
    expect((await t.app.checkIns.get('msteams:stray'))?.status).not.toBe('active');
  });
});
