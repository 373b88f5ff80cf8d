import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import type { SlackMessage } from '../renderers/slack';
import type { SendOutcome } from '../../scheduler/sender';

/** The Slack Web API calls the coach makes; a seam so tests can point it at a fake server. */
export interface SlackSender {
  /** chat.postMessage; resolves with the new message's ts (Slack's id for it). */
  postMessage(channel: string, message: SlackMessage): Promise<{ ts?: string }>;
  /** chat.update: replaces a message the bot posted (a clicked question, shown answered). */
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
}

/**
 * chat.postMessage and chat.update through @slack/web-api (Node 20 is supported by v8), with the bot token.
 * Only the bot token is ever attached, and only to the configured Slack API address.
 * retries: 0 for proactive sends, whose retries are durable and scheduled by the check-in dispatcher.
 */
export class SlackWebApiSender implements SlackSender {
  private readonly client: WebClient;

  constructor(options: { botToken: string; apiUrl: string; retries?: number }) {
    this.client = new WebClient(options.botToken, {
      slackApiUrl: options.apiUrl,
      logLevel: LogLevel.ERROR,
      retryConfig: { retries: options.retries ?? 3 },
      // Without retries, a 429 is an outcome for the dispatcher instead of a wait inside the send.
      rejectRateLimitedCalls: options.retries === 0,
      timeout: 10_000,
    });
  }

  async postMessage(channel: string, message: SlackMessage): Promise<{ ts?: string }> {
    const result = await this.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never, unfurl_links: false });
    return { ts: result.ts };
  }

  async update(channel: string, ts: string, message: SlackMessage): Promise<void> {
    await this.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks as never });
  }

}

/** Slack's error codes that mean this conversation cannot be reached any more (app removed, user gone). */
const GONE_ERRORS = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive', 'user_not_found', 'user_disabled', 'cannot_dm_bot', 'invalid_auth', 'not_authed', 'token_revoked', 'access_denied', 'team_access_not_granted']);

/** Maps a @slack/web-api failure to the dispatcher's outcomes (same meaning as the Bot Framework statuses). */
export function slackSendOutcome(error: unknown): SendOutcome {
  const shape = error as { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number } | undefined;
  switch (shape?.code) {
    case ErrorCode.RateLimitedError:
      return { kind: 'rateLimited', statusCode: 429, retryAfterMs: typeof shape.retryAfter === 'number' ? shape.retryAfter * 1000 : undefined };
    case ErrorCode.PlatformError: {
      const code = shape.data?.error ?? '';
      if (GONE_ERRORS.has(code)) return { kind: 'gone', statusCode: 404 };
      if (code === 'ratelimited') return { kind: 'rateLimited', statusCode: 429 };
      if (code === 'internal_error' || code === 'fatal_error' || code === 'service_unavailable' || code === 'request_timeout') return { kind: 'transient' };
      return { kind: 'rejected', statusCode: 400 };
    }
    case ErrorCode.HTTPError:
      if (shape.statusCode === 429) return { kind: 'rateLimited', statusCode: 429 };
      if (typeof shape.statusCode === 'number' && shape.statusCode >= 400 && shape.statusCode < 500 && shape.statusCode !== 408) return { kind: 'rejected', statusCode: shape.statusCode };
      return { kind: 'transient', statusCode: shape.statusCode };
    default:
      return { kind: 'transient' };
  }
}
