import { createHash, timingSafeEqual } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import restify from 'restify';
import { type CoachAdapter } from './channels/adapter';
import { describeError } from './logger';
import {
  asBotActivity,
  describeInvalidActivity,
  inboundActivitySchema,
  jsonDepth,
  MAX_JSON_DEPTH,
  plainlyValidActivity,
} from './channels/inboundActivity';
import { earlyRequestCheck, guardRequestHandlers, hostNameOf, isLoopbackHost } from './http/requestGuards';
import { isLoopbackAddress } from './http/loopback';
import { REQUEST_ID_HEADER, requestIdFrom } from './http/requestContext';
import { requestContext } from './logger';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import type { DataStore } from './storage/repositories';
import type { ServerMount } from './http/mount';

/** A piece of the app with its own routes (a channel, the web page) that the server hosts; defined in src/platform/http/mount.ts. */
export type { ServerMount };

export interface ServerDeps {
  adapter: CoachAdapter;
  logic: (context: TurnContext) => Promise<void>;
  store: DataStore;
  logger: Logger;
  maxBodyBytes: number;
  mounts?: ServerMount[];
  /**
   * Set when there is no app id, so /api/messages authenticates no one: it then answers only requests
   * whose Host (and Origin, when a browser sends one) is an allowed name, which stops a web page from
   * reaching it by DNS rebinding, and takes serviceUrls only on loopback or an allowed host, so the bot is
   * no relay to any address a caller names.
   */
  unauthenticated?: { allowedHosts: string[]; allowedServiceHosts: string[] };
  /** GET /metrics; absent = the route does not exist (the default). */
  metrics?: { registry: Metrics; token?: string; loopback: boolean };
}

export interface RunningServer {
  readonly server: restify.Server;
  /** Resolves with the bound port (useful with PORT=0). */
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting, waits for in-flight turns up to graceMs, then resolves. */
  close(graceMs: number): Promise<void>;
  readonly inFlight: number;
  /** True from the moment close() is called: /readyz answers 503 so a load balancer stops sending. */
  readonly draining: boolean;
}

