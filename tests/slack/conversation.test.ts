import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { grantConsent, startTestApp, type TestApp, welcomeTexts } from '../support/app';
import { FAKE_APP_ID, FakeAzureAd } from '../support/fakeAzure';
import {
  buttonClick,
  buttonClickPayload,
  dmEvent,
  FakeSlackApi,
  FakeSocketMode,
  postSigned,
  SLACK_SECRET,
  SLACK_TOKEN,
  TEAM,
} from '../support/fakeSlack';

const SUNDAY_6PM = new Date('2026-12-06T23:00:00Z'); // America/New_York, EST
const MONDAY_6PM = new Date('2026-12-07T23:00:00Z');
const APP_TOKEN = 'xapp-1-A0APP-test';

/** One way into the app (Events API over signed HTTP, or Socket Mode), as the shared tests see it. */
interface Route {
  t: TestApp;
  slack: FakeSlackApi;
  /** A direct message from `user` in their DM channel; waits until the turn is done. */
  message(user: string, text: string, options?: { eventId?: string; retry?: number }): Promise<void>;
  /** A click on a button of `message` (what Slack sends back about the clicked message). */
  click(
    user: string,
    value: string,
    message: { ts: string; text?: string; blocks?: Array<Record<string, any>> } | undefined,
  ): Promise<void>;
  /** Token requests made to Azure AD (always none expected on this route). */
  azureAttempts(): number;
  stop(): Promise<void>;
}

const dmOf = (user: string) => `D${user.slice(1)}`;

async function eventsApiRoute(options: { withAppId: boolean }): Promise<Route> {
  const slack = new FakeSlackApi();
  const apiUrl = await slack.start();
  const azure = await FakeAzureAd.unreachable();
  const appIdEnv: Record<string, string> = options.withAppId
    ? { MicrosoftAppId: FAKE_APP_ID, MicrosoftAppPassword: 'not-a-real-secret', HOST: '127.0.0.1' }
    : {};
  const t = await startTestApp({
    env: {
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_API_URL: apiUrl,
      CHECKIN_SENDS_PER_SECOND: '0',
      CHECKIN_INTERVAL_MS: '0',
      ...appIdEnv,
    },
    overrides: { botFrameworkCredentials: azure.factory },
  });
  const settle = () => t.app.slack!.channel.idle();
  return {
    t,
    slack,
    async message(user, text, opts = {}) {
      const body = JSON.stringify(dmEvent(text, { user, channel: dmOf(user), eventId: opts.eventId }));
      const headers: Record<string, string> = opts.retry
        ? { 'x-slack-retry-num': String(opts.retry), 'x-slack-retry-reason': 'http_timeout' }
        : {};
      const answer = await postSigned(`${t.baseUrl}/api/slack/events`, body, {
        contentType: 'application/json',
        now: t.clock.now(),
        headers,
      });
      expect(answer.status).toBe(200);
      await settle();
    },
    async click(user, value, message) {
      const answer = await postSigned(
        `${t.baseUrl}/api/slack/interactions`,
        buttonClick(value, { user, channel: dmOf(user), message }),
        { contentType: 'application/x-www-form-urlencoded', now: t.clock.now() },
      );
      expect(answer.status).toBe(200);
      await settle();
    },
    azureAttempts: azure.attempts,
    async stop() {
      await t.stop();
      await slack.stop();
    },
  };
}

