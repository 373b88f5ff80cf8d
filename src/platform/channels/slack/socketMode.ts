import { LogLevel, SocketModeClient } from '@slack/socket-mode';
import type { Logger } from '../../logger';
import { describeError } from '../../logger';
import type { SlackChannel } from './SlackChannel';

export interface SocketModeOptions {
  appToken: string;
  /** Slack's Web API base URL (apps.connections.open is called there, with the app token only). */
  apiUrl: string;
  /** How long to wait for a pong; also the step of the client's reconnect back-off. Tests make it short. */
  clientPingTimeoutMs?: number;
}

/** The @slack/logger shape the client wants, writing only warnings and errors, shortened (never payloads). */
function quietLogger(logger: Logger) {
  let level = LogLevel.WARN;
  const line = (parts: unknown[]) => parts.map(String).join(' ').slice(0, 200);
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...parts: unknown[]) =>
      logger.warn({ channelId: 'slack', via: 'socket-mode', detail: line(parts) }, 'slack socket mode warning'),
    error: (...parts: unknown[]) =>
      logger.error({ channelId: 'slack', via: 'socket-mode', detail: line(parts) }, 'slack socket mode error'),
    setLevel: (next: LogLevel) => (level = next),
    getLevel: () => level,
    setName: () => undefined,
  };
}

/**
 * Slack's Socket Mode: the server opens an outbound WebSocket to Slack (no public HTTPS address needed) with
 * the app-level token, and Slack delivers the same Events API envelopes and Interactivity payloads over it.
 * Each envelope goes through the same SlackChannel as the HTTP route (same de-duplication, dialogs and
 * rendering) and is acknowledged as soon as it is accepted, well inside Slack's three seconds; the turn
 * runs after. @slack/socket-mode reconnects on its own when Slack recycles or drops the connection.
 */
export class SlackSocketMode {
  private readonly client: SocketModeClient;

  constructor(
    options: SocketModeOptions,
    private readonly channel: SlackChannel,
    private readonly logger: Logger,
  ) {
    this.client = new SocketModeClient({
      appToken: options.appToken,
      logger: quietLogger(logger),
      clientPingTimeout: options.clientPingTimeoutMs,
      clientOptions: { slackApiUrl: options.apiUrl },
    });
    this.client.on(
      'slack_event',
      (delivery: { ack: () => Promise<void>; type: string; body: unknown; retry_num?: number }) => {
        void this.handle(delivery);
      },
    );
  }

  async connect(): Promise<void> {
    await this.client.start();
    this.logger.info({ channelId: 'slack', via: 'socket-mode' }, 'slack socket mode connected');
  }

  async close(): Promise<void> {
    await this.client.disconnect();
  }

  private async handle(delivery: {
    ack: () => Promise<void>;
    type: string;
    body: unknown;
    retry_num?: number;
  }): Promise<void> {
    try {
      if (delivery.type === 'events_api') await this.channel.acceptEvent(delivery.body, delivery.retry_num);
      else if (delivery.type === 'interactive') await this.channel.acceptInteraction(delivery.body);
    } catch (error) {
      this.logger.error(
        { channelId: 'slack', via: 'socket-mode', error: describeError(error) },
        'slack envelope failed',
      );
    }
    // Acknowledged whatever came of it: an envelope we cannot use would only come back as a retry.
    try {
      await delivery.ack();
    } catch (error) {
      this.logger.warn(
        { channelId: 'slack', via: 'socket-mode', error: describeError(error) },
        'slack acknowledgement failed',
      );
    }
  }
}