export function createServer(deps: ServerDeps): RunningServer {
  const server = restify.createServer({ name: 'kratom-coach', handleUncaughtExceptions: false });
  let inFlight = 0;
  let idle: (() => void) | undefined;
  let draining = false;

  // Every request gets an id, sent back as X-Request-Id; every log line written while serving it carries it.
  server.pre((req, res, next) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.header('X-Request-Id', requestId);
    requestContext.run({ requestId }, () => next());
  });

  // restify 11's `first` chain runs before it parses the URL; @types/restify (8.x) does not know it yet.
  (server as restify.Server & { first(handler: typeof earlyRequestCheck): void }).first(earlyRequestCheck);
  // No route takes file uploads: refuse multipart before the body parser would write parts to disk.
  server.pre((req, res, next) => {
    if (/^multipart\//i.test(req.headers['content-type'] ?? '')) {
      res.send(415, { error: 'unsupported_media_type' });
      return next(false);
    }
    return next();
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: deps.maxBodyBytes, mapParams: false, mapFiles: false }));
  // The body parser resumes on the socket's events, outside the request's async context: enter it again.
  server.use((req, res, next) => {
    const requestId = String(res.getHeader('X-Request-Id'));
    requestContext.run({ requestId }, () => next());
  });

  server.post('/api/messages', async (req, res) => {
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(req.headers['content-type'] ?? '')) {
      res.send(415, { error: 'unsupported_media_type', reason: 'send the activity as application/json' });
      return;
    }
    if (deps.unauthenticated) {
      const refusal = unauthenticatedRefusal(req, deps.unauthenticated);
      if (refusal) {
        deps.logger.warn(
          { status: 403, route: '/api/messages', reason: refusal },
          'request refused: not from an allowed host',
        );
        res.send(403, { error: 'forbidden', reason: refusal });
        return;
      }
    }
    if (jsonDepth(req.body) > MAX_JSON_DEPTH) {
      res.send(400, { error: 'invalid_activity', reason: 'body is nested too deeply' });
      return;
    }
    // An ordinary message passes a quick check with the schema's own rules; anything else gets the schema.
    if (!plainlyValidActivity(req.body)) {
      const parsed = inboundActivitySchema.safeParse(req.body);
      if (!parsed.success) {
        res.send(400, { error: 'invalid_activity', reason: describeInvalidActivity(parsed.error) });
        return;
      }
    }
    const { serviceUrl } = req.body as { serviceUrl?: unknown };
    if (deps.unauthenticated && !serviceUrlAllowed(serviceUrl, deps.unauthenticated.allowedServiceHosts)) {
      res.send(400, { error: 'invalid_activity', reason: 'serviceUrl is not an allowed host' });
      return;
    }
    // The activity goes to processActivity as validated above. CloudAdapter.process would check it again
    // with zod schemas it builds on every request, and that costs a fifth of a whole turn (README, benchmark).
    inFlight++;
    try {
      const invokeResponse = await deps.adapter.processInbound(
        req.headers.authorization ?? '',
        asBotActivity(req.body as Record<string, unknown>),
        deps.logic,
      );
      const status = invokeResponse?.status ?? 200;
      if (invokeResponse?.body === undefined) res.send(status);
      else res.send(status, invokeResponse.body);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        deps.logger.warn({ status: 401, route: '/api/messages' }, 'request refused: no valid Bot Framework token');
        if (!res.headersSent) res.send(401, { error: 'unauthorized' });
        return;
      }
      deps.logger.error({ error: describeError(error) }, 'activity processing failed');
      // Never the error's own text: it could quote what a person typed.
      if (!res.headersSent) res.send(500, { error: 'internal_error' });
    } finally {
      inFlight--;
      if (inFlight === 0) idle?.();
    }
  });

  // Alive: the process answers and its database does. Stays 200 while draining (the process is still alive).
  server.get('/healthz', async (_req, res) => {
    const ok = await deps.store.healthy();
    res.send(ok ? 200 : 503, { status: ok ? 'ok' : 'database_unavailable' });
  });

  // Ready for new work: 503 as soon as a drain starts, so a load balancer moves traffic before the listener closes.
  server.get('/readyz', async (_req, res) => {
    if (draining) {
      res.send(503, { status: 'draining' });
      return;
    }
    const ok = await deps.store.healthy();
    res.send(ok ? 200 : 503, { status: ok ? 'ready' : 'database_unavailable' });
  });

  const metrics = deps.metrics;
  if (metrics) {
    server.get('/metrics', async (req, res) => {
      const byToken = metrics.token !== undefined && bearerMatches(req.headers.authorization, metrics.token);
      // Loopback only when no proxy relayed it: behind a proxy on the same host every visitor is loopback.
      const relayed = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
      const byLoopback = metrics.loopback && !relayed && isLoopbackAddress(req.socket.remoteAddress);
      if (!byToken && !byLoopback) {
        res.header('WWW-Authenticate', 'Bearer');
        res.send(401, {
          error: 'unauthorized',
          reason: metrics.token
            ? 'send Authorization: Bearer <METRICS_TOKEN>'
            : 'metrics answer loopback requests only',
        });
        return;
      }
      const { contentType, body } = await metrics.registry.text();
      res.writeHead(200, { 'Content-Type': contentType });
      res.end(body);
    });
  }

  for (const mount of deps.mounts ?? []) mount.mount(server);

  server.on(
    'restifyError',
    (req: restify.Request, res: restify.Response, error: RestifyError, callback: () => void) => {
      // Restify's own refusals (bad JSON, body too large, unknown route) keep their status, with our own
      // short body: theirs can quote the request (the start of a malformed body, an unknown path).
      const restifyCode = String(error.restCode ?? error.code);
      deps.logger.warn(
        {
          status: error.statusCode,
          code: restifyCode,
          route: req.getRoute?.()?.path,
          requestId: res.getHeader('X-Request-Id'),
        },
        'request refused',
      );
      const status = Number(error.statusCode) || 500;
      const code = RESTIFY_ERRORS[restifyCode] ?? (status >= 500 ? 'internal_error' : 'bad_request');
      const body = code === 'invalid_json' ? { error: code, reason: 'the body is not valid JSON' } : { error: code };
      error.toJSON = () => body;
      callback();
    },
  );
  guardRequestHandlers(server.server, deps.logger);

  return {
    server,
    get inFlight() {
      return inFlight;
    },
    get draining() {
      return draining;
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const bound = server.address() as { address: string; port: number };
          for (const mount of deps.mounts ?? []) mount.listening?.(bound.address, bound.port);
          resolve(bound.port);
        });
      });
    },
    async close(graceMs) {
      draining = true;
      await Promise.all((deps.mounts ?? []).map((mount) => mount.close?.(graceMs) ?? Promise.resolve()));
      const closed = new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      if (inFlight > 0) {
        const drained = new Promise<void>((resolve) => (idle = resolve));
        await Promise.race([drained, new Promise((r) => setTimeout(r, graceMs).unref())]);
      }
      server.server.closeIdleConnections?.();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1000).unref())]);
    },
  };
}

/** Restify's error codes, as the short names our own refusals use. */
/** What restify passes to its restifyError listeners (an HttpError from restify-errors, or any error). */
type RestifyError = Error & { code?: string; restCode?: string; statusCode?: number; toJSON?: () => unknown };

const RESTIFY_ERRORS: Record<string, string> = {
  InvalidContent: 'invalid_json',
  BadRequest: 'bad_request',
  PayloadTooLarge: 'body_too_large',
  RequestEntityTooLarge: 'body_too_large',
  ResourceNotFound: 'not_found',
  MethodNotAllowed: 'method_not_allowed',
  UnsupportedMediaType: 'unsupported_media_type',
  NotAcceptable: 'not_acceptable',
  RequestTimeout: 'request_timeout',
};

/** Why an unauthenticated /api/messages request is refused, or undefined when its Host and Origin are allowed. */
function unauthenticatedRefusal(req: restify.Request, allowed: { allowedHosts: string[] }): string | undefined {
  const host = hostNameOf(req.headers.host, false);
  if (!host || !allowed.allowedHosts.includes(host)) return 'host is not allowed';
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const originHost = hostNameOf(origin, true);
    if (!originHost || !allowed.allowedHosts.includes(originHost)) return 'origin is not allowed';
  }
  return undefined;
}

function serviceUrlAllowed(serviceUrl: unknown, allowedServiceHosts: string[]): boolean {
  const host = typeof serviceUrl === 'string' ? hostNameOf(serviceUrl, true) : undefined;
  return host !== undefined && (isLoopbackHost(host) || allowedServiceHosts.includes(host));
}

/** Constant-time comparison of `Authorization: Bearer <token>` with the expected token. */
function bearerMatches(header: string | undefined, expected: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) return false;
  const given = createHash('sha256').update(match[1]).digest();
  return timingSafeEqual(given, createHash('sha256').update(expected).digest());
}
