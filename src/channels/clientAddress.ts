import type { IncomingMessage } from 'node:http';

/**
 * The one place that says which client a request comes from, for per-client limits (new Direct Line
 * conversations and resumes). Today the peer address of the connection; behind a proxy that is the
 * proxy's own address, so whoever makes the server trust a proxy header changes it here and nowhere else.
 */
export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}