async function socketModeRoute(): Promise<Route> {
  const slack = new FakeSlackApi();
  const apiUrl = await slack.start();
  const socket = new FakeSocketMode();
  await socket.start(slack);
  const azure = await FakeAzureAd.unreachable();
  const t = await startTestApp({
    // Socket Mode only (no signing secret), with an app id whose Azure cannot be reached.
    env: {
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_API_URL: apiUrl,
      CHECKIN_SENDS_PER_SECOND: '0',
      CHECKIN_INTERVAL_MS: '0',
      MicrosoftAppId: FAKE_APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      HOST: '127.0.0.1',
    },
    overrides: { botFrameworkCredentials: azure.factory },
  });
  await t.app.slack!.connect();
  const settle = () => t.app.slack!.channel.idle();
  /** Slack wants the acknowledgement within 3 seconds. */
  const acked = async (delivery: Promise<{ ack: Record<string, unknown>; ms: number }>, envelopeId?: string) => {
    const { ack, ms } = await delivery;
    expect(ms).toBeLessThan(3000);
    if (envelopeId) expect(ack.envelope_id).toBe(envelopeId);
  };
  return {
    t,
    slack,
    async message(user, text, opts = {}) {
      const event = dmEvent(text, { user, channel: dmOf(user), eventId: opts.eventId });
      await acked(socket.deliver('events_api', event, { retryAttempt: opts.retry }));
      await settle();
    },
    async click(user, value, message) {
      await acked(socket.deliver('interactive', buttonClickPayload(value, { user, channel: dmOf(user), message })));
      await settle();
    },
    azureAttempts: azure.attempts,
    async stop() {
      await t.stop();
      await socket.stop();
      await slack.stop();
    },
  };
}

const routes: Array<[string, () => Promise<Route>]> = [
  ['the Events API, no app id', () => eventsApiRoute({ withAppId: false })],
  ['the Events API, app id set and Azure unreachable', () => eventsApiRoute({ withAppId: true })],
  ['Socket Mode, app id set and Azure unreachable', socketModeRoute],
];

