import type { TLSSocket } from 'node:tls';
import type restify from 'restify';
import { z } from 'zod';
import type { Clock } from '../../clock';
import type { DirectLineConfig } from '../../config';
import type { Logger } from '../../logger';
import { clientAddress } from '../clientAddress';
import { generateAzureToken } from './azureTokens';
import type { OwnChannelEndpoint } from './botConnector';
import type { DirectLineChannel, Outcome, Refusal } from './DirectLineChannel';
import { parseWatermark } from './stream';
import { bearerToken, type DirectLineTokens, type TokenClaims } from './tokens';

/** A parameter from the matched route's path (restify types req.params as any). */
const pathParam = (req: restify.Request, name: string): string => (req.params as Record<string, string>)[name];

export const DIRECT_LINE_PATH = '/v3/directline';
export const TOKEN_ENDPOINT = '/api/directline/token';

export interface DirectLineRouteDeps {
  channel: DirectLineChannel;
  tokens: DirectLineTokens;
  endpoint: OwnChannelEndpoint;
  config: DirectLineConfig;
  clock: Clock;
  logger: Logger;
}

/** What the page's token endpoint answers; `domain` may be relative to the page. */
export interface PageSession {
  mode: 'self-hosted' | 'azure';
  domain: string;
  webSocket: boolean;
  token: string;
  expiresIn: number;
  conversationId: string;
  userId: string;
  /** Kept by the page to come back to the same person (and, self-hosted, the same conversation). */
  resume: string;
  /** True when conversationId is an existing conversation to reconnect to (GET, not POST). */
  resumed: boolean;
}

const pageSessionRequest = z.object({ resume: z.string().max(4096).optional() });

/**
 * The Direct Line 3.0 surface under /v3/directline for clients, the page's token endpoint, and the
 * Bot Connector routes (/v3/conversations/...) the bot posts its activities to.
 */
export function mountDirectLine(server: restify.Server, deps: DirectLineRouteDeps): void {
  const { channel, tokens, logger } = deps;

  const refuse = (req: restify.Request, res: restify.Response, refusal: Refusal) => {
    if (refusal.retryAfterSeconds) res.header('Retry-After', String(refusal.retryAfterSeconds));
    logger.info(
      { status: refusal.status, error: refusal.error, route: req.getRoute()?.path },
      'direct line request refused',
    );
    res.send(
      refusal.status,
      refusal.reason ? { error: refusal.error, reason: refusal.reason } : { error: refusal.error },
    );
  };

  const authorize = async (req: restify.Request, conversationId?: string): Promise<Outcome<TokenClaims>> => {
    const check = await tokens.verify('conversation', bearerToken(req.headers.authorization));
    if (!check.ok) {
      return check.reason === 'expired'
        ? { ok: false, status: 403, error: 'token_expired' }
        : { ok: false, status: 401, error: 'unauthorized' };
    }
    if (conversationId !== undefined && check.claims.conv !== conversationId)
      return { ok: false, status: 403, error: 'wrong_conversation' };
    return { ok: true, value: check.claims };
  };

  const secondsLeft = (claims: TokenClaims) => Math.max(0, claims.exp - Math.floor(deps.clock.now().getTime() / 1000));

  const conversationAnswer = async (req: restify.Request, claims: TokenClaims, token: string, watermark = '') => ({
    conversationId: claims.conv,
    token,
    expires_in: secondsLeft(claims),
    streamUrl: await streamUrlFor(req, deps, claims, watermark),
  });

  server.post(TOKEN_ENDPOINT, async (req, res) => {
    const parsed = pageSessionRequest.safeParse(req.body ?? {});
    if (!parsed.success) return refuse(req, res, { ok: false, status: 400, error: 'invalid_request' });
    const session = await pageSession(req, deps, parsed.data.resume);
    if (!session.ok) return refuse(req, res, session);
    res.header('Cache-Control', 'no-store');
    res.send(200, session.value);
  });

  server.post(`${DIRECT_LINE_PATH}/tokens/generate`, async (req, res) => {
    const identity = channel.newIdentity(clientKey(req, deps));
    if (!identity.ok) return refuse(req, res, identity);
    const { token, expiresIn } = await tokens.issue('conversation', {
      conv: identity.value.conversationId,
      user: identity.value.userId,
    });
    res.header('Cache-Control', 'no-store');
    res.send(200, { conversationId: identity.value.conversationId, token, expires_in: expiresIn });
  });

  server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, async (req, res) => {
    const auth = await authorize(req);
    if (!auth.ok) return refuse(req, res, auth);
    if (await channel.isRevoked(auth.value.user))
      return refuse(req, res, { ok: false, status: 403, error: 'token_revoked' });
    const { token, expiresIn } = await tokens.issue('conversation', { conv: auth.value.conv, user: auth.value.user });
    res.header('Cache-Control', 'no-store');
    res.send(200, { conversationId: auth.value.conv, token, expires_in: expiresIn });
  });

  server.post(`${DIRECT_LINE_PATH}/conversations`, async (req, res) => {
    const auth = await authorize(req);
    if (!auth.ok) return refuse(req, res, auth);
    const started = await channel.start(auth.value);
    if (!started.ok) return refuse(req, res, started);
    res.send(
      started.value.created ? 201 : 200,
      await conversationAnswer(req, auth.value, bearerToken(req.headers.authorization)!),
    );
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, async (req, res) => {
    const auth = await authorize(req, pathParam(req, 'conversationId'));
    if (!auth.ok) return refuse(req, res, auth);
    const watermark = queryParam(req, 'watermark') ?? '';
    if (parseWatermark(watermark) === undefined)
      return refuse(req, res, { ok: false, status: 400, error: 'invalid_watermark' });
    if (!(await channel.conversationExists(auth.value.conv)))
      return refuse(req, res, { ok: false, status: 404, error: 'conversation_not_found' });
    res.send(200, await conversationAnswer(req, auth.value, bearerToken(req.headers.authorization)!, watermark));
  });

  server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req, res) => {
    const auth = await authorize(req, pathParam(req, 'conversationId'));
    if (!auth.ok) return refuse(req, res, auth);
    const posted = await channel.postFromUser(auth.value, req.body);
    if (!posted.ok) return refuse(req, res, posted);
    res.send(200, posted.value);
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req, res) => {
    const auth = await authorize(req, pathParam(req, 'conversationId'));
    if (!auth.ok) return refuse(req, res, auth);
    const watermark = parseWatermark(queryParam(req, 'watermark'));
    if (watermark === undefined) return refuse(req, res, { ok: false, status: 400, error: 'invalid_watermark' });
    if (!(await channel.conversationExists(auth.value.conv)))
      return refuse(req, res, { ok: false, status: 404, error: 'conversation_not_found' });
    res.header('Cache-Control', 'no-store');
    const group = await channel.activitiesAfter(auth.value.conv, watermark);
    res.send(200, group);
    channel.delivered(auth.value.conv, Number(group.watermark));
  });

  // Bot Connector side: the adapter posts replies and proactive messages to its serviceUrl, this server.
  const fromBot = async (req: restify.Request, res: restify.Response) => {
    if (!(await tokens.verify('bot', bearerToken(req.headers.authorization))).ok) {
      return refuse(req, res, { ok: false, status: 401, error: 'unauthorized' });
    }
    const posted = await channel.postFromBot(pathParam(req, 'conversationId'), req.body, pathParam(req, 'replyToId'));
    if (!posted.ok) return refuse(req, res, posted);
    res.send(200, posted.value);
  };
  server.post('/v3/conversations/:conversationId/activities', fromBot);
  server.post('/v3/conversations/:conversationId/activities/:replyToId', fromBot);
}

