import type { TurnContext } from 'botbuilder';
import type restify from 'restify';
import type { ChannelServices } from '../services';
import type { SlackConfig } from '../../config';
import type { ServerMount } from '../../http/mount';
import type { CoachAdapter } from '../adapter';
import type { ConversationReferenceStore } from '../conversationReferences';
import type { SlackDeduplicator } from './dedup';
import { verifySlackRequest } from './signature';
import { SlackChannel } from './SlackChannel';
import type { SlackSocketMode } from './socketMode';
import type { SlackSender } from './webApi';

export { SlackChannel } from './SlackChannel';
export type { SlackDeduplicator } from './dedup';
export { slackSignature, verifySlackRequest } from './signature';
export const SLACK_EVENTS_PATH = '/api/slack/events';
export const SLACK_INTERACTIONS_PATH = '/api/slack/interactions';

export interface SlackDirect extends ServerMount {
  readonly channel: SlackChannel;
  /** Set when SLACK_APP_TOKEN is: the Socket Mode connection, opened by connect(). */
  readonly socketMode?: SlackSocketMode;
  /** Opens the Socket Mode connection (if configured); the HTTP routes need nothing. Not called by one-shot tools. */
  connect(): Promise<void>;
}

/** restify's body parsers keep the exact text they parsed in req.rawBody; the signature covers those bytes. */
function rawBodyOf(req: restify.Request): string | Buffer | undefined {
  const raw = (req as { rawBody?: unknown }).rawBody;
  if (typeof raw === 'string' || Buffer.isBuffer(raw)) return raw;
  const body: unknown = req.body;
  return typeof body === 'string' || Buffer.isBuffer(body) ? body : undefined;
}

function header(req: restify.Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The direct Slack route: the Events API (POST /api/slack/events and /api/slack/interactions, every request
 * signature-checked) when SLACK_SIGNING_SECRET is set, Socket Mode when SLACK_APP_TOKEN is, or both.
 * Slack's client libraries are loaded here, only for a deployment that turns Slack on.
 */
export async function createSlackDirect(deps: {
  config: SlackConfig;
  services: ChannelServices;
  adapter: CoachAdapter;
  logic: (context: TurnContext) => Promise<void>;
  references: ConversationReferenceStore;
  sender?: SlackSender;
  /** Event de-duplication shared by both ways in; in memory unless given (CONTRACTS item 5). */
  dedup?: SlackDeduplicator;
  /** Tests shorten the Socket Mode client's ping timeout (its reconnect back-off step). */
  socketModePingTimeoutMs?: number;
}): Promise<SlackDirect> {
  const { config, services } = deps;
  const webApi = deps.sender ? undefined : await import('./webApi');
  const sender =
    deps.sender ??
    new webApi!.SlackWebApiSender({ botToken: config.botToken, apiUrl: config.apiUrl, timeoutMs: config.timeoutMs });
  const proactiveSender =
    deps.sender ??
    new webApi!.SlackWebApiSender({
      botToken: config.botToken,
      apiUrl: config.apiUrl,
      retries: 0,
      timeoutMs: config.timeoutMs,
    });
  const channel = new SlackChannel({
    adapter: deps.adapter,
    logic: deps.logic,
    sender,
    proactiveSender,
    // In the database (CONTRACTS item 5): shared by instances, and a replay after a restart is still refused.
    dedup: deps.dedup ?? services.store.seenEvents,
    renderer: services.renderer,
    content: services.content,
    references: deps.references,
    clock: services.clock,
    logger: services.logger,
    serviceUrl: config.apiUrl,
  });

  const socketMode = config.appToken
    ? new (await import('./socketMode')).SlackSocketMode(
        { appToken: config.appToken, apiUrl: config.apiUrl, clientPingTimeoutMs: deps.socketModePingTimeoutMs },
        channel,
        services.logger,
      )
    : undefined;
  const signingSecret = config.signingSecret;

  /** Checks the signature; on failure answers 401 and returns false. */
  const verified = (req: restify.Request, res: restify.Response): boolean => {
    const rawBody = rawBodyOf(req);
    const check =
      rawBody === undefined || !signingSecret
        ? ({ ok: false, reason: 'missing_signature' } as const)
        : verifySlackRequest({
            secret: signingSecret,
            timestamp: header(req, 'x-slack-request-timestamp'),
            signature: header(req, 'x-slack-signature'),
            rawBody,
            now: services.clock.now(),
          });
    if (check.ok) return true;
    services.logger.warn({ channelId: 'slack', reason: check.reason, route: req.getPath() }, 'slack request refused');
    res.send(401, { error: check.reason });
    return false;
  };

  return {
    channel,
    socketMode,
    async connect() {
      await socketMode?.connect();
    },
    mount(server) {
      // Socket Mode alone needs no public route (and has no signing secret to check one with).
      if (!signingSecret) return;
      server.post(SLACK_EVENTS_PATH, async (req, res) => {
        if (!verified(req, res)) return;
        const answer = await channel.acceptEvent(req.body, header(req, 'x-slack-retry-num'));
        res.send(answer.status, answer.body ?? '');
      });
      server.post(SLACK_INTERACTIONS_PATH, async (req, res) => {
        if (!verified(req, res)) return;
        let payload: unknown;
        try {
          const raw = (req.body as { payload?: unknown } | undefined)?.payload;
          payload = JSON.parse(typeof raw === 'string' ? raw : '');
        } catch {
          res.send(400, { error: 'invalid_payload' });
          return;
        }
        const answer = await channel.acceptInteraction(payload);
        res.send(answer.status, answer.body ?? '');
      });
    },
    async close(graceMs) {
      await socketMode?.close();
      await channel.drain(graceMs);
    },
  };
}
