import { slackSignature, verifySlackRequest } from '../../src/platform/channels/slack/signature';

const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const now = new Date('2026-12-01T15:00:00Z');
const ts = String(Math.floor(now.getTime() / 1000));
const body = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fweather';
const signed = slackSignature(secret, ts, body);

describe('Slack request signatures', () => {
  test('matches Slack’s documented construction: v0= and hex HMAC-SHA256 of v0:ts:body', () => {
    expect(signed).toMatch(/^v0=[0-9a-f]{64}$/);
    expect(slackSignature(secret, ts, Buffer.from(body))).toBe(signed);
  });

  test('reproduces the worked example in Slack’s “Verifying requests” guide', () => {
    const example =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature(secret, '1531420618', example)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  test.each([
    ['valid', { signature: signed }, { ok: true }],
    ['tampered body', { signature: signed, rawBody: `${body}&admin=1` }, { ok: false, reason: 'bad_signature' }],
    [
      'wrong secret',
      { signature: slackSignature('another-secret-0000000000', ts, body) },
      { ok: false, reason: 'bad_signature' },
    ],
    ['truncated signature', { signature: signed.slice(0, 20) }, { ok: false, reason: 'bad_signature' }],
    ['missing signature', { signature: undefined }, { ok: false, reason: 'missing_signature' }],
    ['missing timestamp', { signature: signed, timestamp: undefined }, { ok: false, reason: 'missing_signature' }],
    ['not a number timestamp', { signature: signed, timestamp: 'yesterday' }, { ok: false, reason: 'stale_timestamp' }],
    [
      'timestamp 5 minutes and 1 second old',
      { timestamp: String(Number(ts) - 301) },
      { ok: false, reason: 'stale_timestamp' },
    ],
    ['timestamp 6 minutes ahead', { timestamp: String(Number(ts) + 360) }, { ok: false, reason: 'stale_timestamp' }],
    ['timestamp exactly 5 minutes old (still fine)', { timestamp: String(Number(ts) - 300) }, { ok: true }],
  ])('%s', (_name, change: Record<string, unknown>, expected) => {
    const timestamp = 'timestamp' in change ? (change.timestamp as string | undefined) : ts;
    const signature =
      'signature' in change ? (change.signature as string | undefined) : slackSignature(secret, timestamp ?? '', body);
    const rawBody = (change.rawBody as string | undefined) ?? body;
    expect(verifySlackRequest({ secret, timestamp, signature, rawBody, now })).toEqual(expected);
  });
});
