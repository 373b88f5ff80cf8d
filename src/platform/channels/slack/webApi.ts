import { LogLevel, WebClient } from '@slack/web-api';
import type { SlackMessage } from '../renderers/slack';

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

  /** timeoutMs: each attempt gives up after this long (OUTBOUND_TIMEOUT_MS), so a post never holds a conversation's order for long. */
  constructor(options: { botToken: string; apiUrl: string; retries?: number; timeoutMs?: number }) {
    this.client = new WebClient(options.botToken, {
      slackApiUrl: options.apiUrl,
      logLevel: LogLevel.ERROR,
      retryConfig: { retries: options.retries ?? 3 },
      // Without retries, a 429 is an outcome for the dispatcher instead of a wait inside the send.
      rejectRateLimitedCalls: options.retries === 0,
      timeout: options.timeoutMs ?? 10_000,
    });
  }

  async postMessage(channel: string, message: SlackMessage): Promise<{ ts?: string }> {
    const result = await this.client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
    });
    return { ts: result.ts };
  }

  async update(channel: string, ts: string, message: SlackMessage): Promise<void> {
    await this.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
  }
}
