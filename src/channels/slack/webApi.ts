import { LogLevel, WebClient } from '@slack/web-api';
import type { SlackMessage } from '../renderers/slack';

export const SLACK_RETRIES = 2;

/** The one Slack Web API call the coach needs; a seam so tests can point it at a fake server. */
export interface SlackSender {
  postMessage(channel: string, message: SlackMessage): Promise<void>;
}

/** chat.postMessage through @slack/web-api (Node 20 is supported by v8), with the bot token. */
export class SlackWebApiSender implements SlackSender {
  private readonly client: WebClient;

  constructor(options: { botToken: string; apiUrl: string; retries?: number; timeoutMs?: number }) {
    this.client = new WebClient(options.botToken, {
      slackApiUrl: options.apiUrl,
      logLevel: LogLevel.ERROR,
      retryConfig: { retries: options.retries ?? SLACK_RETRIES },
      timeout: options.timeoutMs ?? 10_000,
    });
  }

  async postMessage(channel: string, message: SlackMessage): Promise<void> {
    await this.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never, unfurl_links: false });
  }
}