describe.each(routes)('a Slack conversation over %s', (_name, open) => {
  let r: Route;
  const text = (key: string, vars?: Record<string, string | number>) => r.t.app.services.content.text(key, vars);
  const postedTo = (user: string) => r.slack.posted().filter((p) => p.channel === dmOf(user));
  beforeAll(async () => {
    r = await open();
  });
  afterAll(async () => r.stop());
  beforeEach(() => {
    r.slack.calls.length = 0;
  });
  afterEach(() => {
    // Slack-direct never needs Azure: no token was ever asked for, and only the bot token reached Slack.
    expect(r.azureAttempts()).toBe(0);
    expect(
      r.slack.calls
        .filter((c) => c.method !== 'apps.connections.open')
        .every((c) => c.authorization === `Bearer ${SLACK_TOKEN}`),
    ).toBe(true);
  });

  test('"hi" gets the welcome and the menu as buttons', async () => {
    await r.message('U0HELLO', 'hi');
    const posted = postedTo('U0HELLO');
    expect(posted.map((p) => p.text.split('\n')[0])).toEqual(
      welcomeTexts(r.t.app.services.content).map((line) => line.split('\n')[0]),
    );
    expect(posted[posted.length - 1].blocks.some((b) => b.block_id === 'steady-choices')).toBe(true);
  });

  test('a click answers once: the message shows the choice without buttons, and a second click changes nothing', async () => {
    await r.message('U0CLICKS', 'hi');
    const menu = r.slack.lastChoices(dmOf('U0CLICKS'))!;
    r.slack.calls.length = 0;
    const about = text('menu.options.about');
    await r.click('U0CLICKS', about, menu);
    const [update] = r.slack.updated();
    expect(update).toMatchObject({ channel: dmOf('U0CLICKS'), ts: menu.ts });
    expect(update.blocks.some((b) => b.block_id === 'steady-choices' || b.type === 'actions')).toBe(false);
    expect(JSON.stringify(update.blocks)).toContain(text('channels.answered', { choice: about }));
    expect(postedTo('U0CLICKS')[0].text).toBe(text('about.text'));
    const nextMenu = r.slack.lastChoices(dmOf('U0CLICKS'))!;
    expect(nextMenu.ts).not.toBe(menu.ts);

    // The same message clicked again (another button): a polite word, no turn, no update.
    r.slack.calls.length = 0;
    await r.click('U0CLICKS', text('menu.options.support'), menu);
    expect(postedTo('U0CLICKS').map((p) => p.text)).toEqual([text('channels.alreadyAnswered')]);
    expect(r.slack.updated()).toEqual([]);

    // The polite note leaves the latest question's buttons working.
    r.slack.calls.length = 0;
    await r.click('U0CLICKS', about, nextMenu);
    expect(r.slack.updated().map((u) => u.ts)).toEqual([nextMenu.ts]);
    expect(postedTo('U0CLICKS')[0].text).toBe(text('about.text'));
    const thirdMenu = r.slack.lastChoices(dmOf('U0CLICKS'))!;

    // A question answered by typing instead: the buttons under it are old now too.
    r.slack.calls.length = 0;
    await r.message('U0CLICKS', 'what is steady');
    expect(postedTo('U0CLICKS')[0].text).toBe(text('about.text'));
    r.slack.calls.length = 0;
    await r.click('U0CLICKS', text('menu.options.support'), thirdMenu);
    expect(postedTo('U0CLICKS').map((p) => p.text)).toEqual([text('channels.alreadyAnswered')]);
    expect(r.slack.updated()).toEqual([]);
  });

  test('a redelivered event (Slack retrying) is handled once', async () => {
    await r.message('U0RETRY', 'hi', { eventId: 'EvRETRY0001' });
    const count = postedTo('U0RETRY').length;
    expect(count).toBeGreaterThan(0);
    await r.message('U0RETRY', 'hi', { eventId: 'EvRETRY0001', retry: 1 });
    expect(postedTo('U0RETRY')).toHaveLength(count);
  });

  test('check-ins turned on by chatting arrive as one chat.postMessage each: the weekly prompt, then the follow-up', async () => {
    const user = 'U0WEEKLY';
    await grantConsent(r.t, `slack:${user}:${TEAM}`);
    for (const line of ['hi', 'check-ins on', 'sunday 6pm', 'Eastern']) await r.message(user, line);
    expect(await r.t.app.checkIns.get(`slack:${user}:${TEAM}`)).toMatchObject({ status: 'active', channelId: 'slack' });

    r.slack.calls.length = 0;
    expect(await r.t.app.runCheckIns(SUNDAY_6PM)).toMatchObject({ claimed: 1, sent: 1 });
    expect(r.slack.calls.map((c) => [c.method, c.body.channel, c.authorization])).toEqual([
      ['chat.postMessage', dmOf(user), `Bearer ${SLACK_TOKEN}`],
    ]);
    expect(r.slack.calls[0].body.text.split('\n')[0]).toBe(text('schedule.invitation.prompt', { week: 1 }));
    expect(
      r.slack.calls[0].body.blocks.find((b: any) => b.block_id === 'steady-choices').elements.map((e: any) => e.value),
    ).toEqual([
      text('schedule.invitation.options.start'),
      text('schedule.invitation.options.later'),
      text('schedule.invitation.options.stop'),
    ]);

    r.slack.calls.length = 0;
    expect(await r.t.app.runCheckIns(MONDAY_6PM)).toMatchObject({ claimed: 1, sent: 1 });
    expect(r.slack.calls.map((c) => [c.method, c.body.channel])).toEqual([['chat.postMessage', dmOf(user)]]);
    expect(r.slack.calls[0].body.text.split('\n')[0]).toBe(text('schedule.invitation.followup', { week: 1 }));

    // The follow-up's button starts the check-in in the same conversation.
    const followup = r.slack.lastChoices(dmOf(user))!;
    r.t.clock.set(new Date(MONDAY_6PM.getTime() + 60_000));
    r.slack.calls.length = 0;
    await r.click(user, text('schedule.invitation.options.start'), followup);
    expect(postedTo(user).map((p) => p.text.split('\n')[0])).toEqual([
      text('checkin.intro'),
      text('checkin.daysUsed.ask').split('\n')[0],
    ]);
  });
});

