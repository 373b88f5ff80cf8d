import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { describeError, type Logger } from '../logger';

/**
 * Checks that run on every request before restify looks at it (restify's `first` chain), so nothing
 * later can trip over them:
 * - the request target must be origin-form (`/path?query`): restify 11 parses absolute-form targets with
 *   url.parse, which throws on a broken IPv6 host and took the process down;
 * - a body must not be compressed: restify's body reader counts compressed bytes against the size limit,
 *   so an inflated body could be any size; no client of ours compresses what it sends;
 * - every answer says `X-Content-Type-Options: nosniff`;
 * - HEAD is answered as GET without a body (Node drops the body of an answer to HEAD itself).
 * Returns false when the request was answered here.
 */
export function earlyRequestCheck(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  const target = req.url ?? '';
  if (!isOriginForm(target)) return answerEarly(req, res, 400, 'invalid_request_target', true);
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && !/^\s*identity\s*$/i.test(encoding))
    return answerEarly(req, res, 415, 'unsupported_content_encoding', false);
  if (req.method === 'HEAD') req.method = 'GET';
  return true;
}

/** `/` followed by path and query characters; not `//host`, not `*`, not `http://...`. */
export function isOriginForm(target: string): boolean {
  return (
    target.length > 0 && target.length <= 8192 && target[0] === '/' && target[1] !== '/' && !/[\s\\#]/.test(target)
  );
}

/** What a refused request may still send (and is read and dropped) before its connection is cut. */
const DISCARD_LIMIT_BYTES = 1024 * 1024;

function answerEarly(req: IncomingMessage, res: ServerResponse, status: number, error: string, close: boolean): false {
  const body = JSON.stringify({ error });
  // The body is read and dropped, never parsed, so the client sees the answer instead of a reset; a
  // client that keeps sending past the limit is cut off.
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT_BYTES) req.socket.destroy();
  });
  req.on('error', () => undefined);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(body);
  return false;
}

/**
 * The last line of defence around restify's request handling: anything thrown synchronously while
 * routing a request is logged (its name and frames, never a message, which could quote the request) and
 * answered with 400 (an unreadable URL) or 500, and the process keeps serving everyone else.
 */
export function guardRequestHandlers(server: Server, logger: Logger): void {
  for (const event of ['request', 'checkContinue'] as const) {
    const handlers = server.listeners(event) as Array<(req: IncomingMessage, res: ServerResponse) => void>;
    if (handlers.length === 0) continue;
    server.removeAllListeners(event);
    server.on(event, (req: IncomingMessage, res: ServerResponse) => {
      try {
        for (const handler of handlers) handler.call(server, req, res);
      } catch (error) {
        answerAfterThrow(req, res, error, logger);
      }
    });
  }
}

export function answerAfterThrow(req: IncomingMessage, res: ServerResponse, error: unknown, logger: Logger): void {
  const status =
    error instanceof URIError || (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_INVALID_URL' ? 400 : 500;
  logger.error(
    { status, method: req.method, error: describeError(error) },
    'request handling threw; answered without it',
  );
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error: status === 400 ? 'bad_request' : 'internal_error' });
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    Connection: 'close',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

/**
 * A host name from a Host header or an Origin, lower-cased, without port or IPv6 brackets; undefined when
 * it cannot be read.
 */
export function hostNameOf(value: string | undefined, withScheme: boolean): string | undefined {
  if (!value) return undefined;
  // Nearly every request names the same Host and serviceUrl: keep the last few answers (a pure function).
  const key = (withScheme ? 's:' : 'h:') + value;
  if (hostNames.has(key)) return hostNames.get(key);
  const host = parseHostName(value, withScheme);
  if (hostNames.size >= 64) hostNames.clear();
  hostNames.set(key, host);
  return host;
}

const hostNames = new Map<string, string | undefined>();

function parseHostName(value: string, withScheme: boolean): string | undefined {
  try {
    const url = new URL(withScheme ? value : `http://${value}`);
    if (!withScheme && (url.pathname !== '/' || url.search || url.username || url.password)) return undefined;
    return url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  } catch {
    return undefined;
  }
}

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}
