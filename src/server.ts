import type { TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import restify from 'restify';
import { type CoachAdapter, describeError } from './channels/adapter';
import { asBotActivity, describeInvalidActivity, inboundActivitySchema, jsonDepth, MAX_JSON_DEPTH } from './channels/inboundActivity';
import type { Logger } from './logger';
import type { DataStore } from './storage/repositories';

/** A piece of the app with its own routes (a channel, the web page) that the server hosts. */
export interface ServerMount {
  mount(server: restify.Server): void;
  /** Told the address the server bound, once it listens. */
  listening?(address: string, port: number): void;
  /** Stops taking new work and waits up to graceMs for its work in flight, before the listener closes. */
  close?(graceMs: number): Promise<void>;
}

export interface ServerDeps {
  adapter: CoachAdapter;
  logic: (context: TurnContext) => Promise<void>;
  store: DataStore;
  logger: Logger;
  maxBodyBytes: number;
  mounts?: ServerMount[];
}

export interface RunningServer {
  readonly server: restify.Server;
  /** Resolves with the bound port (useful with PORT=0). */
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting, waits for in-flight turns up to graceMs, then resolves. */
  close(graceMs: number): Promise<void>;
  readonly inFlight: number;
}

export function createServer(deps: ServerDeps): RunningServer {
  const server = restify.createServer({ name: 'kratom-coach', handleUncaughtExceptions: false });
  let inFlight = 0;
  let idle: (() => void) | undefined;

  // No route takes file uploads: refuse multipart before the body parser would write parts to disk.
  server.pre((req, res, next) => {
    if (/^multipart\//i.test(req.headers['content-type'] ?? '')) {
      res.send(415, { error: 'unsupported_media_type' });
      return next(false);
    }
    return next();
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: deps.maxBodyBytes, mapParams: false, mapFiles: false }));

  server.post('/api/messages', async (req, res) => {
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(req.headers['content-type'] ?? '')) {
      res.send(415, { error: 'unsupported_media_type', reason: 'send the activity as application/json' });
      return;
    }
    if (jsonDepth(req.body) > MAX_JSON_DEPTH) {
      res.send(400, { error: 'invalid_activity', reason: 'body is nested too deeply' });
      return;
    }
    const parsed = inboundActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      res.send(400, { error: 'invalid_activity', reason: describeInvalidActivity(parsed.error) });
      return;
    }
    // The activity goes to processActivity as validated above. CloudAdapter.process would check it again
    // with zod schemas it builds on every request, and that costs a fifth of a whole turn (README, benchmark).
    inFlight++;
    try {
      const invokeResponse = await deps.adapter.processInbound(req.headers.authorization ?? '', asBotActivity(req.body), deps.logic);
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

  server.get('/healthz', async (_req, res) => {
    const ok = await deps.store.healthy();
    res.send(ok ? 200 : 503, { status: ok ? 'ok' : 'database_unavailable' });
  });

  for (const mount of deps.mounts ?? []) mount.mount(server);

  server.on('restifyError', (req, res, error, callback) => {
    // Restify's own refusals (bad JSON, body too large, unknown route) keep their 4xx with a short reason.
    deps.logger.warn({ status: error.statusCode, code: error.code, route: req.getPath?.() }, 'request refused');
    callback();
  });

  return {
    server,
    get inFlight() {
      return inFlight;
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
      await Promise.all((deps.mounts ?? []).map((mount) => mount.close?.(graceMs)));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if (inFlight > 0) {
        const drained = new Promise<void>((resolve) => (idle = resolve));
        await Promise.race([drained, new Promise((r) => setTimeout(r, graceMs).unref())]);
      }
      server.server.closeIdleConnections?.();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1000).unref())]);
    },
  };
}