async function pageSession(
  req: restify.Request,
  deps: DirectLineRouteDeps,
  resume: string | undefined,
): Promise<Outcome<PageSession>> {
  const { channel, tokens, config } = deps;
  const returning = resume ? await tokens.verify('resume', resume) : undefined;
  let userId: string;
  let conversationId = '';
  let resumed = false;
  if (returning?.ok && !(await channel.isRevoked(returning.claims.user))) {
    userId = returning.claims.user;
    if (!config.azure)
      resumed = returning.claims.conv !== '' && (await channel.conversationExists(returning.claims.conv));
    if (resumed) conversationId = returning.claims.conv;
    else {
      // A resume key that does not lead back to its conversation makes a new one (here or at Azure):
      // it counts against the client's new conversations like a first visit, or one key could make any number.
      const fresh = channel.newConversationFor(clientKey(req, deps));
      if (!fresh.ok) return fresh;
      if (!config.azure) conversationId = fresh.value;
    }
  } else {
    // No resume key, or one that expired or was tampered with: a new anonymous person.
    const identity = channel.newIdentity(clientKey(req, deps));
    if (!identity.ok) return identity;
    ({ userId, conversationId } = identity.value);
  }

  if (config.azure) {
    const azure = await generateAzureToken(config.azure, userId);
    if (!azure.ok) {
      deps.logger.warn({ status: azure.status }, 'azure direct line token exchange failed');
      return { ok: false, status: 502, error: 'directline_unavailable' };
    }
    return {
      ok: true,
      value: {
        mode: 'azure',
        domain: config.azure.domain,
        webSocket: true,
        token: azure.token,
        expiresIn: azure.expiresIn,
        conversationId: azure.conversationId,
        userId,
        resume: (await tokens.issue('resume', { conv: '', user: userId })).token,
        resumed: false,
      },
    };
  }

  const { token, expiresIn } = await tokens.issue('conversation', { conv: conversationId, user: userId });
  return {
    ok: true,
    value: {
      mode: 'self-hosted',
      domain: DIRECT_LINE_PATH,
      webSocket: true,
      token,
      expiresIn,
      conversationId,
      userId,
      resume: (await tokens.issue('resume', { conv: conversationId, user: userId })).token,
      resumed,
    },
  };
}

/** Read from the URL itself: the server does not install restify's query parser. */
function queryParam(req: restify.Request, name: string): string | undefined {
  return new URL(req.url ?? '/', 'http://request.invalid').searchParams.get(name) ?? undefined;
}

/** The per-client limits count under the client's address, as TRUST_PROXY lets the proxies tell it. */
function clientKey(req: restify.Request, deps: DirectLineRouteDeps): string {
  return clientAddress(req, deps.config.trustProxy);
}

const HOST_HEADER = /^[A-Za-z0-9.\-:[\]]{1,255}$/;

/** The WebSocket address as the client reached us (behind a TLS proxy: wss). */
async function streamUrlFor(
  req: restify.Request,
  deps: DirectLineRouteDeps,
  claims: TokenClaims,
  watermark: string,
): Promise<string> {
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    .trim();
  const secure = forwarded === 'https' || Boolean((req.socket as TLSSocket).encrypted);
  const host =
    req.headers.host && HOST_HEADER.test(req.headers.host) ? req.headers.host : new URL(deps.endpoint.serviceUrl).host;
  const { token } = await deps.tokens.issue('stream', { conv: claims.conv, user: claims.user });
  const query = new URLSearchParams({ watermark, t: token });
  return `${secure ? 'wss' : 'ws'}://${host}${DIRECT_LINE_PATH}/conversations/${encodeURIComponent(claims.conv)}/stream?${query.toString()}`;
}
