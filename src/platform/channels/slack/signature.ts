import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack refuses to sign anything older; so do we (replays of an old request). */
export const SLACK_MAX_AGE_SECONDS = 5 * 60;

export type SignatureCheck =
  { ok: true } | { ok: false; reason: 'missing_signature' | 'stale_timestamp' | 'bad_signature' };

/** `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the app's signing secret. */
export function slackSignature(secret: string, timestamp: string, rawBody: string | Buffer): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(rawBody).digest('hex')}`;
}

/**
 * Checks a request from Slack: both headers present, the timestamp within five minutes of now (either
 * way), and the signature equal to ours, compared in constant time, over the exact bytes received.
 */
export function verifySlackRequest(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string | Buffer;
  now: Date;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return { ok: false, reason: 'missing_signature' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'stale_timestamp' };
  if (Math.abs(Math.floor(input.now.getTime() / 1000) - Number(timestamp)) > SLACK_MAX_AGE_SECONDS)
    return { ok: false, reason: 'stale_timestamp' };
  const expected = Buffer.from(slackSignature(input.secret, timestamp, input.rawBody), 'utf8');
  const received = Buffer.from(signature, 'utf8');
  if (expected.length !== received.length || !timingSafeEqual(expected, received))
    return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}
