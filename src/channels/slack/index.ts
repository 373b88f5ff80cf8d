import type { TurnContext } from 'botbuilder';
import type restify from 'restify';
import type { CoachServices } from '../../bot/services';
import type { SlackConfig } from '../../config';
import type { ServerMount } from '../../server';
import type { CoachAdapter } from '../adapter';
import type { ConversationReferenceStore } from '../conversationReferences';
import { verifySlackRequest } from './signature';
import { SlackChannel } from './SlackChannel';
import type { SlackSender } from './webApi';

export { SlackChannel } from './SlackChannel';
export { slackSignature, verifySlackRequest } from './signature';
export const SLACK_EVENTS_PATH = '/api/slack/events';
export const SLACK_INTERACTIONS_PATH = '/api/slack/interactions';

export interface SlackDirect extends ServerMount {
  readonly channel: SlackChannel;
}

/** restify's body parsers keep the exact text they parsed in req.rawBody; the signature covers those bytes. */
function rawBodyOf(req: restify.Request): string | Buffer | undefined {
  const raw = (req as restify.Request & { rawBody?: string | Buffer }).rawBody;
  if (raw !== undefined) return raw;
  return typeof req.body === 'string' || Buffer.isBuffer(req.body) ? req.body : undefined;
}

function header(req: restify.Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The direct Slack route: POST /api/slack/events and /api/slack/interactions, every request signature-checked.
 * Slack's Web API client is loaded here, only for a deployment that turns Slack on.
 */
export async function createSlackDirect(deps: {
  config: SlackConfig;
  services: CoachServices;
  adapter: CoachAdapter;
  logic: (context: TurnContext) => Promise<void>;
  references: ConversationReferenceStore;
  sender?: SlackSender;
}): Promise<SlackDirect> {
  const { config, services } = deps;
  const sender = deps.sender ?? new (await import('./webApi')).SlackWebApiSender({ botToken: config.botToken, apiUrl: config.apiUrl, timeoutMs: config.timeoutMs });
  const channel = new SlackChannel({
    adapter: deps.adapter,
    logic: deps.logic,
    sender,
    renderer: services.renderer,
    content: services.content,
    references: deps.references,
    clock: services.clock,
    logger: services.logger,
    serviceUrl: config.apiUrl,
    seenEvents: services.store.seenEvents,
    // Every attempt times out, and the retries too: a send never holds the conversation's order for longer.
    sendDeadlineMs: config.timeoutMs * 4,
  });

  /** Checks the signature; on failure answers 401 and returns false. */
  const verified = (req: restify.Request, res: restify.Response): boolean => {
    const rawBody = rawBodyOf(req);
    const check = rawBody === undefined
      ? ({ ok: false, reason: 'missing_signature' } as const)
      : verifySlackRequest({
          secret: config.signingSecret,
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
    mount(server) {
      server.post(SLACK_EVENTS_PATH, async (req, res) => {
        if (verified(req, res)) {
          const answer = await channel.acceptEvent(req.body, header(req, 'x-slack-retry-num'));
          res.send(answer.status, answer.body ?? '');
        }
      });
      server.post(SLACK_INTERACTIONS_PATH, async (req, res) => {
        if (verified(req, res)) {
          let payload: unknown;
          try {
            payload = JSON.parse(String((req.body as { payload?: unknown } | undefined)?.payload ?? ''));
          } catch {
            res.send(400, { error: 'invalid_payload' });
            return;
          }
          const answer = await channel.acceptInteraction(payload);
          res.send(answer.status, answer.body ?? '');
        }
      });
    },
    async close(graceMs) {
      await channel.drain(graceMs);
    },
  };
}
