import { ErrorCode } from '@slack/web-api';
import { isTrustedServiceUrl } from '../../src/platform/channels/trustedServiceUrls';
import { InMemorySlackDeduplicator, SLACK_DEDUP_TTL_MS } from '../../src/platform/channels/slack/dedup';
import { slackSendOutcome } from '../../src/features/checkins/senders/slackOutcomes';
import { SlackWebApiSender } from '../../src/platform/channels/slack/webApi';
import { FakeSlackApi } from '../support/fakeSlack';
import { DEFAULT_BOT_FRAMEWORK_HOSTS } from '../../src/platform/config';
import { RoutingCheckInSender } from '../../src/features/checkins/routingSender';
import type { SendJob } from '../../src/features/checkins/sender';

describe('the Bot Framework token allow-list', () => {
  test.each([
    ['https://smba.trafficmanager.net/amer/', true],
    ['https://slack.botframework.com/', true],
    ['https://directline.botframework.com/', true],
    ['https://europe.webchat.botframework.com/', true],
    ['https://botframework.com.evil.example/', false],
    ['https://evilbotframework.com/', false],
    ['https://slack.com/api/', false],
    ['http://slack.botframework.com/', false], // the token never travels in clear text
    ['https://user:pass@slack.botframework.com/', false],
    ['not a url', false],
    ['', false],
  ])('%s -> %s with the default list', (url, trusted) => {
    expect(isTrustedServiceUrl(url, DEFAULT_BOT_FRAMEWORK_HOSTS)).toBe(trusted);
  });

  test('plain http only on a listed loopback host (the Emulator, tests)', () => {
    expect(isTrustedServiceUrl('http://127.0.0.1:9000/', ['127.0.0.1'])).toBe(true);
    expect(isTrustedServiceUrl('http://127.0.0.2:9000/', ['127.0.0.1'])).toBe(false);
    expect(isTrustedServiceUrl('http://example.org/', ['example.org'])).toBe(false);
  });
});

describe('Slack Web API failures as check-in outcomes', () => {
  test.each([
    [
      { code: ErrorCode.RateLimitedError, retryAfter: 30 },
      { kind: 'rateLimited', statusCode: 429, retryAfterMs: 30_000 },
    ],
    [
      { code: ErrorCode.PlatformError, data: { error: 'channel_not_found' } },
      { kind: 'gone', statusCode: 404 },
    ],
    [
      { code: ErrorCode.PlatformError, data: { error: 'account_inactive' } },
      { kind: 'gone', statusCode: 404 },
    ],
    [
      { code: ErrorCode.PlatformError, data: { error: 'invalid_blocks' } },
      { kind: 'rejected', statusCode: 400 },
    ],
    [{ code: ErrorCode.PlatformError, data: { error: 'internal_error' } }, { kind: 'transient' }],
    // A bad or revoked bot token is the operator's to fix: retried, nobody's check-ins paused.
    [{ code: ErrorCode.PlatformError, data: { error: 'invalid_auth' } }, { kind: 'transient' }],
    [
      { code: ErrorCode.HTTPError, statusCode: 503 },
      { kind: 'transient', statusCode: 503 },
    ],
    [
      { code: ErrorCode.HTTPError, statusCode: 429 },
      { kind: 'rateLimited', statusCode: 429 },
    ],
    [{ code: ErrorCode.RequestError }, { kind: 'transient' }],
    [new Error('socket hang up'), { kind: 'transient' }],
  ])('%j -> %j', (error, outcome) => {
    expect(slackSendOutcome(error)).toEqual(outcome);
  });
});

describe('the real Web API client against a fake Slack: its errors become the right outcomes', () => {
  const slack = new FakeSlackApi();
  let sender: SlackWebApiSender;
  beforeAll(async () => {
    sender = new SlackWebApiSender({ botToken: 'xoxb-outcomes', apiUrl: await slack.start(), retries: 0 });
  });
  afterAll(() => slack.stop());

  const outcomeOf = async (answer: Record<string, unknown>) => {
    slack.answers.set('chat.postMessage', () => answer);
    try {
      await sender.postMessage('D0OUTCOME', { text: 'x', blocks: [] });
      return { kind: 'sent' };
    } catch (error) {
      return slackSendOutcome(error);
    }
  };

  test.each([
    [{ ok: true, ts: '1.2' }, { kind: 'sent' }],
    [
      { ok: false, error: 'channel_not_found' },
      { kind: 'gone', statusCode: 404 },
    ],
    [{ ok: false, error: 'invalid_auth' }, { kind: 'transient' }],
    [
      { ok: false, error: 'msg_too_long' },
      { kind: 'rejected', statusCode: 400 },
    ],
    [
      { status: 429, headers: { 'retry-after': '7' }, ok: false, error: 'ratelimited' },
      { kind: 'rateLimited', statusCode: 429, retryAfterMs: 7000 },
    ],
    [
      { status: 503, ok: false },
      { kind: 'transient', statusCode: 503 },
    ],
  ])('%j -> %j', async (answer, outcome) => {
    expect(await outcomeOf(answer)).toEqual(outcome);
  });
});

describe('Slack event de-duplication (in memory)', () => {
  test('a key is new once within the hour, and new again after it', async () => {
    const dedup = new InMemorySlackDeduplicator();
    const at = new Date('2026-12-01T12:00:00Z');
    expect(await dedup.markSeen('event:Ev1', at)).toBe(true);
    expect(await dedup.markSeen('event:Ev1', new Date(at.getTime() + SLACK_DEDUP_TTL_MS - 1000))).toBe(false);
    expect(await dedup.markSeen('event:Ev2', at)).toBe(true);
    expect(await dedup.markSeen('event:Ev1', new Date(at.getTime() + SLACK_DEDUP_TTL_MS + 1000))).toBe(true);
  });
});

describe('one sending path per channel', () => {
  const job = (channelId: string): SendJob => ({
    personId: `${channelId}:p`,
    kind: 'prompt',
    programWeek: 1,
    idempotencyKey: 'k',
    reference: { channelId },
  });

  test('the route that owns the reference sends; everything else goes through Bot Framework', async () => {
    const sent: string[] = [];
    const slack = {
      owns: (r: { channelId?: string }) => r.channelId === 'slack',
      send: async () => (sent.push('slack'), { kind: 'sent' as const }),
    };
    const botFramework = { send: async () => (sent.push('botframework'), { kind: 'sent' as const }) };
    const router = new RoutingCheckInSender([slack], botFramework);
    await router.send(job('slack'));
    await router.send(job('msteams'));
    await router.send(job('webchat'));
    expect(sent).toEqual(['slack', 'botframework', 'botframework']);
  });
});
