import { outcomeForStatus, type SendOutcome } from '../sender';

// @slack/web-api's error codes (ErrorCode) are spelled out so this module loads without the client library.

/** Slack's errors that mean this person's conversation cannot be reached any more (user gone, DM closed). */
const GONE_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
]);
/**
 * Errors about the bot token or the workspace, not the person: retried later (the operator can fix the token)
 * instead of pausing everyone's check-ins.
 */
const TRANSIENT_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive_bot',
  'team_access_not_granted',
  'access_denied',
]);

/** Maps a @slack/web-api failure to the dispatcher's outcomes (same meaning as the Bot Framework statuses). */
export function slackSendOutcome(error: unknown): SendOutcome {
  const shape = error as
    { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number } | undefined;
  switch (shape?.code) {
    case 'slack_webapi_rate_limited_error':
      return {
        kind: 'rateLimited',
        statusCode: 429,
        retryAfterMs: typeof shape.retryAfter === 'number' ? shape.retryAfter * 1000 : undefined,
      };
    case 'slack_webapi_platform_error': {
      const code = shape.data?.error ?? '';
      if (GONE_ERRORS.has(code)) return { kind: 'gone', statusCode: 404 };
      if (code === 'ratelimited') return { kind: 'rateLimited', statusCode: 429 };
      if (TRANSIENT_ERRORS.has(code)) return { kind: 'transient' };
      return { kind: 'rejected', statusCode: 400 };
    }
    case 'slack_webapi_http_error':
      return outcomeForStatus(typeof shape.statusCode === 'number' ? shape.statusCode : undefined);
    default:
      return { kind: 'transient' };
  }
}