describe('npm run checkins -- --at <instant> for a person on direct Slack', () => {
  /** The operator command as its own process, as cron runs it (tsx instead of the build). */
  const runCli = (env: Record<string, string>, ...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--disable-warning=DEP0111', '--import', 'tsx', join(__dirname, '../../src/cli/checkins.ts'), ...args],
        {
          cwd: join(__dirname, '../..'),
          env: { PATH: process.env.PATH, ...env },
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (status) => resolve({ status, stdout, stderr }));
    });

  test('posts the check-in with chat.postMessage, once, with the bot token', async () => {
    const slack = new FakeSlackApi();
    const apiUrl = await slack.start();
    const env = {
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_API_URL: apiUrl,
      CHECKIN_SENDS_PER_SECOND: '0',
      CHECKIN_INTERVAL_MS: '0',
    };
    const t = await startTestApp({ env });
    try {
      const user = 'U0CRON';
      await grantConsent(t, `slack:${user}:${TEAM}`);
      for (const line of ['hi', 'check-ins on', 'sunday 6pm', 'Eastern']) {
        await postSigned(`${t.baseUrl}/api/slack/events`, JSON.stringify(dmEvent(line, { user, channel: 'D0CRON' })), {
          contentType: 'application/json',
          now: t.clock.now(),
        });
        await t.app.slack!.channel.idle();
      }
      await t.stop({ keepFiles: true });
      slack.calls.length = 0;
      const run = await runCli({ ...env, DATABASE_URL: `sqlite:${t.dbFile}` }, '--at', SUNDAY_6PM.toISOString());
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toMatchObject({ claimed: 1, sent: 1 });
      expect(slack.calls.map((c) => [c.method, c.body.channel, c.authorization])).toEqual([
        ['chat.postMessage', 'D0CRON', `Bearer ${SLACK_TOKEN}`],
      ]);
      expect(slack.calls[0].body.text.split('\n')[0]).toBe(
        t.app.services.content.text('schedule.invitation.prompt', { week: 1 }),
      );
      // Run again at the same instant: nothing more is due.
      const again = await runCli({ ...env, DATABASE_URL: `sqlite:${t.dbFile}` }, '--at', SUNDAY_6PM.toISOString());
      expect(JSON.parse(again.stdout)).toMatchObject({ claimed: 0 });
      expect(slack.calls).toHaveLength(1);
    } finally {
      await slack.stop();
      rmSync(t.dir, { recursive: true, force: true });
    }
  });
});

describe('event de-duplication across a restart (CONTRACTS item 5)', () => {
  // The hardening work's table (store.seenEvents) makes the answer durable; until it is merged and plugged in
  // behind SlackDeduplicator (one line in createSlackDirect), the default is per process. This test checks
  // whichever the build has: with the table, a retry after a restart is dropped; without it, the known gap.
  const durable = (store: object) => 'seenEvents' in store;

  test('a retry delivered after a restart, on both ways in', async () => {
    const slack = new FakeSlackApi();
    const apiUrl = await slack.start();
    const socket = new FakeSocketMode();
    await socket.start(slack);
    const env = {
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_API_URL: apiUrl,
    };
    const first = await startTestApp({ env });
    const event = dmEvent('hi', { user: 'U0RESTART', channel: 'D0RESTART', eventId: 'EvRESTART01' });
    await postSigned(`${first.baseUrl}/api/slack/events`, JSON.stringify(event), {
      contentType: 'application/json',
      now: first.clock.now(),
    });
    await first.app.slack!.channel.idle();
    await first.stop({ keepFiles: true });
    const second = await startTestApp({ env, dir: first.dir });
    try {
      await second.app.slack!.connect();
      slack.calls.length = 0;
      const retry = await postSigned(`${second.baseUrl}/api/slack/events`, JSON.stringify(event), {
        contentType: 'application/json',
        now: second.clock.now(),
        headers: { 'x-slack-retry-num': '1' },
      });
      expect(retry.status).toBe(200);
      await second.app.slack!.channel.idle();
      const afterHttpRetry = slack.posted().length;
      await socket.deliver('events_api', event, { retryAttempt: 2 });
      await second.app.slack!.channel.idle();
      if (durable(second.app.services.store)) {
        expect(slack.posted()).toEqual([]);
      } else {
        // Known gap without the table: the first retry after a restart is answered again; the second is not.
        expect(afterHttpRetry).toBeGreaterThan(0);
        expect(slack.posted()).toHaveLength(afterHttpRetry);
      }
    } finally {
      await second.stop();
      rmSync(first.dir, { recursive: true, force: true });
      await socket.stop();
      await slack.stop();
    }
  });
});
